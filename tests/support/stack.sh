#!/usr/bin/env bash
# Herald real-server test stack: Dovecot (IMAP/POP3/LMTP/auth), Postfix
# (submission, submissions, plain SMTP) and NSD (DNS), all on loopback high
# ports, all state under one directory, no systemd.
#
#   stack.sh start DIR                         fresh DIR, CA, configs, start, wait
#   stack.sh stop DIR                          stop everything started in DIR
#   stack.sh status DIR                        print stack.env, exit 0 if all up
#   stack.sh deliver DIR USER [FOLDER] < eml   save a message with doveadm (into Cyrus by
#                                              IMAP APPEND when HERALD_IMAP_SERVER=cyrus)
#
# Facts for tests are written to DIR/stack.env (KEY=VALUE). See README.md.
set -euo pipefail

SUPPORT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cyrus/cyrus.sh
source "$SUPPORT_DIR/cyrus/cyrus.sh"
SELF="$SUPPORT_DIR/$(basename "${BASH_SOURCE[0]}")"
HOST=127.0.0.1
ALT_HOST=127.0.0.2
DOMAIN=herald.test
USERS="alice bob carol dave erin frank grace heidi ivan"
DKIM_SELECTOR=herald
START_TIMEOUT=${HERALD_STACK_TIMEOUT:-12}   # seconds to wait for ports

die() { echo "stack.sh: error: $*" >&2; exit 1; }
log() { echo "stack.sh: $*" >&2; }

