#!/bin/bash
# Two builds of herald-cli on the same Dovecot mailbox, alternating (A, B, A, B, ...), with
# mbsync (FSync no) in every round as the peer: wall-clock AND CPU seconds (user + system) of
# each initial sync; which build goes first alternates by round. On a shared machine the wall clock moves with the load by a factor of two;
# CPU seconds barely do, so "B is no slower than A" is read from them. Not part of CI:
#   apt-get install -y isync
#   [ROUNDS=3] tests/bench/imap_sync_ab.sh OLD_HERALD_CLI NEW_HERALD_CLI [N=10000]
set -euo pipefail
shopt -s inherit_errexit
CLI_A=$1
CLI_B=$2
N=${3:-10000}
ROUNDS=${ROUNDS:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${HERALD_BENCH_DIR:-/tmp/herald-ab}
STACK="$WORK/stack"
command -v mbsync >/dev/null || { echo "install isync (mbsync) first" >&2; exit 1; }
for cli in "$CLI_A" "$CLI_B"; do [ -x "$cli" ] || { echo "not executable: $cli" >&2; exit 1; }; done

"$ROOT/tests/support/stack.sh" stop "$STACK" >/dev/null 2>&1 || true
rm -rf "$WORK"; mkdir -p "$WORK"
trap '"$ROOT/tests/support/stack.sh" stop "$STACK" >/dev/null 2>&1 || true' EXIT
"$ROOT/tests/support/stack.sh" start "$STACK" >/dev/null
# shellcheck disable=SC1091
source "$STACK/stack.env"
python3 "$ROOT/tests/bench/seed_maildir.py" "$MAIL_DIR/alice" "$N"
chown -R "$MAIL_UID:$MAIL_GID" "$MAIL_DIR/alice"
doveadm -c "$DOVECOT_CONF" force-resync -u alice INBOX
doveadm -c "$DOVECOT_CONF" fetch -u alice 'uid flags date.received body' mailbox INBOX all > /dev/null
export HERALD_BENCH_PW="$PASSWORD_alice"

measure() { # measure CMD… -> "wall cpu" (seconds)
    /usr/bin/time -o "$WORK/t" -f "%e %U %S" "$@" >/dev/null 2>"$WORK/err" ||
        { echo "failed: $* ($(tail -1 "$WORK/err"))" >&2; exit 1; }
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$WORK/t"
}
herald() { # herald CLI MODE -> "wall cpu" of one sync on a fresh profile
    local profile="$WORK/profile"
    rm -rf "$profile"
    "$1" --profile "$profile" account add --name bench --email alice@herald.test \
        --incoming "imaps://alice@127.0.0.1:$IMAPS_PORT" \
        --outgoing "smtps://alice@127.0.0.1:$SUBMISSIONS_PORT" \
        --password-env HERALD_BENCH_PW --ca-file "$CA_FILE" 2>/dev/null
    if [ "$2" = headers ]; then
        measure "$1" --profile "$profile" sync --headers-only
    else
        measure "$1" --profile "$profile" sync
    fi
}
# shellcheck source=mbsync_rc.sh
source "$ROOT/tests/bench/mbsync_rc.sh"
mbsync_full() {
    mbsync_rc "$WORK/mbsync" no
    measure mbsync -c "$WORK/mbsync/rc" -a
}

echo "| round | load | A headers | B headers | A full | B full | mbsync full |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    # The second sync of a pair pays for reclaiming the first one's 250 MB of page cache
    # (seen: whichever ran second was up to 1.5x slower), so odd rounds run A first, even B.
    if [ $((round % 2)) = 1 ]; then
        ah=$(herald "$CLI_A" headers); bh=$(herald "$CLI_B" headers)
        af=$(herald "$CLI_A" full); bf=$(herald "$CLI_B" full)
    else
        bh=$(herald "$CLI_B" headers); ah=$(herald "$CLI_A" headers)
        bf=$(herald "$CLI_B" full); af=$(herald "$CLI_A" full)
    fi
    mf=$(mbsync_full)
    fmt() { read -r w c <<< "$1"; echo "$w s ($c s CPU)"; }
    echo "| $round | $load | $(fmt "$ah") | $(fmt "$bh") | $(fmt "$af") | $(fmt "$bf") | $(fmt "$mf") |"
done
