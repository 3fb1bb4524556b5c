#!/bin/bash
# POP3 download: Herald side by side with fetchmail on the same Dovecot
# mailbox, in one run. Not part of CI (run by hand, as root, after a build):
#   apt-get install -y fetchmail      # the peer (a Debian package)
#   tests/bench/pop3_download_bench.sh [N=10000] [BUILD_DIR=build]
# Prints a table (seconds, peak RSS) and the Herald/peer ratios.
#
# getmail6 is not compared: its Maildir delivery forks a child per message and, on this
# machine, missed a child's exit now and then ("waiting child pid … timed out", 497 of 500).
#
# Fairness: every tool logs in over POP3S on loopback, checks the server certificate
# against the same CA, downloads all N messages with RETR, leaves them on the server, and
# writes every byte to disk (peers connect to "localhost": the certificate names it; fetchmail
# does not match IP addresses):
#   Herald    - its SQLite cache (parsed, projected, committed in batches; the search index is
#               built afterwards, timed on its own line: `herald-cli index`)
#   fetchmail --bsmtp FILE: appends every message to one file, no process per message
#             (fetchmail's cheapest way to store mail; the headline comparison)
#   fetchmail --mda "cat >> FILE": one MDA process per message, as fetchmail is usually run
set -euo pipefail
N=${1:-10000}
BUILD=${2:-build}
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERALD_CLI="$ROOT/$BUILD/app/herald-cli"
WORK=${HERALD_BENCH_DIR:-/tmp/herald-pop3-bench}
STACK="$WORK/stack"
command -v fetchmail >/dev/null || { echo "install fetchmail first: apt-get install fetchmail" >&2; exit 1; }
[ -x "$HERALD_CLI" ] || { echo "build herald-cli first ($HERALD_CLI)" >&2; exit 1; }

"$ROOT/tests/support/stack.sh" stop "$STACK" >/dev/null 2>&1 || true
rm -rf "$WORK"; mkdir -p "$WORK"
trap '"$ROOT/tests/support/stack.sh" stop "$STACK" >/dev/null 2>&1 || true' EXIT
"$ROOT/tests/support/stack.sh" start "$STACK" >/dev/null
# shellcheck disable=SC1091
source "$STACK/stack.env"

echo "seeding $N messages into alice's INBOX…" >&2
python3 "$ROOT/tests/bench/seed_maildir.py" "$MAIL_DIR/alice" "$N"
chown -R "$MAIL_UID:$MAIL_GID" "$MAIL_DIR/alice"
# Let Dovecot index once (sizes, UIDLs) and warm the page cache, so no tool pays for it.
doveadm -c "$DOVECOT_CONF" force-resync -u alice INBOX
doveadm -c "$DOVECOT_CONF" fetch -u alice 'uid size.virtual body' mailbox INBOX all > /dev/null
SIZE=$(du -sh "$MAIL_DIR/alice" | cut -f1)

measure() { # measure CMD… -> "seconds peakKB"
    /usr/bin/time -o "$WORK/last.time" -f "%e %M" "$@" >/dev/null 2>"$WORK/last.err" ||
        { echo "failed: $* ($(tail -3 "$WORK/last.err"))" >&2; exit 1; }
    tail -1 "$WORK/last.time"
}

# Herald: first pass downloads everything, the second finds nothing new.
export HERALD_BENCH_PW="$PASSWORD_alice"
"$HERALD_CLI" --profile "$WORK/herald" account add --name bench --email alice@herald.test \
    --incoming "pop3s://alice@127.0.0.1:$POP3S_PORT" --outgoing "smtps://alice@127.0.0.1:$SUBMISSIONS_PORT" \
    --password-env HERALD_BENCH_PW --ca-file "$CA_FILE" --leave-on-server yes 2>/dev/null
read -r h_full h_full_mem < <(measure "$HERALD_CLI" --profile "$WORK/herald" sync)
read -r h_re h_re_mem < <(measure "$HERALD_CLI" --profile "$WORK/herald" sync)
read -r h_index h_index_mem < <(measure "$HERALD_CLI" --profile "$WORK/herald" index)
h_count=$("$HERALD_CLI" --profile "$WORK/herald" folders --json | python3 -c 'import json,sys; print(sum(f["total"] for f in json.load(sys.stdin)))')

# fetchmail: its rc file must be 0600; FETCHMAILHOME keeps its pid/id files here.
export FETCHMAILHOME="$WORK/fetchmail"
mkdir -p "$FETCHMAILHOME"
fetchmail_rc() { # fetchmail_rc FILE DELIVERY…
    local rc=$1; shift
    cat > "$rc" <<RC
set no syslog
poll localhost protocol POP3 port $POP3S_PORT timeout 60
  user "alice" password "$PASSWORD_alice" is root here
  ssl sslcertck sslcertfile "$CA_FILE" sslproto TLS1.2+
  keep fetchall $*
RC
    chmod 600 "$rc"
}
fetchmail_rc "$WORK/fetchmail/bsmtp.rc" "bsmtp \"$WORK/fetchmail/all.bsmtp\""
fetchmail_rc "$WORK/fetchmail/mda.rc" "mda \"cat >> $WORK/fetchmail/mbox\""
read -r f_bsmtp f_bsmtp_mem < <(measure fetchmail -f "$WORK/fetchmail/bsmtp.rc" --nodetach)
f_bsmtp_count=$(grep -c '^DATA' "$WORK/fetchmail/all.bsmtp" || true)
read -r f_mda f_mda_mem < <(measure fetchmail -f "$WORK/fetchmail/mda.rc" --nodetach)
f_mda_count=$(grep -c '^Subject: Bench message' "$WORK/fetchmail/mbox" || true)

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
cat <<TABLE
POP3 download benchmark: $N messages ($SIZE on the server), POP3S on loopback, $(date -u +%F)
$(nproc) cores, load average before the run: $LOAD_BEFORE
| tool (how it stores) | time | peak RSS | Herald / tool |
|---|---|---|---|
| Herald (cache: SQLite rows + body files, parsed; search index afterwards) | ${h_full} s | $((h_full_mem/1024)) MB | – |
| fetchmail --bsmtp (one file, no process per message) | ${f_bsmtp} s | $((f_bsmtp_mem/1024)) MB | $(ratio "$h_full" "$f_bsmtp") |
| fetchmail --mda "cat >> mbox" (a process per message) | ${f_mda} s | $((f_mda_mem/1024)) MB | $(ratio "$h_full" "$f_mda") |
TABLE
echo "Herald no-change pass: ${h_re} s, $((h_re_mem/1024)) MB"
echo "Herald search indexing afterwards (herald-cli index, not in the ratio): ${h_index} s, $((h_index_mem/1024)) MB"
echo "messages stored: Herald $h_count, fetchmail bsmtp $f_bsmtp_count, fetchmail mda $f_mda_count"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
