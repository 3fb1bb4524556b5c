#!/bin/sh
# Refreshes herald_de.ts and herald_fr.ts from the sources (new strings come in as
# unfinished, strings gone from the code are dropped). Run from anywhere:
#   translations/update.sh [build-dir]     (default: <repo>/build)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
# Reconfigure so the source glob picks up files added since the last configure.
cmake -S "$repo" -B "$build" >/dev/null
cmake --build "$build" --target herald_translations_lupdate
# What is left to translate:
grep -c 'type="unfinished"' "$repo"/translations/*.ts || true
