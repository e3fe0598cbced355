#!/usr/bin/env python3
"""Memory grows linearly with a page: `pagewash clean` on generated pages of
size N and 4N, peak resident memory measured by getrusage (ru_maxrss of each
run), never by the clock.

  growth_test.py PAGEWASH [--scale S]

Four kinds of page: one line of prose (25 MB and 100 MB at scale 1), pages
of 10,000, 40,000 and 160,000 short paragraphs, 12 MB of paragraphs of 40 to
90 words (under 2.5 times the page; measured 2.0, 2.4 before segment built
its blocks in place), and a JSON Lines file whose one record of 100 MB is
longer than --max-doc-bytes, which is skipped as it is read. For each page
and the one four times its size, the extra memory of the larger run (its
peak less that of a run on a tiny page) must be under 4.6 times that of the
smaller (measured 4.2 for one line, 2.7 and 4.0 for short paragraphs), and
what the larger page's added bytes cost (the difference of the two runs'
extra memory over the difference of their sizes) under a bound: 3.5 times
for one line (measured 3.0); 4 from 10,000 short paragraphs to 40,000
(measured 3.1; 6.6 before strip's and dedup's data for each line were made
smaller), 4.0 from 40,000 to 160,000 (measured 3.6; 4.3 before the
near-duplicate index kept only the buckets' newest units and 32 bits of
their keys, 5.4 before dedup's tables were sized for the page). Every run's
extra memory must stay under a bound too: 3.3 times the page for one line
(measured 2.85 and 2.96, 3.0 before emit wrote a large document's JSON as
it is made; README, Performance: about 3 times); for short paragraphs 6.5
times for 10,000 of them (measured 5.4: the tables and code a page of many
units touches at all weigh more on a small page; 8 to 9 while buffers under
1 MiB came from the heap and stayed resident once freed, tools/pagewash.cc),
4.0 times for 40,000 and for 160,000 (measured 3.65 and 3.6; 4.2 and 4.3
before). There dedup (the near-duplicate index: about 160 bytes a paragraph
of a dozen words, its bucket keys, bucket lists and signature) peaks
highest, at about 3.6 times the page with the text and its blocks, where a
paragraph's text is 76 bytes and its block 48; strip (its rules' and
content model's data for each line) a little lower. segment, which held an
80-byte candidate and a second block for each paragraph, now stays at
about 2 times; emit, which held the whole document's JSON (2.75 times the
page) and peaked as high, now writes the JSON of a page over 2 MiB in pieces
of 1 MiB, and stays at about 2 times the page (src/pipeline.cc,
kStreamTextBytes). The record over the limit must stay
under 8 MB.
Exit 1 on a failure; the figures are printed in any case.
"""
import os
import random
import subprocess
import sys
import tempfile

MB = 1 << 20


def words(seed):
    """Prose-like words: a fixed set of stop words, and 50,000 made-up words
    drawn with a skewed frequency, as in text."""
    rng = random.Random(seed)
    stop = ("the of and to in a is that for it as was with be by on not he this are or his from at which "
            "but have an they you were her she there been one all we their").split()
    syll = ["ka", "lo", "min", "ter", "sa", "vel", "dor", "ni", "pra", "sto", "qui", "ben", "ra", "mo", "tel"]
    made = ["".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(50000)]
    def word():
        if rng.random() < 0.45:
            return rng.choice(stop)
        return made[min(int(rng.paretovariate(0.9)) - 1, len(made) - 1) if rng.random() < 0.5 else rng.randrange(len(made))]
    return rng, word


def prose(path, size, seed, low, high, end, last=""):
    """Sentences of `low` to `high` words, each followed by `end`, up to `size` bytes."""
    rng, word = words(seed)
    with open(path, "w") as f:
        n = 0
        while n < size:
            s = " ".join(word() for _ in range(rng.randint(low, high))).capitalize() + end
            f.write(s)
            n += len(s)
        f.write(last)


def one_line(path, size):
    prose(path, size, 1, 6, 20, ". ", "\n")


