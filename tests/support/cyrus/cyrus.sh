# Cyrus IMAP 3.6 beside Dovecot in the Herald test stack; sourced by stack.sh.
#
# Debian's cyrus-imapd conflicts with dovecot-imapd (both provide imap-server), so
# installer/install-deps.sh --test unpacks cyrus-common and cyrus-imapd into a private root
# (apt-get download + dpkg -x) and apt-installs only their libraries and sasl2-bin. Here the
# master process runs from that root (LD_LIBRARY_PATH), as the system user "mail", with every
# file under DIR/cyrus: imapd.conf and cyrus.conf (from cyrus/*.in), a private sasldb with the
# stack's users, a copy of the stack's certificate, the spool, sockets and the pid file.
# Without the root the stack still starts; CYRUS_ERROR in stack.env says why and the Cyrus
# test rows fail with it (they never fall back to Dovecot).

CYRUS_ROOT=${HERALD_CYRUS_ROOT:-/var/cache/herald-test/cyrus/root}
CYRUS_BIN=$CYRUS_ROOT/usr/lib/cyrus/bin
CYRUS_ERROR=""

cyrus_env() { # the environment Cyrus's programs run in
    env LD_LIBRARY_PATH="$CYRUS_ROOT/usr/lib/x86_64-linux-gnu" "$@"
}

setup_cyrus() {
    local dir=$1 u
    CYRUS_CONF="$dir/cyrus/imapd.conf"
    if [[ ! -x "$CYRUS_BIN/master" ]]; then
        CYRUS_ERROR="Cyrus IMAP not unpacked in $CYRUS_ROOT: run installer/install-deps.sh --test"
        log "$CYRUS_ERROR"
        return 0
    fi
    command -v saslpasswd2 >/dev/null || { CYRUS_ERROR="saslpasswd2 missing (apt-get install sasl2-bin)"; log "$CYRUS_ERROR"; return 0; }
    mkdir -p "$dir/cyrus/conf" "$dir/cyrus/spool" "$dir/cyrus/run" "$dir/cyrus/tls"
    render "$SUPPORT_DIR/cyrus/imapd.conf.in" "$CYRUS_CONF"
    render "$SUPPORT_DIR/cyrus/cyrus.conf.in" "$dir/cyrus/cyrus.conf"
    cp "$CERT_FILE" "$dir/cyrus/tls/server.crt"
    cp "$KEY_FILE" "$dir/cyrus/tls/server.key"
    cp "$CA_FILE" "$dir/cyrus/tls/ca.crt"
    # imapd asks SASL for user@servername (localhost): the realm must match.
    for u in $USERS; do
        printf '%s' "$(password_of "$u")" |
            saslpasswd2 -f "$dir/cyrus/sasldb2" -u localhost -c -p "$u" ||
            die "saslpasswd2 failed for $u"
    done
    chown -R "$MAIL_UID:$MAIL_GID" "$dir/cyrus"
    chmod 0600 "$dir/cyrus/tls/server.key" "$dir/cyrus/sasldb2"
}

start_cyrus() {
    local dir=$1
    [[ -z "$CYRUS_ERROR" ]] || return 0
    # -d: daemonize; it binds the ports, then runs the services as cyrus_user (mail).
    cyrus_env "$CYRUS_BIN/master" -C "$CYRUS_CONF" -M "$dir/cyrus/cyrus.conf" \
        -p "$dir/cyrus/run/master.pid" -d 2>>"$dir/cyrus/master.log" ||
        { log_tail "$dir/cyrus/master.log"; die "cyrus master failed to start"; }
}

# wait_cyrus DIR DEADLINE: appends to the caller's `failed` array.
wait_cyrus() {
    local dir=$1 deadline=$2
    [[ -z "$CYRUS_ERROR" ]] || return 0
    wait_tcp "$HOST" "$CYRUS_IMAP_PORT" "$deadline" || failed+=("cyrus:IMAP@$HOST:$CYRUS_IMAP_PORT")
    wait_tcp "$HOST" "$CYRUS_IMAPS_PORT" "$deadline" || failed+=("cyrus:IMAPS@$HOST:$CYRUS_IMAPS_PORT")
    local i
    for ((i = 0; i < 40; i++)); do [[ -s "$dir/cyrus/run/master.pid" ]] && break; sleep 0.05; done
    record_pid "$dir" cyrus "$dir/cyrus/run/master.pid"
}

write_cyrus_env() {
    local dir=$1
    echo "CYRUS_ROOT=$CYRUS_ROOT"
    echo "CYRUS_CONF=$CYRUS_CONF"
    echo "CYRUS_ERROR=\"$CYRUS_ERROR\""
    echo "CYRUS_SEPARATOR=."
}

# deliver_cyrus DIR USER FOLDER < eml: IMAP APPEND as the user (the folder is created if
# missing), the way another device or a delivery agent would put it there.
deliver_cyrus() {
    local dir=$1 user=$2 folder=$3 port error
    port=$(sed -n 's/^CYRUS_IMAPS_PORT=//p' "$dir/stack.env")
    error=$(sed -n 's/^CYRUS_ERROR=//p' "$dir/stack.env" | tr -d '"')
    [[ -z "$error" ]] || die "$error"
    python3 "$SUPPORT_DIR/imap_device.py" --port "$port" --ca "$dir/ca/ca.crt" --user "$user" \
        --password "$(password_of "$user")" deliver "$folder" >/dev/null ||
        die "IMAP APPEND to cyrus $user/$folder failed"
}
