#!/usr/bin/env python3
"""A plain third IMAP client for Herald's sync tests: "another device" on the
same mailbox, written with nothing but Python's imaplib, so what it sees is the
server's truth and not Herald's.

    imap_device.py [--host H] [--port P] [--ca CA_FILE] --user U --password PW COMMAND ARGS...

Commands (one line of JSON on stdout each):
    state [FOLDER...]              {folder: {uid: [flags...]}} (\\Recent left out), every
                                   listed folder when none is named (\\Noselect ones empty)
    folders                        [name, ...] as LIST shows them (\\NonExistent left out)
    containers                     [name, ...] of the folders LIST shows as \\Noselect
    status FOLDER                  {"uidvalidity", "uidnext", "messages"}
    flag FOLDER UID +F|-F ...      add/remove flags (system flags or keywords)
    move FOLDER UID DEST           UID MOVE; prints {"uid": new uid or null}
    expunge FOLDER UID             STORE \\Deleted + UID EXPUNGE of that UID only
    append FOLDER [FLAG...]        a new unique message; prints {"uid", "message_id"}
    digest [FOLDER...]             {folder: {uid: {"message_id", "sha256"}}}: the
                                   Message-ID (no brackets) and SHA-256 of BODY[] of each
                                   message, every listed folder when none is named
    create FOLDER / delete FOLDER
    deliver FOLDER                 APPEND the message on stdin (FOLDER created if missing);
                                   prints {"uid"}
    messages FOLDER                [{"uid", "flags", "raw_base64"}] of every message
    separator                      the server's hierarchy separator ("/" Dovecot, "." Cyrus)
    greeting                       {"greeting": the server's first line, "capabilities": [...]}
    reset                          delete every folder but INBOX and the special-use
                                   ones, and empty those
    repl                           read one command per line on stdin (shell quoting),
                                   answer one JSON line each: {"ok": true, "result": ...}
                                   or {"ok": false, "error": "..."}; one connection

    seed-maildir DIR COUNT [--uid N --gid N] [--seen-ratio R] [--seed S]
                                   writes COUNT message files straight into DIR/cur
                                   (no IMAP), for bulk tests; prints {"written": COUNT}
"""
import argparse
import base64
import email.utils
import imaplib
import json
import os
import random
import re
import shlex
import ssl
import sys
import time
import uuid

KEEP = {"INBOX", "Drafts", "Sent", "Trash", "Junk", "Archive"}
FETCH_RE = re.compile(rb"UID (\d+)")
FLAGS_RE = re.compile(rb"FLAGS \(([^)]*)\)")
LIST_RE = re.compile(rb'^\(([^)]*)\) ("(?:[^"\\]|\\.)*"|NIL) (.*)$')


class ImapError(Exception):
    pass


def check(typ, data, what):
    if typ != "OK":
        raise ImapError("%s: %s %s" % (what, typ, data))
    return data


