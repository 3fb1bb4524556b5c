#!/bin/bash
# herald --quit-after (app/QuitAfter.h), as installer/check-package.sh runs the installed one:
# an offscreen start on a fresh profile exits 0 after the window was shown; a bad value exits 2.
set -u
herald=$1
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
export QT_QPA_PLATFORM=offscreen
start=$(date +%s)
timeout 60 "$herald" --profile "$profile" --quit-after 1
rc=$?
[ $rc -eq 0 ] || { echo "FAIL: herald --quit-after 1 exited $rc"; exit 1; }
[ $(( $(date +%s) - start )) -ge 1 ] || { echo "FAIL: herald quit before 1 s"; exit 1; }
timeout 60 "$herald" --profile "$profile" --quit-after soon 2>"$profile/err"
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: --quit-after soon exited $rc, not 2"; exit 1; }
grep -q "needs a number of seconds" "$profile/err" || { echo "FAIL: no reason given"; cat "$profile/err"; exit 1; }
echo "PASS: herald --quit-after"
