#!/usr/bin/env python3
"""Checks how pagewash's files include each other: no include cycle among the
headers, and no upward include. Exits 1 naming each violation.

    tools/check-includes.py [REPO_DIR]

The layers, lowest first (a file may include its own layer and those below):
  1. src/text/          words, Unicode, stop words, encodings, checksums
     include/pagewash/result.h, document.h   Status and the document model
  2. include/pagewash/  the rest of the public API (the stages' options)
     src/io/            files, streams, locks: used by the driver, uses no stage
  3. include/pagewash/pipeline.h, src/*.cc, src/strip/, src/*.h   the stages and the driver
  4. tools/             the command line
and the public API includes only the public API (never src/ or tools/).
Only quoted includes ("...") are project files; <...> are system headers.
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


FOUNDATION = {"include/pagewash/result.h", "include/pagewash/document.h"}


def layer(path):
    if path.startswith("src/text/") or path in FOUNDATION:
        return 1
    if path == "include/pagewash/pipeline.h":
        return 3
    if path.startswith("include/pagewash/") or path.startswith("src/io/"):
        return 2
    if path.startswith("src/"):
        return 3
    if path.startswith("tools/"):
        return 4
    return None


def resolve(repo, including, name):
    """The repository path an include names, or None for one outside it."""
    for base in ("include", "src", os.path.dirname(including), "tools", "."):
        candidate = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(os.path.join(repo, candidate)):
            return candidate
    return None


def main():
    repo = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    files = []
    for top in ("include", "src", "tools"):
        for root, _, names in os.walk(os.path.join(repo, top)):
            for n in names:
                if n.endswith((".h", ".cc")):
                    files.append(os.path.relpath(os.path.join(root, n), repo))
    graph = {}
    problems = []
    for f in sorted(files):
        text = open(os.path.join(repo, f), encoding="utf-8").read()
        targets = []
        for name in INCLUDE.findall(text):
            t = resolve(repo, f, name)
            if t is None or t.endswith(".cc") or t == f:
                continue
            targets.append(t)
            lf, lt = layer(f), layer(t)
            if lf is not None and lt is not None and lt > lf:
                problems.append(f"{f} includes {t}: an upward include (layer {lf} includes layer {lt})")
            if f.startswith("include/pagewash/") and not t.startswith("include/pagewash/"):
                problems.append(f"{f} includes {t}: the public API includes only the public API")
        graph[f] = targets
    # Cycles among headers: depth-first search, each cycle reported once.
    state, stack, seen_cycles = {}, [], set()

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if not nxt.endswith(".h"):
                continue
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                key = frozenset(cycle)
                if key not in seen_cycles:
                    seen_cycles.add(key)
                    problems.append("include cycle: " + " -> ".join(cycle))
            elif state.get(nxt) is None:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for f in sorted(graph):
        if f.endswith(".h") and f not in state:
            visit(f)
    for p in problems:
        print(p)
    print(f"{len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
