#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""sample-findings.py FINDINGS N SEED [RULES] - print a reproducible
random sample of N findings (warning and its notes) of the comma-separated
RULES (default: rpm-leak,rpm-underflow) from the findings.txt that
scripts/kernel-run.sh writes, numbered R1..RN.

Deliberately ignores "too complex" notes: they are not part of a finding.
"""
import random
import sys


def findings(path, rules):
    items, cur = [], None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if ": warning: " in line:
            cur = [line]
            items.append(cur)
        elif ": note: " in line and cur is not None and "too complex" not in line:
            cur.append(line)
    return [it for it in items
            if any(it[0].endswith("[-W%s]" % r) for r in rules)]


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: sample-findings.py FINDINGS N SEED [RULES]")
    rules = (sys.argv[4] if len(sys.argv) == 5 else
             "rpm-leak,rpm-underflow").split(",")
    items = findings(sys.argv[1], rules)
    random.seed(int(sys.argv[3]))
    sample = random.sample(items, min(int(sys.argv[2]), len(items)))
    for i, it in enumerate(sample, 1):
        print("### R%d" % i)
        print("\n".join(it))
        print()


if __name__ == "__main__":
    main()
