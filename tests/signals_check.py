#!/usr/bin/env python3
"""Recomputes metadata.signals from pagewash's own output, independently of
src/signals.cc, following the definitions in docs/signals.md, and compares.

Usage: signals_check.py PAGEWASH TESTDATA_DIR

Runs `PAGEWASH clean --signals` over testdata/pages/*.txt and
testdata/corpus/pages/*.txt. For each document it rebuilds the lines from
"sections" (a heading, then its blocks), checks they are the lines of "text",
recomputes every signal from "text" alone (plus which lines are unordered list
items, and metadata.language for the stop-word list) and compares it with what
pagewash wrote. Standard library only.
"""
import collections
import glob
import json
import os
import subprocess
import sys
import unicodedata

GOPHER_STOP_WORDS = ["the", "be", "to", "of", "and", "that", "have", "with"]
BULLETS = ["•", "·", "▪", "‣", "◦", "○", "●", "■", "□", "►", "➢", "✓", "-", "*", "–", "—"]
TERMINAL = [".", "!", "?", '"', "”", "»", "’", "'", "。", "！", "？"]


def ratio(num, den):
    return 0 if den == 0 else num / den


def words_of(text):
    # Words: maximal runs of characters other than space and newline.
    return [w for w in text.replace("\n", " ").split(" ") if w]


def fold(c):
    # Simple case folding: one character to one character.
    f = c.casefold()
    return f if len(f) == 1 else c.lower()


def is_word_char(c):
    cat = unicodedata.category(c)
    return cat[0] in "LM" or cat == "Nd"


def no_space_script(c):
    o = ord(c)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xF900 <= o <= 0xFAFF or 0x0E00 <= o <= 0x0E7F)


def tokens_of(text):
    """Tokenizer words: folded runs of letters, digits and marks; each
    character of a Chinese, Japanese or Thai run is a word of its own."""
    out = []
    run = []
    for c in text + " ":
        if is_word_char(c):
            run.append(fold(c))
            continue
        if run:
            word = "".join(run)
            other = []
            for ch in word:
                if no_space_script(ch):
                    if other:
                        out.append("".join(other))
                        other = []
                    out.append(ch)
                else:
                    other.append(ch)
            if other:
                out.append("".join(other))
            run = []
    return out


