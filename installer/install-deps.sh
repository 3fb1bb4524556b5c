#!/bin/bash
# Installs what Herald needs on Debian 12: the build set, and with --test the
# real servers and tools the test suite starts (Dovecot, Postfix, NSD, Xvfb …).
# Run as root (or through sudo). Distribution daemons are NOT started: the test
# suite runs its own instances from tests/support on loopback high ports.
set -euo pipefail

with_test=no
for arg in "$@"; do
    case "$arg" in
        --test) with_test=yes ;;
        *) echo "install-deps.sh: unknown option $arg (use --test)" >&2; exit 2 ;;
    esac
done

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps.sh: run as root, e.g. sudo $0 $*" >&2
    exit 1
fi

build_packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev libvmime-dev libsqlite3-dev libssl-dev
    qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus
    libunbound-dev libpsl-dev publicsuffix ca-certificates
    qt6-translations-l10n
    dpkg-dev file
)
test_packages=(
    dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd postfix nsd openssl
    python3 python3-dkim python3-spf python3-dnspython
    xvfb xauth imagemagick procps
    at-spi2-core python3-pyatspi dbus
    desktop-file-utils appstream
    clang libclang-rt-14-dev # tests/fuzz: libFuzzer and the sanitizers' runtimes
)

packages=("${build_packages[@]}")
[ "$with_test" = yes ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps.sh: all ${#packages[@]} packages present"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# Keep the packages' own daemons (postfix, dovecot, nsd) from starting while we
# install; remove the guard afterwards if we created it.
created_policy=no
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created_policy=yes
fi
trap '[ "$created_policy" = yes ] && rm -f /usr/sbin/policy-rc.d' EXIT
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections

echo "install-deps.sh: installing ${#missing[@]} packages: ${missing[*]}"
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
