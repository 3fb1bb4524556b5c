#!/bin/bash
# The desktop entry and the AppStream metainfo as the desktop and software centres read them
# (desktop-file-utils, appstream: installer/install-deps.sh --test). Run by ctest
# (installer/desktop_files) and by installer/check-package.sh.
set -euo pipefail
cd "$(dirname "$0")/../resources"
desktop-file-validate org.herald.Herald.desktop
appstreamcli validate --no-net org.herald.Herald.metainfo.xml
# The names that tie them together: the metainfo launches the desktop entry, which names the icon.
grep -qx 'Icon=org.herald.Herald' org.herald.Herald.desktop
grep -q '<launchable type="desktop-id">org.herald.Herald.desktop</launchable>' org.herald.Herald.metainfo.xml
grep -qx 'MimeType=x-scheme-handler/mailto;message/rfc822;' org.herald.Herald.desktop
grep -qx 'Exec=herald %u' org.herald.Herald.desktop
for size in 16 22 24 32 48 64 128 256; do
    test -s "icons/hicolor/${size}x${size}/apps/org.herald.Herald.png"
done
echo "desktop entry, metainfo and icons: valid"
