# Sourced by the IMAP benchmarks: mbsync_rc DIR FSYNC writes DIR/rc, an mbsync (isync) config
# that pulls alice's mailbox of the bench stack (stack.env sourced) into the maildir DIR/mail.
# FSYNC yes is mbsync as shipped (an fsync per message file); no is like Herald's cache.
mbsync_rc() {
    local dir=$1 fsync=$2
    rm -rf "$dir"
    mkdir -p "$dir/mail"
    cat > "$dir/rc" <<RC
FSync $fsync

IMAPAccount bench
Host localhost
Port $IMAPS_PORT
User alice
Pass $PASSWORD_alice
SSLType IMAPS
CertificateFile $CA_FILE
PipelineDepth 100

IMAPStore remote
Account bench

MaildirStore local
Path $dir/mail/
Inbox $dir/mail/INBOX
SubFolders Verbatim

Channel bench
Far :remote:
Near :local:
Patterns *
Create Near
Sync Pull
SyncState *
RC
}
