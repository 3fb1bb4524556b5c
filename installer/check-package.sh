#!/bin/bash
# Builds the Debian package from a configured build tree, checks the desktop entry and the
# AppStream metainfo, installs the package on this machine with apt, and starts what it
# installed: herald-cli --version and an offscreen herald that quits after 3 seconds.
# Usage (as root): installer/check-package.sh [BUILD_DIR]   (default: build). .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
step() { echo "check-package: $*"; }

# Alone (not after tests/run.sh): the tools and a configured build tree first.
installer/install-deps.sh --test
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

step "validating the desktop entry and the metainfo"
installer/validate-desktop-files.sh

step "building the package in $build"
rm -f "$build"/herald_*.deb
# Only what the package holds (the `package` target would build the tests too).
cmake --build "$build" --target herald herald-cli
(cd "$build" && cpack -G DEB)
debs=("$build"/herald_*_amd64.deb)
[ -f "${debs[0]}" ] || { echo "check-package: no herald_*_amd64.deb in $build" >&2; exit 1; }
deb=$(realpath "${debs[0]}")
step "built $(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
# What the desktop needs must be in it.
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/herald ./usr/bin/herald-cli \
    ./usr/share/applications/org.herald.Herald.desktop \
    ./usr/share/metainfo/org.herald.Herald.metainfo.xml \
    ./usr/share/icons/hicolor/256x256/apps/org.herald.Herald.png \
    ./usr/share/icons/hicolor/scalable/apps/org.herald.Herald.svg \
    ./usr/share/man/man1/herald.1 ./usr/share/man/man1/herald-cli.1 \
    ./usr/share/doc/herald/guide/index.md; do
    grep -q " $path\$" <<<"$contents" || { echo "check-package: $path missing from the package" >&2; exit 1; }
done

step "installing it with apt"
export DEBIAN_FRONTEND=noninteractive
# --reinstall: the same version from an earlier run must not keep its old files.
apt-get install -y -q --no-install-recommends --reinstall "$deb"

# The plugins Qt loads at run time came with the dependencies (installer/CMakeLists.txt).
plugins=$(dpkg-query -L libqt6gui6 libqt6network6)
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so tls/libqopensslbackend.so; do
    grep -q "/qt6/plugins/$plugin\$" <<<"$plugins" ||
        { echo "check-package: no package installed Qt's $plugin" >&2; exit 1; }
done

step "running the installed programs"
expected_version=$(dpkg-deb -f "$deb" Version)
version=$(/usr/bin/herald-cli --version)
[ "$version" = "herald-cli $expected_version" ] ||
    { echo "check-package: herald-cli --version said '$version'" >&2; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# A fresh profile: the first start opens the account set-up over the window, as for a new user.
QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/herald --profile "$profile" --quit-after 3
step "ok: $version installed from $(basename "$deb"), herald started and quit"
