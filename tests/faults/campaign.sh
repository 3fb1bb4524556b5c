#!/bin/bash
# The fault campaign (docs/fault-campaign.md): RUNS seeded runs from FIRST_SEED (default 1),
# each through a TcpProxy that cuts, stalls or corrupts the IMAP, POP3 or SMTP stream once.
# Starts a private stack (tests/support/stack.sh), runs build/tests/faults/fault_campaign under
# nice, stops the stack. Not part of ctest or CI; run as root after building the tests:
#   cmake --build build --target fault_campaign herald-cli
#   tests/faults/campaign.sh 1000            # the whole campaign
#   tests/faults/campaign.sh 1 SEED          # one failing seed alone
# Environment: BUILD_DIR (default build), HERALD_FAULTS_DIR (default /tmp/herald-faults; the
# stack, campaign.log and runs.tsv go there). Seed ranges can run in parallel, each with a
# HERALD_FAULTS_DIR (so a stack) of its own; tests/faults/table.py merges their runs.tsv.
set -euo pipefail
RUNS=${1:?usage: campaign.sh RUNS [FIRST_SEED]}
FIRST=${2:-1}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$ROOT" && cd "${BUILD_DIR:-build}" && pwd)
WORK=${HERALD_FAULTS_DIR:-/tmp/herald-faults}
STACK="$WORK/stack"
CAMPAIGN="$BUILD/tests/faults/fault_campaign"
export HERALD_CLI="$BUILD/app/herald-cli"
for f in "$CAMPAIGN" "$HERALD_CLI"; do
    [ -x "$f" ] || { echo "build it first: $f (cmake --build build --target fault_campaign herald-cli)" >&2; exit 2; }
done

mkdir -p "$WORK"
"$ROOT/tests/support/stack.sh" stop "$STACK" >/dev/null 2>&1 || true
trap '"$ROOT/tests/support/stack.sh" stop "$STACK" >/dev/null 2>&1 || true' EXIT
"$ROOT/tests/support/stack.sh" start "$STACK" >/dev/null
export HERALD_STACK_DIR="$STACK"
echo "fault campaign: $RUNS runs from seed $FIRST, load $(cut -d' ' -f1-3 /proc/loadavg), log $WORK/campaign.log" >&2
status=0
nice -n 10 "$CAMPAIGN" "$RUNS" "$FIRST" --tsv "$WORK/runs.tsv" | tee "$WORK/campaign.log" || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit $status
