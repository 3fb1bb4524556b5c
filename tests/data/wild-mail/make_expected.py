#!/usr/bin/env python3
"""Drafts tests/data/wild-mail/expected.tsv, the expectations of tests/unit/tst_mime_wild_corpus.

Python's email package (policy.default) is the second opinion: where Herald and Python read a
field the same, that value is written down; where they differ, the row comes from decisions.tsv
(decided by hand against the RFCs, with the reason in its notes column), or, when not decided
yet, it is listed in disagreements.tsv and left out of expected.tsv (the test then checks only
that the message parses).

Usage (from the build directory):
  HERALD_WILD_DUMP=/tmp/herald.tsv ./tests/unit_tst_mime_wild_corpus >/dev/null
  python3 ../tests/data/wild-mail/make_expected.py /tmp/herald.tsv
"""
import email
import email.policy
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["subject", "from", "to", "date", "attachments", "text"]


def one_line(s):
    return s.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def collapse(s):
    return " ".join(s.split())


def addresses(msg, name):
    out = []
    for value in msg.get_all(name) or []:
        for a in getattr(value, "addresses", ()):
            spec = a.addr_spec if (a.username or a.domain) else ""
            name_ = collapse(a.display_name or "")
            out.append(f"{name_} <{spec}>" if name_ else f"<{spec}>")
    return "; ".join(out)


def date(msg):
    value = msg["date"]
    dt = getattr(value, "datetime", None) if value is not None else None
    if dt is None:
        return ""
    if dt.tzinfo is None:  # "-0000": UTC, no zone information
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    import datetime
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def file_names(msg):
    names = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        if part.get_content_type() in ("message/rfc822", "message/global") and isinstance(
                part.get_payload(), list):
            continue
        name = part.get_filename()
        if name:
            names.append(collapse(str(name)) if "\n" in str(name) else str(name))
    return " | ".join(names)


def first_text(msg):
    body = msg.get_body(preferencelist=("plain",))
    if body is None:
        return ""
    try:
        text = body.get_content()
    except Exception:
        text = body.get_payload(decode=True).decode("utf-8", "replace")
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:80]
    return ""


def python_view(path):
    with open(path, "rb") as f:
        msg = email.message_from_bytes(f.read(), policy=email.policy.default)
    view = {}
    for field, fn in [("subject", lambda m: collapse(str(m["subject"] or ""))),
                      ("from", lambda m: addresses(m, "from")),
                      ("to", lambda m: addresses(m, "to")),
                      ("date", date),
                      ("attachments", file_names),
                      ("text", first_text)]:
        try:
            view[field] = one_line(fn(msg))
        except Exception as e:  # Python could not read it: no opinion
            view[field] = f"(python failed: {type(e).__name__})"
    return view


def read_tsv(path, width):
    rows = {}
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t") + [""] * width
            rows[(cols[0], cols[1])] = cols[2:width]
    return rows


def main():
    herald = {k: v[0] for k, v in read_tsv(sys.argv[1], 3).items()}
    decisions = read_tsv(os.path.join(HERE, "decisions.tsv"), 4)
    expected, open_rows = [], []
    views = {}
    for (path, field), value in sorted(herald.items()):
        if path not in views:
            views[path] = python_view(os.path.join(HERE, path))
        py = views[path][field]
        if (path, field) in decisions:
            exp, notes = decisions[(path, field)]
            expected.append((path, field, exp, notes))
        elif value == py:
            expected.append((path, field, value, ""))
        else:
            open_rows.append((path, field, value, py))
    with open(os.path.join(HERE, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tfield\texpected\tnotes (why, where Herald and Python's email package "
                "disagree)\n# Made by make_expected.py from decisions.tsv and the fields both "
                "read alike.\n")
        for row in expected:
            f.write("\t".join(row) + "\n")
    with open(os.path.join(HERE, "disagreements.tsv"), "w", encoding="utf-8", errors="backslashreplace") as f:
        f.write("# file\tfield\therald\tpython (not decided yet: not in expected.tsv)\n")
        for row in open_rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(expected)} fields expected ({len(decisions)} decided by hand), "
          f"{len(open_rows)} open")


if __name__ == "__main__":
    main()
