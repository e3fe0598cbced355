#!/usr/bin/env python3
"""Builds the benchmark corpus of tools/bench/compare.sh from real pages.

Writes JSON Lines (one document a line: {"id", "text"}) and, beside it, the
same documents' text as plain lines (for line filters such as awk), from the
plain-text pages in the given directories. Each document is one real page
with what a crawl adds to it: a few words changed (so near duplicates are
near, not exact), site boilerplate repeated from page to page, and paragraphs
pasted from earlier documents (syndicated copies). The same seed gives the
same bytes.

  make_corpus.py --out corpus.jsonl --text-out corpus.txt --mb 200 --seed 1 DIR...

Standard library only.
"""
import argparse
import json
import os
import random
import sys

# Furniture a crawl sees on every page of a site: consent notices, menus,
# share rows, footers. Repeated across documents, as real boilerplate is.
BOILERPLATE = [
    "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
    "Accept all cookies",
    "Skip to main content",
    "Home | News | Sport | Business | Culture | Contact",
    "Share this article",
    "Share on Facebook Share on Twitter Share by email",
    "Subscribe to our newsletter",
    "Sign in or register",
    "Terms of use | Privacy policy | Cookie settings",
    "© 2024 Example Media Group. All rights reserved.",
    "Back to top",
    "Related articles",
    "Most read",
    "Advertisement",
    "Follow us on social media",
]


def load_pages(dirs):
    pages = []
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(d, name), "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            if paragraphs:
                pages.append(paragraphs)
    return pages


def mutate(paragraph, vocabulary, rng):
    """Replaces one word of a paragraph by a word from elsewhere in the corpus."""
    words = paragraph.split(" ")
    if len(words) < 4:
        return paragraph
    i = rng.randrange(len(words))
    if not words[i].strip():
        return paragraph
    words[i] = rng.choice(vocabulary)
    return " ".join(words)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="JSON Lines output")
    ap.add_argument("--text-out", help="the same text as plain lines")
    ap.add_argument("--mb", type=float, default=200, help="size of the JSON Lines, in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mutate", type=float, default=0.2, help="share of paragraphs with a word changed")
    ap.add_argument("--paste", type=float, default=0.05, help="share of paragraphs pasted from earlier documents")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    pages = load_pages(args.dirs)
    if not pages:
        sys.exit("make_corpus.py: no .txt pages under " + " ".join(args.dirs))
    vocabulary = sorted({w for page in pages[:50] for p in page for w in p.split() if w.isalpha()})
    if not vocabulary:
        vocabulary = ["word"]

    target = int(args.mb * 1_000_000)
    written = 0
    recent = []  # Paragraphs of earlier documents, to paste from.
    n = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out, (
        open(args.text_out, "w", encoding="utf-8", newline="\n") if args.text_out else open(os.devnull, "w")
    ) as text_out:
        while written < target:
            page = pages[n % len(pages)] if n < len(pages) else rng.choice(pages)
            site = BOILERPLATE[rng.randrange(len(BOILERPLATE)) :] + BOILERPLATE[: rng.randrange(4)]
            head = site[: rng.randrange(2, 6)]
            foot = site[-rng.randrange(2, 5) :]
            body = []
            for p in page:
                r = rng.random()
                if r < args.mutate:
                    p = mutate(p, vocabulary, rng)
                body.append(p)
                if recent and rng.random() < args.paste:
                    body.append(rng.choice(recent))
            for p in rng.sample(page, min(3, len(page))):
                if len(recent) < 5000:
                    recent.append(p)
                else:
                    recent[rng.randrange(len(recent))] = p
            text = "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n\n" + "\n".join(foot) + "\n"
            line = json.dumps({"id": "doc%07d" % n, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            text_out.write(text)
            written += len(line.encode("utf-8"))
            n += 1
    print("make_corpus.py: %d documents, %d bytes" % (n, written), file=sys.stderr)


if __name__ == "__main__":
    main()