def quote(name):
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unquote(raw):
    raw = raw.decode()
    if raw.startswith('"'):
        return raw[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return raw


class Device:
    def __init__(self, args):
        self.args = args
        self.imap = None
        self.selected = None

    def connect(self):
        ctx = ssl.create_default_context(cafile=self.args.ca) if self.args.ca else None
        if ctx is None:
            self.imap = imaplib.IMAP4(self.args.host, self.args.port)
        else:
            self.imap = imaplib.IMAP4_SSL(self.args.host, self.args.port, ssl_context=ctx)
        # Verify the name the certificate carries, not the loopback address.
        self.imap.login(self.args.user, self.args.password)
        self.selected = None

    def ensure(self):
        if self.imap is None:
            self.connect()

    def close(self):
        if self.imap is not None:
            try:
                self.imap.logout()
            except Exception:
                pass
            self.imap = None

    def select(self, folder, readonly=False):
        key = (folder, readonly)
        if self.selected == key:
            # NOOP so that other devices' changes are seen before acting.
            check(*self.imap.noop(), what="NOOP")
            return
        check(*self.imap.select(quote(folder), readonly=readonly), what="SELECT " + folder)
        self.selected = key

    # ---------------------------------------------------------------- commands
    def folders(self):
        typ, data = self.imap.list('""', "*")
        check(typ, data, "LIST")
        out = []
        for line in data:
            if line is None:
                continue
            if isinstance(line, tuple):  # name sent as a literal
                head, name = line[0], line[1]
                attrs = re.match(rb"^\(([^)]*)\)", head).group(1)
                out.append((attrs, name.decode()))
                continue
            m = LIST_RE.match(line)
            if not m:
                raise ImapError("cannot parse LIST line %r" % line)
            out.append((m.group(1), unquote(m.group(3))))
        self.noselect = {name for attrs, name in out
                         if b"\\noselect" in attrs.lower() or b"\\nonexistent" in attrs.lower()}
        return sorted(name for attrs, name in out if b"\\nonexistent" not in attrs.lower())

    def folder_state(self, folder):
        if folder in getattr(self, "noselect", ()):
            return {}  # a container (\\Noselect): listed, holds no messages
        self.select(folder, readonly=True)
        typ, data = self.imap.uid("FETCH", "1:*", "(UID FLAGS)")
        check(typ, data, "FETCH " + folder)
        msgs = {}
        for item in data:
            if item is None:
                continue
            line = item[0] if isinstance(item, tuple) else item
            uid = FETCH_RE.search(line)
            flags = FLAGS_RE.search(line)
            if not uid or not flags:
                continue
            names = [f.decode() for f in flags.group(1).split() if f.lower() != b"\\recent"]
            msgs[uid.group(1).decode()] = sorted(names)
        return msgs

    def cmd_state(self, *folders):
        names = list(folders) or self.folders()
        return {f: self.folder_state(f) for f in names}

    def cmd_folders(self):
        return self.folders()

    def cmd_containers(self):
        self.folders()
        return sorted(self.noselect)

    def cmd_status(self, folder):
        typ, data = self.imap.status(quote(folder), "(UIDVALIDITY UIDNEXT MESSAGES)")
        check(typ, data, "STATUS " + folder)
        text = data[0].decode()
        return {k.lower(): int(v) for k, v in re.findall(r"(UIDVALIDITY|UIDNEXT|MESSAGES) (\d+)", text)}

    def cmd_flag(self, folder, uid, *changes):
        self.select(folder)
        for change in changes:
            op, name = change[0], change[1:]
            if op not in "+-" or not name:
                raise ImapError("flag change must be +FLAG or -FLAG, not %r" % change)
            check(*self.imap.uid("STORE", uid, op + "FLAGS.SILENT", "(%s)" % name), what="STORE")
        return self.folder_state(folder).get(str(uid))

    def cmd_move(self, folder, uid, dest):
        self.select(folder)
        typ, data = self.imap.uid("MOVE", uid, quote(dest))
        check(typ, data, "MOVE")
        new_uid = None
        for resp in self.imap.untagged_responses.get("OK", []) + [d for d in data if d]:
            m = re.search(rb"COPYUID \d+ \S+ (\d+)", resp if isinstance(resp, bytes) else b"")
            if m:
                new_uid = int(m.group(1))
        self.imap.untagged_responses.pop("OK", None)
        self.selected = None
        return {"uid": new_uid}

    def cmd_expunge(self, folder, uid):
        self.select(folder)
        check(*self.imap.uid("STORE", uid, "+FLAGS.SILENT", r"(\Deleted)"), what="STORE")
        check(*self.imap.uid("EXPUNGE", uid), what="UID EXPUNGE")
        self.selected = None
        return {"uids": uid}

    def cmd_append(self, folder, *flags):
        mid = "%s@device.herald.test" % uuid.uuid4().hex
        body = ("From: Third Device <device@herald.test>\r\nTo: %s\r\nSubject: from the third "
                "device %s\r\nDate: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\nHello from %s.\r\n"
                % (self.args.user, mid[:8], email.utils.formatdate(), mid, mid)).encode()
        flag_list = "(%s)" % " ".join(flags) if flags else None
        typ, data = self.imap.append(quote(folder), flag_list, None, body)
        check(typ, data, "APPEND " + folder)
        m = re.search(rb"APPENDUID \d+ (\d+)", data[0] or b"")
        self.selected = None
        return {"uid": int(m.group(1)) if m else None, "message_id": mid}

    def cmd_digest(self, *folders):
        import hashlib
        names = list(folders) or self.folders()
        out = {}
        for folder in names:
            out[folder] = {}
            if folder in getattr(self, "noselect", ()):
                continue
            self.select(folder, readonly=True)
            typ, data = self.imap.uid("FETCH", "1:*", "(UID BODY.PEEK[])")
            check(typ, data, "FETCH " + folder)
            for item in data:
                if not isinstance(item, tuple):
                    continue
                uid = FETCH_RE.search(item[0])
                if not uid:
                    continue
                raw = item[1]
                mid = re.search(rb"(?im)^Message-ID:\s*<([^>]*)>", raw.split(b"\r\n\r\n", 1)[0])
                out[folder][uid.group(1).decode()] = {
                    "message_id": mid.group(1).decode() if mid else "",
                    "sha256": hashlib.sha256(raw).hexdigest()}
        return out

    def cmd_create(self, folder):
        check(*self.imap.create(quote(folder)), what="CREATE " + folder)
        return {}

    def cmd_delete(self, folder):
        if self.selected and self.selected[0] == folder:
            self.imap.unselect() if hasattr(self.imap, "unselect") else self.imap.close()
            self.selected = None
        check(*self.imap.delete(quote(folder)), what="DELETE " + folder)
        return {}

    def cmd_separator(self):
        typ, data = self.imap.list('""', '""')
        check(typ, data, "LIST separator")
        m = LIST_RE.match(data[0] or b"") if data and not isinstance(data[0], tuple) else None
        if not m or m.group(2) == b"NIL":
            return ""
        return unquote(m.group(2))

    def cmd_greeting(self):
        return {"greeting": self.imap.welcome.decode(errors="replace"),
                "capabilities": sorted(self.imap.capabilities)}

    def cmd_deliver(self, folder):
        raw = sys.stdin.buffer.read()
        if folder.upper() != "INBOX":
            self.imap.create(quote(folder))  # NO when it exists: fine
        typ, data = self.imap.append(quote(folder), None, None, raw)
        check(typ, data, "APPEND " + folder)
        m = re.search(rb"APPENDUID \d+ (\d+)", data[0] or b"")
        self.selected = None
        return {"uid": int(m.group(1)) if m else None}

    def cmd_messages(self, folder):
        self.select(folder, readonly=True)
        typ, data = self.imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[])")
        check(typ, data, "FETCH " + folder)
        out = []
        for item in data:
            if not isinstance(item, tuple):
                continue
            uid = FETCH_RE.search(item[0])
            flags = FLAGS_RE.search(item[0])
            if not uid:
                continue
            names = [f.decode() for f in flags.group(1).split()] if flags else []
            out.append({"uid": int(uid.group(1)),
                        "flags": sorted(n for n in names if n.lower() != "\\recent"),
                        "raw_base64": base64.b64encode(item[1]).decode()})
        return sorted(out, key=lambda m: m["uid"])

    def cmd_reset(self):
        if self.selected:
            self.imap.close()
            self.selected = None
        typ, data = self.imap.list('""', "*")
        check(typ, data, "LIST")
        everything = []
        for line in data:
            if isinstance(line, tuple):
                everything.append(line[1].decode())
            elif line:
                m = LIST_RE.match(line)
                if m:
                    everything.append(unquote(m.group(3)))
        # Children before parents.
        sep = self.cmd_separator()
        for name in sorted(everything, key=lambda n: -n.count(sep)):
            if name not in KEEP:
                check(*self.imap.delete(quote(name)), what="DELETE " + name)
        for name in sorted(KEEP):
            if name not in everything:
                self.imap.create(quote(name))
            check(*self.imap.select(quote(name)), what="SELECT " + name)
            typ, data = self.imap.uid("SEARCH", "ALL")
            if typ == "OK" and data and data[0]:
                check(*self.imap.uid("STORE", "1:*", "+FLAGS.SILENT", r"(\Deleted)"), what="STORE")
                check(*self.imap.expunge(), what="EXPUNGE")
            self.imap.close()
        return {}

    def run(self, argv):
        if not argv:
            raise ImapError("no command")
        name = argv[0].replace("-", "_")
        fn = getattr(self, "cmd_" + name, None)
        if fn is None:
            raise ImapError("unknown command %r" % argv[0])
        self.ensure()
        return fn(*argv[1:])


