#!/bin/bash
# Installs what Herald needs on Debian 12: the build set, and with --test the
# real servers and tools the test suite starts (Dovecot, Postfix, NSD, Xvfb …), and
# Cyrus IMAP unpacked into a private root beside Dovecot (see unpack_cyrus below).
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
    clang-format-14 # tests/check_format.sh (unit/clang_format)
    # Cyrus IMAP's libraries and SASL tools (Cyrus itself: unpack_cyrus)
    sasl2-bin libsasl2-modules libsasl2-modules-db libclamav12 libical3 libxapian30
    libzephyr4 libjansson4 libpq5 libwrap0 libicu72 libldap-2.5-0 libkrb5-3 libpcre3 libxml2
)

# Debian's cyrus-imapd conflicts with dovecot-imapd (both provide imap-server), so the test
# stack's second IMAP server is not installed: its two packages are downloaded and unpacked
# into a private root that tests/support/stack.sh runs them from (tests/support/cyrus/).
CYRUS_CACHE=${HERALD_CYRUS_CACHE:-/var/cache/herald-test/cyrus}
unpack_cyrus() {
    local version root=$CYRUS_CACHE/root
    version=$(apt-cache show --no-all-versions cyrus-imapd 2>/dev/null | sed -n 's/^Version: //p')
    [ -n "$version" ] || { apt-get update -q && version=$(apt-cache show --no-all-versions cyrus-imapd | sed -n 's/^Version: //p'); }
    if [ -x "$root/usr/lib/cyrus/bin/master" ] && [ "$(cat "$root/.version" 2>/dev/null)" = "$version" ]; then
        echo "install-deps.sh: Cyrus IMAP $version unpacked in $root"
        return 0
    fi
    mkdir -p "$CYRUS_CACHE"
    rm -rf "$root" "$CYRUS_CACHE"/*.deb
    (cd "$CYRUS_CACHE" && apt-get download -q -o APT::Sandbox::User=root \
        "cyrus-common=$version" "cyrus-imapd=$version")
    mkdir -p "$root"
    for deb in "$CYRUS_CACHE"/cyrus-common_*.deb "$CYRUS_CACHE"/cyrus-imapd_*.deb; do
        dpkg -x "$deb" "$root"
    done
    echo "$version" >"$root/.version"
    echo "install-deps.sh: Cyrus IMAP $version unpacked in $root"
}

packages=("${build_packages[@]}")
[ "$with_test" = yes ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps.sh: all ${#packages[@]} packages present"
    [ "$with_test" = yes ] && unpack_cyrus
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
[ "$with_test" = yes ] && unpack_cyrus
exit 0
