#!/usr/bin/env python3
"""Writes N varied messages (~18 KB average, like DESIGN.md's measurements) straight
into a maildir's cur/ — much faster than delivering them one by one."""
import os, random, sys, time

maildir, n = sys.argv[1], int(sys.argv[2])
random.seed(42)
for sub in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(maildir, sub), exist_ok=True)
words = ("alpha beta gamma delta invoice meeting report quarterly budget travel "
         "release notes project deadline review coffee lunch Zürich naïve").split()
base = int(time.time()) - n * 60
for i in range(n):
    body_lines = random.randint(50, 600)
    body = "\r\n".join(" ".join(random.choice(words) for _ in range(10)) for _ in range(body_lines))
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(base + i * 60))
    msg = (f"From: Sender {i % 97} <sender{i % 97}@example.org>\r\n"
           f"To: alice@herald.test\r\nSubject: Bench message {i} {random.choice(words)}\r\n"
           f"Date: {date}\r\nMessage-ID: <bench-{i}@herald.test>\r\n"
           f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n")
    # S= and W= as Dovecot's own delivery names them: W= is the RFC822.SIZE (CRLF lines), so
    # the server never reads a whole file to answer it. Without W=, the first RFC822.SIZE of
    # 100,000 messages costs Dovecot ~7 s (the whole 2.5 GB read), a seeding artefact.
    size = len(msg.encode())
    name = f"{base + i}.M{i}P1.bench,S={size},W={size}:2,{'S' if i % 3 else ''}"
    with open(os.path.join(maildir, "cur", name), "w", encoding="utf-8", newline="") as f:
        f.write(msg)
