#!/usr/bin/env python3
"""The fault campaign's tables from one or more runs.tsv files (fault_campaign --tsv), e.g. of
campaigns run in parallel on seed ranges of their own:

    tests/faults/table.py /tmp/a/runs.tsv /tmp/b/runs.tsv

A seed present in several files counts once (the last file wins). Prints Markdown: runs per
protocol and fault kind (fault reached, faulted run failed, lost, duplicated, ambiguous,
failed checks), runs per protocol and variant, and the failing seeds."""
import collections
import csv
import sys

rows = {}
for path in sys.argv[1:]:
    with open(path, newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows[int(r["seed"])] = r
if not rows:
    sys.exit("usage: table.py runs.tsv...")

FIELDS = ("runs", "reached", "exit", "lost", "dup", "amb", "ambdel", "failed", "seconds")


def tally(group):
    t = dict.fromkeys(FIELDS, 0)
    for r in group:
        t["runs"] += 1
        t["reached"] += int(r["fired"])
        t["exit"] += int(r["faulted_exit"]) != 0
        t["lost"] += int(r["lost"])
        t["dup"] += int(r["duplicated"])
        t["amb"] += int(r["ambiguous"])
        t["ambdel"] += int(r.get("ambiguous_delivered") or 0)
        t["failed"] += r["ok"] != "1"
        t["seconds"] += float(r["seconds"])
    return t


def line(a, b, t):
    amb = "%d (%d delivered)" % (t["amb"], t["ambdel"]) if t["amb"] else "0"
    return "| %s | %s | %d | %d | %d | %d | %d | %s | %d |" % (
        a, b, t["runs"], t["reached"], t["exit"], t["lost"], t["dup"], amb, t["failed"])


def table(key, title):
    print("| protocol | %s | runs | fault reached | faulted run failed | lost | duplicated | "
          "ambiguous | checks failed |" % title)
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    by = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in rows.values():
        by[r["protocol"]][key(r)].append(r)
    for proto in sorted(by):
        for k in sorted(by[proto]):
            print(line(proto, k, tally(by[proto][k])))
        print(line(proto, "**all**", tally([r for g in by[proto].values() for r in g])))
    print(line("**all**", "**all**", tally(rows.values())))
    print()


table(lambda r: r["fault"].split(" ")[0], "fault")
table(lambda r: r["variant"], "variant")
t = tally(rows.values())
print("%d runs, seeds %d..%d; %.0f s of runs (%.1f s per run)" % (
    t["runs"], min(rows), max(rows), t["seconds"], t["seconds"] / t["runs"]))
failing = sorted(s for s, r in rows.items() if r["ok"] != "1")
print("failing seeds: %s" % (" ".join(map(str, failing)) if failing else "none"))
