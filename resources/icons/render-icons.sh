#!/bin/bash
# Renders herald.svg to the PNG sizes of the hicolor icon theme (hicolor/SIZExSIZE/apps/).
# The PNGs are committed, so building needs no SVG renderer; run this after changing the SVG
# (needs rsvg-convert from Debian's librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" herald.svg -o "hicolor/${size}x${size}/apps/org.herald.Herald.png"
done