def load_stop_words(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    lists = {}
    for code, words in list(data.items())[:64]:
        kept = set()
        for w in words:
            t = tokens_of(w)
            # A listed word the tokenizer splits is no one word of a text.
            if len(t) == 1 and len(tokens_of_raw(w)) == 1:
                kept.add(t[0])
        lists[code] = kept
    return lists


def tokens_of_raw(text):
    # Runs of word characters, before no-space scripts are split.
    runs, run = [], []
    for c in text + " ":
        if is_word_char(c):
            run.append(c)
        elif run:
            runs.append("".join(run))
            run = []
    return runs


def covered_share(words, n, starts):
    covered = [False] * len(words)
    for i in starts:
        for k in range(i, i + n):
            covered[k] = True
    total = sum(len(w) for w in words)
    return ratio(sum(len(w) for w, c in zip(words, covered) if c), total)


def top_ngram(words, n):
    grams = [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
    counts = collections.Counter(grams)
    best, best_count, best_chars = None, 0, 0
    for g in grams:  # In order of first occurrence: ties go to the first.
        count = counts[g]
        chars = sum(len(w) for w in g)
        if count < 2 or count < best_count:
            continue
        if count > best_count or chars > best_chars:
            best, best_count, best_chars = g, count, chars
    if best is None:
        return 0
    return covered_share(words, n, [i for i, g in enumerate(grams) if g == best])


def duplicate_ngrams(words, n):
    grams = [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
    counts = collections.Counter(grams)
    return covered_share(words, n, [i for i, g in enumerate(grams) if counts[g] >= 2])


def duplicates(units):
    seen, count, chars = set(), 0, 0
    for u in units:
        if u in seen:
            count += 1
            chars += len(u)
        seen.add(u)
    return count, chars


def signals(doc, stop_words):
    text = doc["text"]
    lines, bullet = [], []
    for section in doc["sections"]:
        if section["heading"] is not None:
            lines.append(section["heading"])
            bullet.append(False)
        for b in section["blocks"]:
            lines.append(b["text"])
            bullet.append(b["type"] == "list_item" and not b["ordered"])
    pairs = [(l, u) for l, u in zip(lines, bullet) if l]
    assert [l for l, _ in pairs] == [l for l in text.split("\n") if l], doc["id"]
    lines = [l for l, _ in pairs]
    bullet = [u or any(l.startswith(b) for b in BULLETS) for l, u in pairs]
    paragraphs = [p for p in text.split("\n\n") if p]
    words = words_of(text)
    chars = len(text)
    s = collections.OrderedDict()
    s["characters"] = chars
    s["words"] = len(words)
    s["mean_word_length"] = ratio(sum(len(w) for w in words), len(words))
    s["hash_word_ratio"] = ratio(text.count("#"), len(words))
    s["ellipsis_word_ratio"] = ratio(text.count("…") + text.count("..."), len(words))
    s["lines"] = len(lines)
    s["lines_ending_with_ellipsis"] = ratio(sum(l.endswith(("…", "...")) for l in lines), len(lines))
    s["lines_starting_with_bullet"] = ratio(sum(bullet), len(lines))
    s["lines_ending_with_terminal_punctuation"] = ratio(sum(l.endswith(tuple(TERMINAL)) for l in lines),
                                                        len(lines))
    count, dup_chars = duplicates(lines)
    s["duplicate_lines"] = ratio(count, len(lines))
    s["duplicate_line_chars"] = ratio(dup_chars, chars)
    s["paragraphs"] = len(paragraphs)
    count, dup_chars = duplicates(paragraphs)
    s["duplicate_paragraphs"] = ratio(count, len(paragraphs))
    s["duplicate_paragraph_chars"] = ratio(dup_chars, chars)
    for n in (2, 3, 4):
        s[f"top_{n}gram_chars"] = top_ngram(words, n)
    for n in range(5, 11):
        s[f"duplicate_{n}gram_chars"] = duplicate_ngrams(words, n)
    tokens = tokens_of(text)
    s["gopher_stop_words"] = sum(1 for w in GOPHER_STOP_WORDS if w in tokens)
    listed = stop_words.get(doc["metadata"].get("language"))
    s["stop_word_ratio"] = None if listed is None else ratio(sum(t in listed for t in tokens), len(tokens))
    s["alphabetic_words"] = ratio(sum(any(c.isalpha() for c in w) for w in words), len(words))
    s["curly_brackets"] = text.count("{")
    s["lorem_ipsum"] = "lorem ipsum" in text.lower()
    return s


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pagewash, testdata = sys.argv[1], sys.argv[2]
    pages = sorted(glob.glob(os.path.join(testdata, "pages", "*.txt")) +
                   glob.glob(os.path.join(testdata, "corpus", "pages", "*.txt")))
    if not pages:
        sys.exit(f"no pages under {testdata}")
    out = subprocess.run([pagewash, "clean", "--signals", *pages], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout
    stop_words = load_stop_words(os.path.join(os.path.dirname(testdata.rstrip("/")), "src", "lang",
                                              "stopwords-iso.json"))
    failures = 0
    docs = [json.loads(line) for line in out.splitlines()]
    if len(docs) != len(pages):
        sys.exit(f"{len(docs)} documents for {len(pages)} pages")
    for doc in docs:
        got = doc["metadata"]["signals"]
        want = signals(doc, stop_words)
        if list(got) != list(want):
            print(f"FAIL {doc['id']}: fields {list(got)} != {list(want)}")
            failures += 1
            continue
        for key, value in want.items():
            g = got[key]
            same = (g == value if isinstance(value, (bool, int)) or value is None
                    else g is not None and abs(g - value) <= 0.5e-4 + 1e-12)
            if not same:
                print(f"FAIL {doc['id']}: {key}: pagewash {g}, recomputed {value}")
                failures += 1
    print(f"{len(docs)} documents, {len(docs) * len(want)} signals compared, {failures} differences")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
