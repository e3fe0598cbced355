"""The Python module gives what the CLI gives.

Run by ctest (label python) with Debian's python3 and PYTHONPATH pointing to
the built module; PAGEWASH_BIN is the CLI and PAGEWASH_TESTDATA testdata/.
"""
import concurrent.futures
import json
import os
import subprocess
import tempfile
import unittest

import testdata_pages
import sys
import warnings

try:
    import pagewash
except ImportError:
    pagewash = None

BIN = os.environ.get("PAGEWASH_BIN", "pagewash")
TESTDATA = os.environ.get("PAGEWASH_TESTDATA", os.path.join(os.path.dirname(__file__), "../../testdata"))


def pages():
    return testdata_pages.pages(TESTDATA)


def cli(*args, stdin=None):
    run = subprocess.run([BIN, *args], input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if run.returncode != 0:
        raise AssertionError(f"pagewash {' '.join(args)}: exit {run.returncode}: {run.stderr.decode()}")
    return run.stdout.decode("utf-8")


def read(path):
    with open(path, "rb") as f:
        return f.read()


# Furniture every page of the made-up site carries, for site evidence.
HOTLINE = "Hotline 800 100 200 (Mon-Fri)"


def records():
    """Records made from testdata's pages, as a Dolma corpus holds them: the
    first five of one site (with its furniture), one with no id, and every
    page twice, so that stream scope has work across documents."""
    out = []
    for i, path in enumerate(pages()[:30]):
        text = read(path).decode("utf-8")
        record = {"id": os.path.basename(path)[:-4], "text": text, "added": "2024-01-01"}
        if i < 5:
            record["url"] = f"https://www.example.org/news/{i}"
            record["text"] = text + "\n\n" + HOTLINE + "\n"
        out.append(record)
    out.append({"text": "A record without an id.\n\nIt gets one from its line."})
    out += [dict(r, id=r.get("id", "x") + "-again") for r in out[:10]]
    return out


class CleanEqualsCli(unittest.TestCase):
    def test_every_page_as_json(self):
        paths = pages()
        self.assertGreater(len(paths), 50)
        want = cli("clean", *paths).splitlines()
        self.assertEqual(len(want), len(paths))
        for path, line in zip(paths, want):
            with self.subTest(page=path):
                self.assertEqual(pagewash.clean(read(path), source=path), json.loads(line))

    def test_every_page_as_markdown_with_explain(self):
        for path in pages():
            with self.subTest(page=path):
                got = pagewash.clean(read(path), source=path, format="markdown", explain=True)
                self.assertEqual(got, cli("clean", "--format", "markdown", "--explain", path))

    def test_options(self):
        path = pages()[0]
        got = pagewash.clean(read(path), source=path, favor="precision", min_words=3, near_threshold=0.6,
                             max_heading_words=8, signals=True, id="page-one", content_model=False)
        want = cli("clean", "--favor", "precision", "--min-words", "3", "--near-threshold", "0.6",
                   "--max-heading-words", "8", "--signals", "--id", "page-one", "--no-content-model", path)
        self.assertEqual(got, json.loads(want))

    def test_a_str_is_read_as_its_utf8_bytes(self):
        path = pages()[1]
        self.assertEqual(pagewash.clean(read(path).decode("utf-8"), source=path),
                         pagewash.clean(read(path), source=path))

    def test_no_source_reads_as_standard_input(self):
        path = pages()[2]
        self.assertEqual(pagewash.clean(read(path)), json.loads(cli("clean", stdin=read(path))))

    def test_the_stages_one_by_one(self):
        for path in pages()[:10]:
            with self.subTest(page=path):
                stripped = pagewash.strip(read(path), source=path)
                self.assertEqual(stripped, json.loads(cli("strip", path)))
                record = pagewash.segment(pagewash.dedup(stripped))
                self.assertEqual(pagewash.emit(record), pagewash.clean(read(path), source=path))
                self.assertEqual(pagewash.emit(record, format="text"), cli("clean", "--format", "text", path))

    def test_block_texts(self):
        # A stream record's blocks give their length in bytes of "text", not
        # their text; block_texts() gives it back.
        for path in pages()[:10]:
            with self.subTest(page=path):
                record = pagewash.segment(pagewash.dedup(pagewash.strip(read(path), source=path)))
                texts = pagewash.block_texts(record)
                self.assertEqual(len(texts), len(record["blocks"]))
                for text, block in zip(texts, record["blocks"]):
                    self.assertNotIn("text", block)
                    self.assertEqual(len(text.encode("utf-8")), block["length"])
                    self.assertIn(text, record["text"])
                self.assertEqual(len("".join(texts)) + record["text"].count("\n"), len(record["text"]))
        # A record of schema 1.1, whose blocks carry their text.
        old = {"id": "o", "text": "", "schema_version": "1.1",
               "blocks": [{"type": "paragraph", "text": "Ünd one."}, {"type": "paragraph", "text": "Two."}]}
        self.assertEqual(pagewash.block_texts(old), ["Ünd one.", "Two."])
        self.assertEqual(pagewash.block_texts(pagewash.dedup(old)), ["Ünd one.", "Two."])
        bad = {"id": "b", "text": "ab\ncd", "blocks": [{"type": "line", "length": 3}]}
        with self.assertRaisesRegex(ValueError, "takes in a line end"):
            pagewash.block_texts(bad)
        with self.assertRaises(ValueError):
            pagewash.block_texts({"id": "p", "text": "a page"})
        with self.assertRaises(TypeError):
            pagewash.block_texts("a page")
        self.assertEqual(pagewash.SCHEMA_VERSION, "1.2")
        self.assertEqual(pagewash.clean("Some text here.")["schema_version"], pagewash.OUTPUT_SCHEMA_VERSION)


class Records(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.jsonl = os.path.join(self.tmp.name, "corpus.jsonl")
        self.records = records()
        with open(self.jsonl, "w", encoding="utf-8") as f:
            for r in self.records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    def tearDown(self):
        self.tmp.cleanup()

    def test_a_list_is_a_file(self):
        # A list is read twice, as a file is: site evidence finds the hotline.
        for scope in ("document", "stream"):
            with self.subTest(scope=scope):
                want = [json.loads(line) for line in cli("clean", "--scope", scope, self.jsonl).splitlines()]
                got = list(pagewash.clean_records(self.records, scope=scope, source=self.jsonl))
                self.assertEqual(got, want)
        explained = next(pagewash.clean_records(self.records, explain=True, source=self.jsonl))
        self.assertIn("site-evidence", [r["rule"] for r in explained["removed"]])

    def test_an_iterator_is_standard_input(self):
        with open(self.jsonl, "rb") as f:
            want = [json.loads(line) for line in cli("clean", "--scope", "stream", "-", stdin=f.read()).splitlines()]
        got = list(pagewash.clean_records(iter(self.records), scope="stream"))
        self.assertEqual(got, want)
        explained = next(pagewash.clean_records(iter(self.records), explain=True))
        self.assertNotIn("site-evidence", [r["rule"] for r in explained["removed"]])

    def test_stage_records_chain(self):
        stripped = pagewash.strip_records(self.records, source=self.jsonl, explain=True)
        deduped = pagewash.dedup_records(stripped, scope="stream", explain=True)
        got = list(pagewash.emit_records(pagewash.segment_records(deduped), format="markdown"))
        want = cli("clean", "--scope", "stream", "--explain", "--format", "markdown", self.jsonl)
        self.assertEqual("".join(got), want)

    def test_a_bad_record_raises_and_the_iterator_goes_on(self):
        it = pagewash.clean_records([{"id": "a", "text": "One page here."}, {"id": "b"}, {"id": "c", "text": "Fine."}])
        self.assertEqual(next(it)["id"], "a")
        with self.assertRaisesRegex(ValueError, "<stdin>:2"):
            next(it)
        self.assertEqual(next(it)["id"], "c")
        with self.assertRaises(StopIteration):
            next(it)

    def test_drop_list(self):
        record = {"id": "p", "text": "First paragraph here.\n\nSecond paragraph here."}
        got = pagewash.dedup(record, drop_list=[("p", 1)])
        self.assertEqual(got["text"], "First paragraph here.")


class Arguments(unittest.TestCase):
    def test_unknown_keyword_is_a_type_error_naming_it(self):
        with self.assertRaisesRegex(TypeError, "clean\\(\\) got an unexpected keyword argument 'colour'"):
            pagewash.clean("text", colour="red")
        # An option of another stage is unknown to this one.
        with self.assertRaisesRegex(TypeError, "'format'"):
            pagewash.strip("text", format="json")
        with self.assertRaisesRegex(TypeError, "'id'"):
            pagewash.clean_records([], id="x")

    def test_bad_values_are_value_errors(self):
        for options in ({"favor": "most"}, {"scope": "world"}, {"format": "yaml"}, {"min_words": 0},
                        {"near_threshold": 1.5}, {"site_from": "moon"}, {"encoding": "no-such-charset"},
                        {"rules": "/nonexistent/rules"}, {"profile": "/nonexistent/profile"},
                        {"max_heading_words": -1}):
            with self.subTest(options=options), self.assertRaises(ValueError):
                pagewash.clean("Some text.", **options)

    def test_wrong_types_are_type_errors(self):
        for options in ({"explain": 1}, {"min_words": "3"}, {"favor": 1}, {"near_threshold": "x"}):
            with self.subTest(options=options), self.assertRaises(TypeError):
                pagewash.clean("Some text.", **options)
        with self.assertRaises(TypeError):
            pagewash.clean(42)
        with self.assertRaises(TypeError):
            list(pagewash.clean_records(["not a dict"]))

    def test_refused_pages_and_empty_pages(self):
        with self.assertRaisesRegex(ValueError, "HTML"):
            pagewash.clean("<!DOCTYPE html><html><body>x</body></html>")
        self.assertIsNone(pagewash.clean(b""))

    def test_invalid_utf8_is_a_warning(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            doc = pagewash.clean("Żółw je sałatę każdego dnia w ogrodzie.\n".encode() * 20 + b"Caf\xe9\n")
        self.assertTrue(doc["text"])
        self.assertEqual(len(caught), 1, caught)


class Threads(unittest.TestCase):
    def test_threads_give_what_one_thread_gives(self):
        paths = pages()
        want = [pagewash.clean(read(p), source=p) for p in paths]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            got = list(pool.map(lambda p: pagewash.clean(read(p), source=p), paths))
        self.assertEqual(got, want)


if __name__ == "__main__":
    if pagewash is None:
        print("SKIP: the pagewash module is not built (pybind11-dev and python3-dev; tools/install-deps.sh)")
        sys.exit(77)
    unittest.main(verbosity=2)