usage() {
    sed -n '2,12p' "$SELF" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

absdir() { # make DIR absolute without requiring it to exist
    case "$1" in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s/%s\n' "$(pwd)" "$1" ;;
    esac
}

# ---------------------------------------------------------------- templates
# render TEMPLATE OUT: replace @NAME@ for every NAME in RENDER_VARS.
RENDER_VARS=()
render() {
    local content name
    content="$(<"$1")"
    for name in "${RENDER_VARS[@]}"; do
        content="${content//@${name}@/${!name}}"
    done
    printf '%s\n' "$content" >"$2"
    if grep -qE '@[A-Z_]+@' "$2"; then
        die "unrendered placeholder in $2: $(grep -oE '@[A-Z_]+@' "$2" | sort -u | tr '\n' ' ')"
    fi
}

# ---------------------------------------------------------------- ports
port_in_use() { # TCP only; good enough to avoid clashes between stacks
    (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null && return 0
    (exec 3<>"/dev/tcp/$ALT_HOST/$1") 2>/dev/null && return 0
    return 1
}

# Offsets from the base port. Keep in sync with README.md.
PORT_NAMES=(IMAP IMAPS POP3 POP3S SUBMISSION SUBMISSIONS SMTP DNS CYRUS_IMAP CYRUS_IMAPS)

assign_ports() {
    local base=$1 i
    for i in "${!PORT_NAMES[@]}"; do
        printf -v "${PORT_NAMES[$i]}_PORT" '%d' $((base + i))
    done
}

choose_base() {
    local dir=$1 base slot tries p busy
    if [[ -n "${HERALD_PORT_BASE:-}" ]]; then
        echo "$HERALD_PORT_BASE"
        return
    fi
    # Deterministic per DIR: 1200 slots of 10 ports in 20000..31999, below
    # Linux's ephemeral range (32768+). Probe forward if a slot is busy.
    slot=$(($(printf '%s' "$dir" | cksum | cut -d' ' -f1) % 1200))
    for ((tries = 0; tries < 50; tries++)); do
        base=$((20000 + ((slot + tries) % 1200) * 10))
        busy=0
        for ((p = base; p < base + ${#PORT_NAMES[@]}; p++)); do
            if port_in_use "$p"; then busy=1; break; fi
        done
        if ((busy == 0)); then echo "$base"; return; fi
    done
    die "no free port slot found near $((20000 + slot * 10))"
}

wait_tcp() { # wait_tcp HOST PORT DEADLINE(epoch secs)
    while ! (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
        (($(date +%s) < $3)) || return 1
        sleep 0.05
    done
}

wait_dns_udp() { # wait_dns_udp PORT DEADLINE
    /usr/bin/python3 - "$HOST" "$1" "$2" "$DOMAIN" <<'PY'
import socket, struct, sys, time
host, port, deadline, zone = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
q = struct.pack(">HHHHHH", 0x4242, 0x0100, 1, 0, 0, 0)
q += b"".join(bytes([len(l)]) + l.encode() for l in zone.split(".")) + b"\0"
q += struct.pack(">HH", 6, 1)  # SOA IN
while True:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.3)
    try:
        s.sendto(q, (host, port))
        data, _ = s.recvfrom(4096)
        if data[:2] == b"\x42\x42" and (data[3] & 0x0F) == 0 and struct.unpack(">H", data[6:8])[0] > 0:
            sys.exit(0)
    except OSError:
        pass
    finally:
        s.close()
    if time.time() > deadline:
        sys.exit(1)
    time.sleep(0.05)
PY
}

# ---------------------------------------------------------------- pieces
make_ca() {
    local dir=$1 ca=$1/ca
    mkdir -p "$ca"
    local cnf="$SUPPORT_DIR/ca/openssl.cnf"
    # ECDSA P-256 keys: RSA key generation took seconds on a loaded machine.
    openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 30 \
        -config "$cnf" -extensions ca_ext \
        -keyout "$ca/ca.key" -out "$ca/ca.crt" 2>"$ca/openssl-ca.log" &
    local ca_job=$!
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -subj "/CN=localhost" \
        -keyout "$ca/server.key" -out "$ca/server.csr" 2>"$ca/openssl.log" ||
        die "openssl: server key: $(cat "$ca/openssl.log")"
    wait "$ca_job" || die "openssl: CA: $(cat "$ca/openssl-ca.log")"
    openssl x509 -req -in "$ca/server.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" \
        -CAcreateserial -days 30 -sha256 -extfile "$cnf" -extensions server_ext \
        -out "$ca/server.crt" 2>>"$ca/openssl.log"
    cat "$ca/server.crt" "$ca/ca.crt" >"$ca/server-chain.crt"
    chmod 0644 "$ca"/*.crt
    chmod 0600 "$ca"/*.key
    CERT_SHA256=$(openssl x509 -in "$ca/server.crt" -noout -fingerprint -sha256 |
        sed 's/.*=//; s/://g' | tr 'A-F' 'a-f')
    CA_FILE="$ca/ca.crt"
    CERT_FILE="$ca/server.crt"
    KEY_FILE="$ca/server.key"
}

make_dkim() { # runs in the background: sets no variables
    local dir=$1/dkim
    mkdir -p "$dir"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/$DKIM_SELECTOR.private" 2>/dev/null
    openssl pkey -in "$dir/$DKIM_SELECTOR.private" -pubout -out "$dir/$DKIM_SELECTOR.public" 2>/dev/null
}

dkim_txt() { # the selector's TXT rdata, split into quoted <=255-byte strings
    local pub
    pub=$(grep -v -- '-----' "$1/dkim/$DKIM_SELECTOR.public" | tr -d '\n')
    printf '"v=DKIM1; k=rsa; " %s' "$(printf '%s' "p=$pub" | fold -w 200 | sed 's/.*/"&"/' | tr '\n' ' ')"
}

password_of() { printf '%s-pass' "$1"; }

setup_dovecot() {
    local dir=$1 u
    mkdir -p "$dir/dovecot/run" "$dir/dovecot/state" "$dir/mail"
    : >"$dir/dovecot/users"
    for u in $USERS; do
        # user:password:uid:gid::home
        printf '%s:{PLAIN}%s:%s:%s::%s\n' "$u" "$(password_of "$u")" "$MAIL_UID" "$MAIL_GID" \
            "$dir/mail/$u" >>"$dir/dovecot/users"
        mkdir -p "$dir/mail/$u"
        chown "$MAIL_UID:$MAIL_GID" "$dir/mail/$u"
    done
    chmod 0644 "$dir/dovecot/users"
    render "$SUPPORT_DIR/dovecot/dovecot.conf.in" "$dir/dovecot/dovecot.conf"
    DOVECOT_CONF="$dir/dovecot/dovecot.conf"
    doveconf -c "$DOVECOT_CONF" -n >/dev/null 2>"$dir/dovecot/doveconf.err" ||
        die "doveconf rejected $DOVECOT_CONF: $(cat "$dir/dovecot/doveconf.err")"
}

setup_postfix() {
    local dir=$1 u
    mkdir -p "$dir/postfix" "$dir/postfix-spool" "$dir/postfix-data"
    render "$SUPPORT_DIR/postfix/main.cf.in" "$dir/postfix/main.cf"
    render "$SUPPORT_DIR/postfix/master.cf.in" "$dir/postfix/master.cf"
    : >"$dir/postfix/vmailbox"
    for u in $USERS; do
        printf '%s@%s %s/\n' "$u" "$DOMAIN" "$u" >>"$dir/postfix/vmailbox"
    done
    printf 'postmaster@%s postmaster/\n' "$DOMAIN" >>"$dir/postfix/vmailbox"
    : >"$dir/postfix/postfix.log"
    chown -R root:root "$dir/postfix" "$dir/postfix-spool"
    chown postfix:postfix "$dir/postfix-data"
    chmod 0755 "$dir/postfix" "$dir/postfix-spool"
    chmod 0700 "$dir/postfix-data"
    # Postfix ignores config/table files younger than a second: backdate them.
    touch -d '-10 seconds' "$dir/postfix"/*
    POSTFIX_DIR="$dir/postfix"
    postconf -c "$POSTFIX_DIR" -n >"$dir/postfix/postconf.out" 2>&1 ||
        die "postconf rejected $POSTFIX_DIR/main.cf: $(cat "$dir/postfix/postconf.out")"
    if grep -q 'warning' "$dir/postfix/postconf.out"; then
        log "postconf warnings: $(grep warning "$dir/postfix/postconf.out")"
    fi
}

setup_nsd() {
    local dir=$1 z name
    mkdir -p "$dir/nsd/zones"
    SERIAL=$(date +%s)
    render "$SUPPORT_DIR/nsd/nsd.conf.in" "$dir/nsd/nsd.conf"
    for z in "$SUPPORT_DIR"/nsd/zones/*.zone; do
        name=$(basename "$z" .zone)
        render "$z" "$dir/nsd/zones/$name.zone"
        printf 'zone:\n  name: "%s"\n  zonefile: "%s.zone"\n\n' "$name" "$name" >>"$dir/nsd/nsd.conf"
        nsd-checkzone "$name" "$dir/nsd/zones/$name.zone" >"$dir/nsd/checkzone.log" 2>&1 ||
            die "zone $name invalid: $(cat "$dir/nsd/checkzone.log")"
    done
    NSD_CONF="$dir/nsd/nsd.conf"
    nsd-checkconf "$NSD_CONF" || die "nsd-checkconf rejected $NSD_CONF"
}

write_env() {
    local dir=$1 env=$1/stack.env u
    {
        echo "# Herald test stack facts, written by stack.sh start at $(date -Is)"
        echo "# KEY=VALUE per line; values with spaces are double-quoted (file is sourceable)."
        echo "STACK_DIR=$dir"
        echo "STACK_SH=$SELF"
        echo "HOST=$HOST"
        echo "ALT_HOST=$ALT_HOST"
        echo "TLS_HOSTNAME=localhost"
        echo "PORT_BASE=$PORT_BASE"
        for n in "${PORT_NAMES[@]}"; do
            v="${n}_PORT"
            echo "$v=${!v}"
        done
        echo "CA_FILE=$CA_FILE"
        echo "CERT_FILE=$CERT_FILE"
        echo "KEY_FILE=$KEY_FILE"
        echo "CERT_SHA256=$CERT_SHA256"
        echo "MAIL_DIR=$dir/mail"
        echo "MAIL_UID=$MAIL_UID"
        echo "MAIL_GID=$MAIL_GID"
        echo "MAILDIR_LAYOUT=fs"
        echo "DOVECOT_CONF=$DOVECOT_CONF"
        echo "POSTFIX_DIR=$POSTFIX_DIR"
        echo "NSD_CONF=$NSD_CONF"
        echo "DOMAIN=$DOMAIN"
        echo "USERS=\"$USERS\""
        for u in $USERS; do
            echo "PASSWORD_$u=$(password_of "$u")"
            echo "EMAIL_$u=$u@$DOMAIN"
        done
        echo "DKIM_SELECTOR=$DKIM_SELECTOR"
        echo "DKIM_KEY=$DKIM_KEY"
        echo "DOVECOT_LOG=$dir/dovecot/dovecot.log"
        echo "POSTFIX_LOG=$dir/postfix/postfix.log"
        echo "NSD_LOG=$dir/nsd/nsd.log"
        write_cyrus_env "$dir"
    } >"$env.tmp"
    mv "$env.tmp" "$env"
}

record_pid() { # record_pid DIR NAME PIDFILE
    local pid
    pid=$(tr -dc '0-9' <"$3" 2>/dev/null || true)
    [[ -n "$pid" ]] && echo "$2 $pid" >>"$1/pids"
}

log_tail() {
    local f
    for f in "$@"; do
        [[ -s "$f" ]] || continue
        echo "---- last lines of $f ----" >&2
        tail -n 25 "$f" >&2
    done
}

# ---------------------------------------------------------------- commands
cmd_start() {
    local dir t0 deadline
    dir=$(absdir "$1")
    t0=$(date +%s.%N)
    [[ $EUID -eq 0 ]] || die "must run as root (Postfix's master and Dovecot's privilege separation need it)"
    [[ "$dir" != "/" && -n "$dir" ]] || die "refusing to use '$dir'"
    # A previous run may have left servers behind in DIR.
    if [[ -s "$dir/pids" || -e "$dir/dovecot/run/master.pid" || -e "$dir/postfix-spool/pid/master.pid" ||
        -e "$dir/nsd/nsd.pid" || -e "$dir/cyrus/run/master.pid" ]]; then
        cmd_stop "$dir" >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    local t_clean t_keys t_conf
    t_clean=$(date +%s.%N)
    mkdir -p "$dir"
    chmod 0755 "$dir"
    : >"$dir/pids"
    (( ${#dir} < 80 )) || log "warning: long DIR; unix socket paths may exceed 107 bytes"

    PORT_BASE=$(choose_base "$dir")
    assign_ports "$PORT_BASE"
    INSTANCE="herald-$(printf '%s' "$dir" | cksum | cut -d' ' -f1)"
    # Dovecot's passwd-file refuses uid 0: mail belongs to the system "mail" user.
    MAIL_UID=$(id -u mail 2>/dev/null || echo 8)
    MAIL_GID=$(id -g mail 2>/dev/null || echo 8)
    INTERNAL_USER=dovecot
    LOGIN_USER=dovenull
    MAIL_PLUGINS=""
    DIR=$dir
    RENDER_VARS=(DIR HOST ALT_HOST DOMAIN INSTANCE MAIL_UID MAIL_GID INTERNAL_USER LOGIN_USER
        MAIL_PLUGINS IMAP_PORT IMAPS_PORT POP3_PORT POP3S_PORT SUBMISSION_PORT SUBMISSIONS_PORT
        SMTP_PORT DNS_PORT SERIAL DKIM_SELECTOR DKIM_TXT CYRUS_IMAP_PORT CYRUS_IMAPS_PORT CYRUS_BIN)
    SERIAL=1

    make_dkim "$dir" &
    local dkim_job=$!
    make_ca "$dir"
    wait "$dkim_job" || die "DKIM key generation failed"
    DKIM_KEY="$dir/dkim/$DKIM_SELECTOR.private"
    DKIM_TXT=$(dkim_txt "$dir")
    t_keys=$(date +%s.%N)
    setup_dovecot "$dir"
    setup_postfix "$dir"
    setup_nsd "$dir"
    setup_cyrus "$dir"
    write_env "$dir"
    t_conf=$(date +%s.%N)

    # If anything below fails, take down what already started.
    trap 'rc=$?; if ((rc != 0)); then log "start failed; stopping what started"; cmd_stop "'"$dir"'" >/dev/null 2>&1 || true; fi' EXIT

    # Dovecot daemonizes itself and writes base_dir/master.pid.
    dovecot -c "$DOVECOT_CONF" 2>>"$dir/dovecot/dovecot.log" ||
        { log_tail "$dir/dovecot/dovecot.log"; die "dovecot failed to start"; }
    # NSD daemonizes and writes its pidfile.
    nsd -c "$NSD_CONF" 2>>"$dir/nsd/nsd.log" ||
        { log_tail "$dir/nsd/nsd.log"; die "nsd failed to start"; }
    start_cyrus "$dir"
    # Postfix: master daemonizes; pid in queue_directory/pid/master.pid.
    if ! postfix -c "$POSTFIX_DIR" start >>"$dir/postfix/start.log" 2>&1; then
        log_tail "$dir/postfix/start.log" "$dir/postfix/postfix.log"
        # Errors before main.cf is read go to syslog only; postfix writes them to
        # stderr when that is a terminal, so ask again under script(1).
        if command -v script >/dev/null; then
            script -qec "postfix -c '$POSTFIX_DIR' check" /dev/null >&2 || true
        fi
        die "postfix failed to start"
    fi

    deadline=$(($(date +%s) + START_TIMEOUT))
    local n p host failed=()
    for n in IMAP IMAPS POP3 POP3S; do
        p="${n}_PORT"
        for host in "$HOST" "$ALT_HOST"; do
            wait_tcp "$host" "${!p}" "$deadline" || failed+=("dovecot:$n@$host:${!p}")
        done
    done
    [[ -S "$dir/dovecot/lmtp" ]] || sleep 0.2
    [[ -S "$dir/dovecot/lmtp" && -S "$dir/dovecot/auth-postfix" ]] || failed+=("dovecot:lmtp/auth sockets")
    for n in SUBMISSION SUBMISSIONS SMTP; do
        p="${n}_PORT"
        wait_tcp "$HOST" "${!p}" "$deadline" || failed+=("postfix:$n@$HOST:${!p}")
    done
    wait_tcp "$HOST" "$DNS_PORT" "$deadline" || failed+=("nsd:tcp@$HOST:$DNS_PORT")
    wait_dns_udp "$DNS_PORT" "$deadline" || failed+=("nsd:udp@$HOST:$DNS_PORT")
    wait_cyrus "$dir" "$deadline"

    # Record PIDs (pid files exist once the daemons are up).
    record_pid "$dir" dovecot "$dir/dovecot/run/master.pid"
    record_pid "$dir" postfix "$dir/postfix-spool/pid/master.pid"
    record_pid "$dir" nsd "$dir/nsd/nsd.pid"

    if ((${#failed[@]})); then
        log_tail "$dir/dovecot/dovecot.log" "$dir/postfix/start.log" "$dir/postfix/postfix.log" "$dir/nsd/nsd.log"
        die "not listening after ${START_TIMEOUT}s: ${failed[*]}"
    fi
    trap - EXIT

    local t1
    t1=$(date +%s.%N)
    printf 'stack up in %.1fs (cleanup %.1fs, keys %.1fs, configs %.1fs, servers %.1fs): dir=%s imap=%s imaps=%s pop3=%s pop3s=%s submission=%s submissions=%s smtp=%s dns=%s cyrus-imap=%s cyrus-imaps=%s users="%s" (pids: %s)\n' \
        "$(elapsed "$t0" "$t1")" "$(elapsed "$t0" "$t_clean")" "$(elapsed "$t_clean" "$t_keys")" \
        "$(elapsed "$t_keys" "$t_conf")" "$(elapsed "$t_conf" "$t1")" "$dir" \
        "$IMAP_PORT" "$IMAPS_PORT" "$POP3_PORT" "$POP3S_PORT" "$SUBMISSION_PORT" "$SUBMISSIONS_PORT" \
        "$SMTP_PORT" "$DNS_PORT" "$CYRUS_IMAP_PORT" "$CYRUS_IMAPS_PORT" "$USERS" "$(tr '\n' ' ' <"$dir/pids" | sed 's/ $//')"
}

elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

pid_alive() { [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; }

wait_gone() { # wait_gone PID SECONDS
    local i
    for ((i = 0; i < $2 * 20; i++)); do
        pid_alive "$1" || return 0
        sleep 0.05
    done
    return 1
}

# PIDs of processes whose cwd, root or open files are inside DIR.
procs_in_dir() {
    local dir=$1 p link f
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        [[ "$p" == "$$" || "$p" == "$BASHPID" ]] && continue
        # Only server processes: never a shell or test that happens to sit in DIR.
        case "$(readlink "/proc/$p/exe" 2>/dev/null || true)" in
            /usr/sbin/dovecot | /usr/lib/dovecot/* | /usr/bin/doveadm | /usr/sbin/postfix | \
                /usr/lib/postfix/* | /usr/sbin/nsd | "$CYRUS_BIN"/*) ;;
            *) continue ;;
        esac
        for link in /proc/"$p"/cwd /proc/"$p"/root; do
            f=$(readlink "$link" 2>/dev/null || true)
            if [[ "$f" == "$dir" || "$f" == "$dir"/* ]]; then echo "$p"; continue 2; fi
        done
        for f in /proc/"$p"/fd/*; do
            f=$(readlink "$f" 2>/dev/null || true)
            if [[ "$f" == "$dir"/* ]]; then echo "$p"; continue 2; fi
        done
    done
}

cmd_stop() {
    local dir name pid pidfile
    dir=$(absdir "$1")
    [[ -d "$dir" ]] || { log "nothing to stop in $dir"; return 0; }
    local -A pids=()
    # PIDs recorded at start, plus pid files (start may have failed before recording).
    if [[ -f "$dir/pids" ]]; then
        while read -r name pid; do [[ -n "${name:-}" ]] && pids[$name]=$pid; done <"$dir/pids"
    fi
    for pidfile in dovecot:"$dir/dovecot/run/master.pid" postfix:"$dir/postfix-spool/pid/master.pid" nsd:"$dir/nsd/nsd.pid" \
        cyrus:"$dir/cyrus/run/master.pid"; do
        name=${pidfile%%:*}
        pidfile=${pidfile#*:}
        if [[ -z "${pids[$name]:-}" && -s "$pidfile" ]]; then
            pids[$name]=$(tr -dc '0-9' <"$pidfile")
        fi
    done

    # Graceful stops first.
    if pid_alive "${pids[postfix]:-}" && [[ -f "$dir/postfix/main.cf" ]]; then
        postfix -c "$dir/postfix" stop >/dev/null 2>&1 || kill "${pids[postfix]}" 2>/dev/null || true
    fi
    if pid_alive "${pids[dovecot]:-}"; then
        kill -TERM "${pids[dovecot]}" 2>/dev/null || true
    fi
    if pid_alive "${pids[nsd]:-}"; then
        kill -TERM "${pids[nsd]}" 2>/dev/null || true
    fi
    if pid_alive "${pids[cyrus]:-}"; then
        kill -TERM "${pids[cyrus]}" 2>/dev/null || true
    fi
    for name in "${!pids[@]}"; do
        pid=${pids[$name]}
        if ! wait_gone "$pid" 5; then
            log "$name ($pid) did not exit; killing"
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 2 || log "$name ($pid) still alive"
        fi
    done

    # Children (imap, smtpd, nsd workers, ...) must be gone too.
    local left i
    for ((i = 0; i < 40; i++)); do
        left=$(procs_in_dir "$dir" | tr '\n' ' ')
        [[ -z "$left" ]] && break
        sleep 0.1
    done
    if [[ -n "$left" ]]; then
        log "killing leftover processes using $dir: $left"
        for pid in $left; do kill -KILL "$pid" 2>/dev/null || true; done
        sleep 0.2
        left=$(procs_in_dir "$dir" | tr '\n' ' ')
    fi
    : >"$dir/pids"
    [[ -z "$left" ]] || die "processes still using $dir: $left"
    echo "stack stopped: $dir"
}

cmd_status() {
    local dir=$1 name pid rc=0
    [[ -f "$dir/stack.env" ]] || die "no stack in $dir"
    cat "$dir/stack.env"
    while read -r name pid; do
        if pid_alive "$pid"; then echo "# $name $pid running"; else echo "# $name $pid NOT running"; rc=1; fi
    done <"$dir/pids"
    [[ -s "$dir/pids" ]] || rc=1
    return $rc
}

cmd_deliver() {
    local dir user folder conf
    dir=$(absdir "$1")
    user=$2
    folder=${3:-INBOX}
    conf="$dir/dovecot/dovecot.conf"
    [[ -f "$conf" ]] || die "no stack in $dir (missing $conf)"
    if [[ "${HERALD_IMAP_SERVER:-dovecot}" == cyrus ]]; then
        deliver_cyrus "$dir" "$user" "$folder"
        return
    fi
    local tmp
    tmp=$(mktemp)
    cat >"$tmp"
    if [[ "$folder" != "INBOX" ]]; then
        # Exists already -> non-zero exit; that is fine.
        doveadm -c "$conf" mailbox create -u "$user" "$folder" >/dev/null 2>&1 || true
    fi
    if ! doveadm -c "$conf" save -u "$user" -m "$folder" <"$tmp"; then
        rm -f "$tmp"
        die "doveadm save to $user/$folder failed"
    fi
    rm -f "$tmp"
}

main() {
    (($# >= 1)) || usage
    local cmd=$1
    shift
    case "$cmd" in
        start) (($# == 1)) || usage; cmd_start "$1" ;;
        stop) (($# == 1)) || usage; cmd_stop "$1" ;;
        status) (($# == 1)) || usage; cmd_status "$1" ;;
        deliver) (($# == 2 || $# == 3)) || usage; cmd_deliver "$@" ;;
        -h | --help | help) usage ;;
        *) usage ;;
    esac
}

main "$@"
