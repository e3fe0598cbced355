#!/usr/bin/env python3
"""C4's line filter (Raffel et al. 2020, the `clean` step of c4.py), as a baseline.

Reads JSON Lines ({"id", "text"}) on stdin or from files and writes the kept
documents' text as JSON Lines on stdout. Per line, as C4 does: keep a line
only if it ends in terminal punctuation, has at least 3 words, and contains
no "javascript"; drop lines about cookies or terms of use; then drop repeated
lines within the document. Per document: drop it if it contains "lorem ipsum"
or a "{" (C4's code filter), or if fewer than 5 lines are left. Linear time,
standard library only.
"""
import json
import sys

TERMINAL = (".", "!", "?", '"')
POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
MIN_WORDS = 3
MIN_LINES = 5


def clean(text):
    lower = text.lower()
    if "lorem ipsum" in lower or "{" in text:
        return None
    kept = []
    seen = set()
    for line in text.splitlines():
        line = line.strip()
        if not line.endswith(TERMINAL):
            continue
        if len(line.split()) < MIN_WORDS:
            continue
        low = line.lower()
        if "javascript" in low or "cookie" in low or any(p in low for p in POLICY):
            continue
        if line in seen:
            continue
        seen.add(line)
        kept.append(line)
    if len(kept) < MIN_LINES:
        return None
    return "\n".join(kept)


def run(stream, out):
    for record in stream:
        if not record.strip():
            continue
        doc = json.loads(record)
        text = clean(doc.get("text", ""))
        if text is not None:
            out.write(json.dumps({"id": doc.get("id"), "text": text}, ensure_ascii=False))
            out.write("\n")


def main():
    out = sys.stdout
    if len(sys.argv) == 1:
        run(sys.stdin, out)
    for path in sys.argv[1:]:
        if path == "-":
            run(sys.stdin, out)
        else:
            with open(path, encoding="utf-8") as f:
                run(f, out)


if __name__ == "__main__":
    main()
