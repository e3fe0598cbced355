#!/usr/bin/env python3
"""pagewash_floor (tools/bench/floor.cc) does the work it claims: for each
record, the lines of "text" not seen before in that record, joined by "\\n",
the number of words in them and (--distinct) how many differ once ASCII
capitals are folded, against a model written here in Python.

  floor_test.py PAGEWASH_FLOOR

The records are generated (fixed seed): repeated lines, capitals, digits,
UTF-8 words, JSON escapes and control characters, words that cross the
floor's 64-byte blocks, lines exactly 64 and 128 bytes long, empty texts,
5,000 short lines, a record longer than twice the floor's 4 MiB read
blocks, blank lines between records, a last record without a line end, and
files that are empty or blank.
"""
import json
import random
import re
import subprocess
import sys
import tempfile

WORD = re.compile(rb"[A-Za-z0-9\x80-\xff]+")


def model(text):
    seen = set()
    kept = []
    words = 0
    distinct = set()
    for line in text.split("\n"):
        if not line or line in seen:
            continue
        seen.add(line)
        kept.append(line)
        found = WORD.findall(line.encode("utf-8"))
        words += len(found)
        distinct.update(w.lower() for w in found)  # bytes.lower(): ASCII capitals only.
    return "\n".join(kept), words, len(distinct)


def records():
    rng = random.Random(7)
    vocab = ["Home", "news", "ABOUT", "contact", "2024", "x", "naïve", "Ünïcode", "日本語", "word",
             "a" * 63, "B" * 64, "c" * 65, "tab\there", 'quote"d', "back\\slash", "bell\x07",
             "emoji😀", "about", "zebra", "ZEBRA", "Zebra", "AZaz09", "azAZ09", "hyphen-ated", "it's", "e.g.", "Ελληνικά", "привет", "__init__"]
    out = [{"id": "empty", "text": ""}, {"id": "blank lines", "text": "\n\n\n"},
           {"id": "exact 64", "text": "w" * 64}, {"id": "exact 128", "text": ("ab " * 42) + "xy"},
           {"id": "trailing word at 64", "text": " " * 63 + "Z"}]
    for n in range(300):
        lines = []
        for _ in range(rng.randint(1, 40)):
            if lines and rng.random() < 0.3:
                lines.append(rng.choice(lines))
            else:
                lines.append((" " * rng.randint(0, 3)).join(
                    rng.choice(vocab) for _ in range(rng.randint(0, 30))))
        out.append({"id": f"doc{n}", "text": "\n".join(lines)})
    # More short lines than a table sized for the text's bytes would hold.
    out.insert(100, {"id": "short lines", "text": "\n".join(str(i) for i in range(5000))})
    # Longer than the floor's 4 MiB read blocks, twice over.
    out.insert(150, {"id": "9 MB", "text": "\n".join(f"Line {i % 50000} of WORDS and words {i}" for i in range(300000))})
    return out


def main():
    floor = sys.argv[1]
    recs = records()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as f:
        # Blank lines between records are skipped; the last record has no
        # line end.
        f.write("\n".join(json.dumps(r, ensure_ascii=False) + ("\n \t" if i == 3 else "")
                          for i, r in enumerate(recs)))
        f.flush()
        got = subprocess.run([floor, f.name], check=True, capture_output=True).stdout.decode("utf-8")
        bare = subprocess.run([floor, "--no-words", f.name], check=True, capture_output=True).stdout.decode("utf-8")
        counted = subprocess.run([floor, "--distinct", f.name], check=True, capture_output=True).stdout.decode("utf-8")
    got_lines = got.splitlines()
    bare_lines = bare.splitlines()
    if len(got_lines) != len(recs) or len(bare_lines) != len(recs):
        sys.exit(f"FAIL: {len(recs)} records in, {len(got_lines)} and {len(bare_lines)} out")
    total = 0
    counted_lines = counted.splitlines()
    for r, line, bare_line, counted_line in zip(recs, got_lines, bare_lines, counted_lines):
        text, words, distinct = model(r["text"])
        o = json.loads(line)
        if o != {"id": r["id"], "text": text, "words": words}:
            sys.exit(f"FAIL: record {r['id']!r}: got {o!r}, expected text {text!r} and {words} words")
        b = json.loads(bare_line)
        if b != {"id": r["id"], "text": text, "words": 0}:
            sys.exit(f"FAIL: --no-words, record {r['id']!r}: got {b!r}")
        c = json.loads(counted_line)
        if c != {"id": r["id"], "text": text, "words": words, "distinct": distinct}:
            sys.exit(f"FAIL: --distinct, record {r['id']!r}: got {c!r}, expected {distinct} distinct words")
        total += words
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl") as f:
        for text in ("", "\n\n"):
            f.seek(0)
            f.truncate()
            f.write(text)
            f.flush()
            empty = subprocess.run([floor, f.name], capture_output=True)
            if empty.returncode != 0 or empty.stdout:
                sys.exit(f"FAIL: a file of {text!r}: exit {empty.returncode}, {empty.stdout!r}, {empty.stderr!r}")
    bad = subprocess.run([floor, "/nonexistent/x.jsonl"], capture_output=True)
    if bad.returncode != 1 or b"/nonexistent/x.jsonl" not in bad.stderr:
        sys.exit(f"FAIL: a missing file: exit {bad.returncode}, {bad.stderr!r}")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl") as f:
        f.write('{"id": "a", "text": "ok"}\n{"id": "b"}\n')
        f.flush()
        bad = subprocess.run([floor, f.name], capture_output=True)
    if bad.returncode != 1 or f"{f.name}:2:".encode() not in bad.stderr:
        sys.exit(f"FAIL: a record without text: exit {bad.returncode}, {bad.stderr!r}")
    print(f"ok: {len(recs)} records, {total} words, as the model says")


if __name__ == "__main__":
    main()
