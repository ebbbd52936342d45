#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""sample-findings.py FINDINGS N SEED - print a reproducible random sample
of N rpm-leak / rpm-underflow findings (warning and its notes) from the
findings.txt that scripts/kernel-run.sh writes, numbered R1..RN.

Deliberately ignores rpm-get-sync-ret findings and "too complex" notes:
the sample is for triaging usage-count findings.
"""
import random
import sys


def findings(path):
    items, cur = [], None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if ": warning: " in line:
            cur = [line]
            items.append(cur)
        elif ": note: " in line and cur is not None and "too complex" not in line:
            cur.append(line)
    return [it for it in items
            if "[-Wrpm-leak]" in it[0] or "[-Wrpm-underflow]" in it[0]]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: sample-findings.py FINDINGS N SEED")
    items = findings(sys.argv[1])
    random.seed(int(sys.argv[3]))
    sample = random.sample(items, min(int(sys.argv[2]), len(items)))
    for i, it in enumerate(sample, 1):
        print("### R%d" % i)
        print("\n".join(it))
        print()


if __name__ == "__main__":
    main()