def paragraphs(path, count):
    rng, word = words(2)
    with open(path, "w") as f:
        for i in range(count):
            f.write(" ".join(word() for _ in range(rng.randint(8, 16))).capitalize() + ".\n\n")


def long_paragraphs(path, size):
    """Paragraphs of 40 to 90 words, as an article's are."""
    prose(path, size, 5, 40, 90, ".\n\n")


def huge_record(path, size):
    rng, word = words(3)
    with open(path, "w") as f:
        f.write('{"id":"a","text":"A short record."}\n{"id":"huge","text":"')
        n = 0
        chunk = " ".join(word() for _ in range(20000)) + " "
        while n < size:
            f.write(chunk)
            n += len(chunk)
        f.write('"}\n{"id":"b","text":"Another short record."}\n')


def run(argv):
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss  # KB on Linux


def main():
    binary = sys.argv[1]
    scale = float(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 1.0
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tiny = os.path.join(tmp, "tiny.txt")
        with open(tiny, "w") as f:
            f.write("A tiny page.\n")
        code, base = run([binary, "clean", tiny])
        print(f"tiny page: peak {base} KB")
        cases = []
        small, large = int(25 * MB * scale), int(100 * MB * scale)
        for size in (small, large):
            path = os.path.join(tmp, f"line{size}.txt")
            one_line(path, size)
            cases.append(("one-line page", path, [binary, "clean", path], 3.3, 3.5))
        # The bound of the page, and of each byte the page four times its size adds.
        for count, bound, marginal in ((int(10000 * scale), 6.5, 4), (int(40000 * scale), 4.0, 4.0),
                                       (int(160000 * scale), 4.0, None)):
            path = os.path.join(tmp, f"para{count}.txt")
            paragraphs(path, count)
            cases.append(("page of short paragraphs", path, [binary, "clean", path], bound, marginal))
        path = os.path.join(tmp, "article.txt")
        long_paragraphs(path, int(12 * MB * scale))
        cases.append(("page of paragraphs of 40 to 90 words", path, [binary, "clean", path], 2.5, None))
        pairs = ((0, 1), (2, 3), (3, 4))  # Each page and the one four times its size.
        results = []
        for name, path, argv, bound, marginal in cases:
            size = os.path.getsize(path)
            code, kb = run(argv)
            extra = max(kb - base, 1)
            print(f"{name} of {size / MB:.1f} MB: exit {code}, peak {kb / 1024:.1f} MB, "
                  f"{extra * 1024 / size:.2f} times the page above a tiny page's")
            if code != 0:
                failures.append(f"{name} of {size} bytes: exit {code}")
            if extra * 1024 > bound * size:
                failures.append(f"{name} of {size} bytes: {extra} KB above a tiny page's, "
                                f"more than {bound} times its size")
            results.append((name, size, extra, marginal))
        for (name, size, extra, marginal), (_, size4, extra4, _) in ((results[i], results[j]) for i, j in pairs):
            ratio = extra4 / extra
            added = (extra4 - extra) * 1024 / (size4 - size)
            print(f"{name}: {size4 / size:.1f} times the size costs {ratio:.2f} times the memory; "
                  f"each byte added costs {added:.2f} bytes")
            if ratio >= 4.6:
                failures.append(f"{name}: {size4 / size:.1f} times the size costs {ratio:.2f} times the memory")
            if added > marginal:
                failures.append(f"{name}: each byte added costs {added:.2f} bytes, more than {marginal}")
        # A record over --max-doc-bytes is skipped as it streams.
        path = os.path.join(tmp, "huge.jsonl")
        huge_record(path, large)
        code, kb = run([binary, "clean", "--max-doc-bytes", str(MB), path])
        print(f"JSON Lines with a record of {os.path.getsize(path) / MB:.1f} MB over --max-doc-bytes 1 MiB: "
              f"exit {code}, peak {kb / 1024:.1f} MB")
        if code != 1:
            failures.append(f"the record over the limit: exit {code}, not 1")
        if (kb - base) * 1024 > 8 * MB:
            failures.append(f"the record over the limit was held: {kb - base} KB above a tiny page's")
    for f in failures:
        print("FAILED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
