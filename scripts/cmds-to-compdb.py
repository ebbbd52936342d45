#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# cmds-to-compdb.py TREE < CMDFILE > compile_commands.json
#     Turn scripts/kbuild-commands.sh's "FILE<TAB>ARGS" lines (ARGS in
#     kbuild's shell quoting, ending with FILE) into a
#     compile_commands.json like the kernel's gen_compile_commands.py
#     writes: "directory" the tree, "file" absolute, "command" a gcc line.
# cmds-to-compdb.py --parser-flags ARGS
#     Print the flags of ARGS that a plain parser needs (-D -U -I
#     -include -isystem -nostdinc -std= -m64 ...), shell-quoted, for
#     "clang -fsyntax-only" in the benchmarks.
#
# Deliberately ignores everything about the build but the command line.
import json
import os
import shlex
import sys

KEEP_WITH_ARG = {"-include", "-isystem", "-I", "-D", "-U"}
DROP_WITH_ARG = {"--param", "-o", "-MF", "-MT", "-MQ"}
KEEP_PREFIX = ("-D", "-U", "-I", "-std=")
KEEP_EXACT = {"-nostdinc", "-m64", "-m32", "-fshort-wchar", "-funsigned-char"}


def parser_flags(args):
    out, it = [], iter(shlex.split(args))
    for a in it:
        if a in KEEP_WITH_ARG:
            out += [a, next(it, "")]
        elif a in DROP_WITH_ARG:
            next(it, None)
        elif a.startswith(KEEP_PREFIX) or a in KEEP_EXACT or not a.startswith("-"):
            out.append(a)
    return " ".join(shlex.quote(a) for a in out)


def compdb(tree):
    entries = []
    for line in sys.stdin:
        name, _, args = line.rstrip("\n").partition("\t")
        if not args:
            continue
        entries.append({"directory": tree,
                        "file": os.path.join(tree, name),
                        "command": "gcc -c " + args})
    json.dump(entries, sys.stdout, indent=1)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--parser-flags":
        print(parser_flags(sys.argv[2]))
    elif len(sys.argv) == 2:
        compdb(os.path.realpath(sys.argv[1]))
    else:
        sys.exit("usage: cmds-to-compdb.py TREE < CMDFILE | --parser-flags ARGS")
