#!/bin/sh
# Runs a command with a real system keychain: a private D-Bus session bus (dbus-run-session)
# with GNOME Keyring's Secret Service on it, its login keyring created and unlocked with a
# throwaway password fed on stdin (DESIGN.md, "Credentials"). The keyring lives in a temporary
# XDG_DATA_HOME, so the user's own keyrings are never touched; it goes when the command ends.
#   with_keychain.sh COMMAND [ARGS...]      (ctest COMMAND of the tests that need a keychain)
set -eu
[ $# -ge 1 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 1; }
done
scratch=$(mktemp -d /tmp/herald-keychain.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 0700 "$scratch/runtime" "$scratch/data"
export XDG_RUNTIME_DIR="$scratch/runtime" XDG_DATA_HOME="$scratch/data"
# Inside the session: start the daemon (it exits with the bus), then the command.
dbus-run-session -- sh -c '
    printf "%s" herald-test-keyring |
        gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null ||
        { echo "with_keychain.sh: gnome-keyring-daemon did not start" >&2; exit 1; }
    exec "$@"' with_keychain "$@"
