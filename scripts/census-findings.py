#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""census-findings.py FINDINGS TRIAGE [RULES] [--unjudged PREFIX]

Matches every finding of the comma-separated RULES (default:
rpm-leak,rpm-underflow) in FINDINGS (the output of a many-file run)
against the verdict tables of TRIAGE (docs/triage-6.12.md), by location
(file:line:col), and prints REAL / FP / unjudged counts and the
precision over the judged ones.  With --unjudged, prints the findings
without a verdict (warning and notes), numbered PREFIX1, PREFIX2, ...,
for reviewers.

A table row is "| ID | file:line:col | function | REAL or FP | ...".
A row whose verdict cell reads "FP (superseded)" or "REAL (superseded)"
judged an earlier text of the warning at that location (the checker now
says something else there) and is not counted.
Deliberately ignores a location with both verdicts (reported apart as
"disputed") and "too complex" notes, which are not part of a finding.
"""
import importlib.util
import os
import re
import sys

ROW = re.compile(r"\| [A-Z]+\d+ \| ([^ |]+:\d+:\d+) \| [^|]* \| (REAL|FP) "
                 r"(?!\(superseded\))")


def load_sampler():
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(
        "sample_findings", os.path.join(here, "sample-findings.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def verdicts(path):
    found = {}
    for line in open(path, encoding="utf-8"):
        m = ROW.match(line)
        if m:
            found.setdefault(m.group(1), set()).add(m.group(2))
    return found


def main():
    args = sys.argv[1:]
    prefix = None
    if "--unjudged" in args:
        i = args.index("--unjudged")
        prefix = args[i + 1]
        del args[i:i + 2]
    if len(args) not in (2, 3):
        sys.exit("usage: census-findings.py FINDINGS TRIAGE [RULES] "
                 "[--unjudged PREFIX]")
    rules = (args[2] if len(args) == 3 else
             "rpm-leak,rpm-underflow").split(",")
    items = load_sampler().findings(args[0], rules)
    known = verdicts(args[1])
    real = fp = disputed = 0
    unjudged = []
    for it in items:
        v = known.get(it[0].split(": warning: ")[0])
        if not v:
            unjudged.append(it)
        elif v == {"REAL"}:
            real += 1
        elif v == {"FP"}:
            fp += 1
        else:
            disputed += 1
    if prefix:
        for i, it in enumerate(unjudged, 1):
            print("### %s%d" % (prefix, i))
            print("\n".join(it))
            print()
        return
    judged = real + fp
    print("%s: %d findings, %d REAL, %d FP, %d disputed, %d unjudged"
          % (",".join(rules), len(items), real, fp, disputed, len(unjudged)))
    if judged:
        print("precision over the judged: %.1f %%" % (100.0 * real / judged))


if __name__ == "__main__":
    main()
