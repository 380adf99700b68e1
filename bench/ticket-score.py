#!/usr/bin/env python3
"""Top-1 / top-3 of a folder of tickets: how often the confirmed cause (expect.top) ranks first,
and in the first three, when the tool diagnoses each ticket.

    bench/ticket-score.py JAR FOLDER [--rules DIR] [--markdown]

Runs `java -jar JAR diagnose --format json FOLDER` once (one JSON line per ticket) and reads
each ticket's expect.top from the file itself. Not part of the product: a measuring aid.
"""
import json
import subprocess
import sys
from pathlib import Path

import yaml


def expected_top(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return ((data or {}).get("expect") or {}).get("top")


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    jar, folder = argv[1], Path(argv[2])
    rules = []
    if "--rules" in argv:
        rules = ["--rules", argv[argv.index("--rules") + 1]]
    markdown = "--markdown" in argv
    run = subprocess.run(["java", "-jar", jar, "diagnose", "--format", "json", *rules, str(folder)],
                         capture_output=True, text=True)
    rows = []
    seen = set()
    for line in run.stdout.splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        file = d.get("case", {}).get("file") or d.get("file")
        if file is None:
            rows.append((str(d), None, None, "error"))
            continue
        seen.add(Path(file).name)
        want = expected_top(file)
        ranked = [r["cause"] for r in d.get("ranked", [])]
        rank = ranked.index(want) + 1 if want in ranked else None
        rows.append((Path(file).name, want, rank, ranked[0] if ranked else "(nothing ranked)"))
    for p in sorted(folder.glob("*.yaml")):
        if p.name not in seen:
            rows.append((p.name, expected_top(p), None, "not diagnosed: " + run.stderr.strip().splitlines()[0]
                         if run.stderr.strip() else "not diagnosed"))
    rows.sort()
    n = len(rows)
    top1 = sum(1 for r in rows if r[2] == 1)
    top3 = sum(1 for r in rows if r[2] is not None and r[2] <= 3)
    empty = sum(1 for r in rows if r[3] == "(nothing ranked)")
    if markdown:
        print("| ticket | expected | rank | ranked first |")
        print("|---|---|---|---|")
        for name, want, rank, first in rows:
            print(f"| `{name}` | `{want}` | {rank if rank else '-'} | `{first}` |")
        print()
    else:
        for name, want, rank, first in rows:
            print(f"{name:55} {str(want):28} {str(rank) if rank else '-':>3}  {first}")
    print(f"top-1: {top1} of {n}; top-3: {top3} of {n}; nothing ranked: {empty}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
