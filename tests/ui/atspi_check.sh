#!/bin/sh
# Proves the accessible names reach a screen reader: a private session bus, the AT-SPI bus,
# Herald's main window under Xvfb with Qt's AT-SPI bridge on, and atspi_names.py reading the
# tree (DESIGN.md, "Accessibility works headless"). Usage: atspi_check.sh HERALD [PROFILE]
# (without PROFILE: an empty one, as on first start). ctest runs it as ui/atspi_names.
# Packages: at-spi2-core python3-pyatspi xvfb dbus (installer/install-deps.sh).
set -eu
herald=$1
profile=${2:-}
if [ -z "$profile" ]; then
    profile=$(mktemp -d)
    trap 'rm -rf "$profile"' EXIT
fi
here=$(cd "$(dirname "$0")" && pwd)
# Everything runs in a process group of its own (setsid), ended as a whole at the end: the
# launcher's bus, the registry, Xvfb and Herald never outlive the check.
dbus-run-session -- setsid -w sh -c '
    trap "" TERM
    trap "kill -TERM 0 2>/dev/null" EXIT
    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 xvfb-run -a "$1" --profile "$2" &
    /usr/bin/python3 "$3/atspi_names.py" herald
' sh "$herald" "$profile" "$here"