def seed_maildir(argv):
    p = argparse.ArgumentParser(prog="seed-maildir")
    p.add_argument("dir")
    p.add_argument("count", type=int)
    p.add_argument("--uid", type=int, default=-1)
    p.add_argument("--gid", type=int, default=-1)
    p.add_argument("--seen-ratio", type=float, default=0.5)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    rng = random.Random(a.seed)
    cur = os.path.join(a.dir, "cur")
    os.makedirs(cur, exist_ok=True)
    now = int(time.time())
    host = "seed%d" % os.getpid()
    for i in range(a.count):
        mid = "bulk-%d-%d-%s@herald.test" % (a.seed, i, uuid.uuid4().hex[:8])
        date = email.utils.formatdate(now - (a.count - i) * 60)
        text = ("From: Bulk Sender <bulk@herald.test>\nTo: carol@herald.test\n"
                "Subject: bulk message %d\nDate: %s\nMessage-ID: <%s>\nMIME-Version: 1.0\n"
                "Content-Type: text/plain; charset=us-ascii\n\nBulk body %d.\n%s\n"
                % (i, date, mid, i, "x" * rng.randint(50, 600)))
        flags = ""
        if rng.random() < a.seen_ratio:
            flags += "S"
        if rng.random() < 0.1:
            flags = "F" + flags
        name = "%d.M%dP%d.%s,S=%d:2,%s" % (now, i, os.getpid(), host, len(text), flags)
        path = os.path.join(cur, name)
        with open(path, "w") as f:
            f.write(text)
        if a.uid >= 0:
            os.chown(path, a.uid, a.gid)
    # Dovecot notices new files when the directory's mtime moves.
    os.utime(cur, None)
    return {"written": a.count}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "seed-maildir":
        print(json.dumps(seed_maildir(sys.argv[2:])))
        return 0
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--ca", help="CA file; implicit TLS when given, plain IMAP otherwise")
    p.add_argument("--tls-hostname", default="localhost")
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args()
    if args.ca:
        # imaplib checks the certificate against the host it connects to; the stack's
        # certificate has 127.0.0.1 among its names, so the loopback address verifies.
        pass
    dev = Device(args)
    if args.command and args.command[0] == "repl":
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            try:
                out = {"ok": True, "result": dev.run(shlex.split(line))}
            except (imaplib.IMAP4.abort, OSError) as e:
                dev.imap = None  # reconnect next time
                out = {"ok": False, "error": "connection: %s" % e}
            except Exception as e:  # noqa: BLE001 - report every failure as JSON
                out = {"ok": False, "error": str(e)}
            sys.stdout.write(json.dumps(out, sort_keys=True) + "\n")
            sys.stdout.flush()
        dev.close()
        return 0
    try:
        print(json.dumps(dev.run(args.command), sort_keys=True))
    except Exception as e:  # noqa: BLE001
        print("imap_device: %s" % e, file=sys.stderr)
        return 1
    finally:
        dev.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
