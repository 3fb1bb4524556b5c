#!/usr/bin/python3
"""Hands a message to an SMTP server the way another domain's server would: plain SMTP, no
AUTH, from a chosen loopback source address (so SPF sees that IP), optionally DKIM-signed with
python3-dkim first, optionally with the signed body changed afterwards.

    inject_mail.py --port P --from-ip 127.0.0.2 --mail-from a@d --rcpt b@d [--helo NAME]
                   [--sign KEYFILE --domain D --selector S] [--break-body] < message.eml

Run with the system python (/usr/bin/python3): Debian's python3-dkim lives there.
"""
import argparse
import smtplib
import sys

import dkim


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--from-ip", default="127.0.0.1")
    ap.add_argument("--helo", default="mx.sender.example")
    ap.add_argument("--mail-from", required=True)
    ap.add_argument("--rcpt", required=True, action="append")
    ap.add_argument("--sign")
    ap.add_argument("--domain")
    ap.add_argument("--selector")
    ap.add_argument("--break-body", action="store_true")
    a = ap.parse_args()

    raw = sys.stdin.buffer.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if a.sign:
        with open(a.sign, "rb") as f:
            key = f.read()
        sig = dkim.sign(raw, a.selector.encode(), a.domain.encode(), key,
                        canonicalize=(b"relaxed", b"relaxed"),
                        include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
        raw = sig.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + raw
    if a.break_body:
        raw = raw + b"A line the signer never saw.\r\n"

    with smtplib.SMTP(a.host, a.port, local_hostname=a.helo,
                      source_address=(a.from_ip, 0), timeout=30) as s:
        refused = s.sendmail(a.mail_from, a.rcpt, raw)
    if refused:
        sys.exit("refused: %r" % refused)


if __name__ == "__main__":
    main()
