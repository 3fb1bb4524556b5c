#!/usr/bin/env python3
"""Writes a seed corpus per fuzz target into OUTDIR/<target>/, taken from tests/data (messages,
DKIM/SPF/Authentication-Results suites) and from the protocol exchanges the unit and wire tests
script (their C++ string literals). Generated on each run, never committed.
Usage: make_seeds.py REPO_ROOT OUTDIR"""
import glob
import hashlib
import json
import os
import re
import sys

ROOT, OUT = sys.argv[1], sys.argv[2]
MAX_SEED = 64 * 1024  # larger seeds only slow the fuzzer down
seeds = {}


def add(target, data):
    if isinstance(data, str):
        data = data.encode('utf-8', 'surrogateescape')
    if data and len(data) <= MAX_SEED:
        seeds.setdefault(target, set()).add(data)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def files(*patterns):
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
            if os.path.isfile(path):
                yield path


def header_fields(message):
    """(name, value) of each header field of a message (bytes), folding kept."""
    head = re.split(rb'\r?\n\r?\n', message, maxsplit=1)[0]
    for m in re.finditer(rb'^([!-9;-~]+):(.*(?:\r?\n[ \t].*)*)', head, re.M):
        yield m.group(1), m.group(2).strip()


C_ESCAPES = {'n': '\n', 'r': '\r', 't': '\t', '"': '"', '\\': '\\', "'": "'", '0': '\0'}


def c_literals(path):
    """The C++ string literals of a source file; adjacent literals joined."""
    text = read(path).decode('utf-8', 'replace')
    literal = r'"(?:[^"\\\n]|\\.)*"'
    for m in re.finditer(r'(?:%s\s*)+' % literal, text):
        parts = re.findall(literal, m.group(0))
        out = ''
        for p in parts:
            body = p[1:-1]
            out += re.sub(r'\\x([0-9a-fA-F]{2})|\\(.)',
                          lambda e: chr(int(e.group(1), 16)) if e.group(1)
                          else C_ESCAPES.get(e.group(2), e.group(2)), body)
        yield out


messages = list(files('tests/data/messages/*.eml', 'tests/data/mime-mail-parser-stalwart/eml/**/*',
                      'tests/data/dkim-herald/*.eml', 'tests/data/dkim-perl-mail-dkim/corpus/*',
                      'tests/data/dkim-dkimpy/data/*', 'tests/data/mail-auth-stalwart/dkim/*',
                      'tests/data/mail-auth-stalwart/arc/*'))

# MIME: whole messages, their header values, the stalwart header suites.
for path in messages:
    raw = read(path)
    add('mime_message', raw)
    add('mime_multipart', raw)
    for name, value in header_fields(raw):
        add('mime_headers', value)
        if name.lower() == b'authentication-results':
            add('auth_results', value)
    if b'DKIM-Signature' in raw or b'ARC-' in raw:
        add('dkim_signature', raw)
for path in files('tests/data/mime-mail-parser-stalwart/headers/*.json'):
    for case in json.loads(read(path)):
        add('mime_headers', case['header'])

# IMAP: every response the tests script, and messages as FETCH BODY[] literals.
for path in files('tests/unit/tst_imap_*.cpp', 'tests/wire/tst_imap_*.cpp', 'tests/unit/tst_folder_changes.cpp'):
    session = ''
    for lit in c_literals(path):
        if re.match(r'(\* |\+ |[A-Za-z]+\d+ (OK|NO|BAD) )', lit):
            add('imap_response', lit)
            session += lit if lit.endswith('\n') else lit + '\r\n'
        if 'utf7' in path and lit and '&' in lit:
            add('modified_utf7', lit)
    add('imap_response', session[:MAX_SEED])
for i, path in enumerate(files('tests/data/messages/*.eml')):
    body = read(path)
    add('imap_response', b'* %d FETCH (UID %d FLAGS (\\Seen) BODY[] {%d}\r\n%s)\r\nA1 OK done\r\n'
        % (i + 1, i + 7, len(body), body))
for data in list(seeds.get('imap_response', [])):
    add('imap_split', b'\x2a' + data)

# POP3 and SMTP: the wire tests' scripted server lines.
for path in files('tests/wire/tst_pop3_client.cpp'):
    lits = [l for l in c_literals(path) if re.match(r'(\+OK|-ERR|\.\r\n|[A-Za-z0-9 ])', l)]
    for lit in lits:
        if lit.startswith(('+OK', '-ERR')) or '\r\n.\r\n' in lit:
            add('pop3_replies', lit)
for path in files('tests/wire/tst_smtp_client.cpp', 'tests/wire/tst_outbox_sender.cpp'):
    for lit in c_literals(path):
        if re.match(r'\d{3}[ -]', lit):
            add('smtp_replies', lit if lit.endswith('\n') else lit + '\r\n')

# Authentication-Results, DKIM keys, SPF, DMARC.
for case in json.loads(read(os.path.join(ROOT, 'tests/data/authres-cases/authres-cases.json')))['cases']:
    add('auth_results', case['value'])
for path in files('tests/data/dkim-perl-mail-dkim/FAKE_DNS.dat', 'tests/data/dkim-dkimpy/dns.tsv',
                  'tests/data/mail-auth-stalwart/dkim/*'):
    for line in read(path).split(b'\n'):
        m = re.search(rb'\b(v=DKIM1.*|k=\w+;.*|p=[A-Za-z0-9+/=]+.*)', line)
        if m:
            add('dkim_key', m.group(1).strip())
for path in files('tests/data/spf-openspf-testsuite/*.json'):
    for scenario in json.loads(read(path))['scenarios']:
        for records in scenario['zonedata'].values():
            for r in records:
                if isinstance(r, dict) and r.get('type') in ('SPF', 'TXT'):
                    value = r['value'] if isinstance(r['value'], str) else ''.join(r['value'])
                    add('spf_record' if value.lower().startswith('v=spf') else 'spf_macro', value)
                    for term in value.split():
                        if '%' in term:
                            add('spf_macro', term.split(':', 1)[-1].split('=', 1)[-1])
for record in ['v=DMARC1; p=reject; rua=mailto:d@example.org', 'v=DMARC1; p=none; sp=quarantine; pct=50',
               'v=DMARC1; p=quarantine; adkim=s; aspf=s; fo=1', 'v=DMARC1; rua=mailto:x@example.org',
               'v=DMARC1;p=reject;pct=0']:
    add('dmarc_record', record)

# Server URLs: those the account tests type.
for path in files('tests/unit/*.cpp', 'tests/integration/*.cpp'):
    for lit in c_literals(path):
        if re.match(r'(imap|pop3|smtp)s?(\+starttls)?://', lit):
            add('server_url', lit)
for name in ['INBOX', 'Entw&APw-rfe', '&Jjo-!', 'Sent &- Archive', '&ZeVnLIqe-']:
    add('modified_utf7', name)

for target, datas in sorted(seeds.items()):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    for data in datas:
        with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), 'wb') as f:
            f.write(data)
    print('%-16s %5d seeds' % (target, len(datas)))
