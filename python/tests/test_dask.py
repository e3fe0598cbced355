"""tools/pagewash_dask.py gives what one `pagewash clean --scope stream` gives.

  test_dask.py cluster   a Dask scheduler and two workers, started here as
                         separate processes on loopback, run the driver;
  test_dask.py local     the driver starts its own local cluster.

Both compare the parts, concatenated in order, and the messages with one run
of the CLI over the same inputs, byte for byte, over testdata's pages, WARC
files and a JSON Lines corpus cut into byte ranges whose records share a
site's furniture. Exits 77 (skipped) when python3-distributed or the module
is missing. Environment: PAGEWASH_BIN, PAGEWASH_TESTDATA, PYTHONPATH (the
module's directory), PAGEWASH_DRIVER (tools/pagewash_dask.py).
"""
import glob
import gzip
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import testdata_pages

BIN = os.environ.get("PAGEWASH_BIN", "pagewash")
TESTDATA = os.environ.get("PAGEWASH_TESTDATA", "testdata")
DRIVER = os.environ.get("PAGEWASH_DRIVER", "tools/pagewash_dask.py")
MODULE_DIR = os.environ.get("PYTHONPATH", "").split(os.pathsep)[0]
HOTLINE = "Hotline 800 100 200 (Mon-Fri)"


def pages():
    return testdata_pages.pages(TESTDATA)


def write_corpus(path):
    """JSON Lines from the corpus pages: half of one site with its furniture
    (site evidence), records without an id (FILE:LINE ids, which byte ranges
    must keep), blank lines, pages pasted again, and one bad record."""
    with open(path, "w", encoding="utf-8") as f:
        corpus = sorted(glob.glob(os.path.join(TESTDATA, "corpus/pages/*.txt")))
        for i, page in enumerate(corpus):
            with open(page, encoding="utf-8") as p:
                text = p.read()
            if i % 2:
                record = {"text": text + "\n\n" + HOTLINE + "\n", "url": f"https://www.example.org/a/{i}"}
            else:
                record = {"id": f"r{i}", "text": text, "added": "2024-01-01"}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            if i % 7 == 0:
                f.write("\n")
        for i, page in enumerate(corpus[:10]):
            with open(page, encoding="utf-8") as p:
                f.write(json.dumps({"id": f"again{i}", "text": p.read()}, ensure_ascii=False) + "\n")
        f.write('{"id": "bad", "body": "no text"}\n')


class Driver(unittest.TestCase):
    scheduler = None  # An address, or None: the driver's own local cluster.

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        corpus = os.path.join(cls.tmp.name, "corpus.jsonl")
        write_corpus(corpus)
        with open(corpus, "rb") as f, gzip.open(corpus + ".gz", "wb") as g:
            g.write(f.read())
        cls.corpus = corpus

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def compare(self, name, inputs, driver_args=(), cli_args=()):
        out = os.path.join(self.tmp.name, name)
        where = ["--scheduler", self.scheduler] if self.scheduler else ["--workers", "2"]
        started = time.monotonic()
        got = subprocess.run([sys.executable, DRIVER, "--out-dir", out, "--module-dir", MODULE_DIR, *where,
                              *driver_args, *inputs], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120,
                             check=False)
        seconds = time.monotonic() - started
        want = subprocess.run([BIN, "clean", "--scope", "stream", *cli_args, *inputs], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=120, check=False)
        self.assertEqual(got.returncode, want.returncode, got.stderr.decode())
        self.assertEqual(got.stderr.decode(), want.stderr.decode())
        parts = sorted(glob.glob(os.path.join(out, "part-*.jsonl")))
        output = b"".join(open(p, "rb").read() for p in parts)
        self.assertEqual(output, want.stdout)
        by_id = lambda text: sorted(text.splitlines(), key=lambda line: json.loads(line)["id"])  # noqa: E731
        self.assertEqual(by_id(output), by_id(want.stdout))
        with open(os.path.join(out, "stats.json")) as f:
            stats = json.load(f)
        print(f"{name}: {len(parts)} shards, {stats['documents']} documents, {stats['fingerprints']} fingerprints, "
              f"shuffle {stats['shuffle_fingerprint_bytes'] + stats['shuffle_drop_bytes']} bytes, "
              f"{seconds:.1f} s", file=sys.stderr)
        return stats

    def test_pages_each_a_shard(self):
        everything = pages()
        # Every page, then some again: the second copies lose their paragraphs.
        stats = self.compare("pages", everything + everything[:15])
        self.assertEqual(stats["shards"], len(everything) + 15)

    def test_json_lines_in_byte_ranges_with_warc_and_site_evidence(self):
        warc = sorted(glob.glob(os.path.join(TESTDATA, "warc/*.w*")))
        inputs = [self.corpus, *warc, self.corpus + ".gz", os.path.join(TESTDATA, "pages")]
        stats = self.compare("mixed", inputs, driver_args=["--chunk-mb", "0.04"])
        self.assertGreater(stats["shards"], len(inputs))  # The plain JSON Lines was cut.
        explained = subprocess.run([BIN, "clean", "--explain", self.corpus], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, check=False)
        self.assertIn(b"site-evidence", explained.stdout)

    def test_options_and_directories(self):
        self.compare("options", ["-r", "--glob", "*.txt", os.path.join(TESTDATA, "corpus")],
                     driver_args=["--favor", "precision", "--min-words", "3", "--near-threshold", "0.6",
                                  "--signals"],
                     cli_args=["--favor", "precision", "--min-words", "3",
                               "--near-threshold", "0.6", "--signals"])


class Cluster:
    """A scheduler and two workers, each a process group of its own, on
    loopback; stop() ends them all within a bounded time."""

    def __init__(self, directory):
        self.directory = directory
        self.processes = []
        env = dict(os.environ, PYTHONPATH=MODULE_DIR)
        scheduler_file = os.path.join(directory, "scheduler.json")
        self.log = open(os.path.join(directory, "cluster.log"), "wb")
        self.start([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                    "--no-dashboard", "--scheduler-file", scheduler_file, "--idle-timeout", "300"], env)
        deadline = time.monotonic() + 30
        while not os.path.exists(scheduler_file):
            if time.monotonic() > deadline or self.processes[0].poll() is not None:
                raise RuntimeError("the scheduler did not start: " + self.read_log())
            time.sleep(0.1)
        time.sleep(0.1)
        with open(scheduler_file) as f:
            self.address = json.load(f)["address"]
        for name in ("w1", "w2"):
            self.start([sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--name", name,
                        "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                        "--local-directory", os.path.join(directory, name), "--death-timeout", "20"], env)
        from distributed import Client

        with Client(self.address, timeout="20s") as client:
            client.wait_for_workers(2, timeout=30)

    def start(self, command, env):
        self.processes.append(subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                               stdin=subprocess.DEVNULL, start_new_session=True))

    def read_log(self):
        self.log.flush()
        with open(self.log.name, errors="replace") as f:
            return f.read()[-3000:]

    def stop(self, timeout=10):
        """SIGTERM to every group, SIGKILL to what is left after `timeout`."""
        for p in reversed(self.processes):
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + timeout
        for p in self.processes:
            try:
                p.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                print(f"process {p.args[2]} {p.pid} ignored SIGTERM for {timeout} s", file=sys.stderr)
        for p in self.processes:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait(5)
        self.log.close()

    def strays(self):
        """Process groups of the cluster that still have a process."""
        left = []
        for p in self.processes:
            try:
                os.killpg(p.pid, 0)
                left.append(p.pid)
            except ProcessLookupError:
                pass
        return left


class RealCluster(Driver):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        started = time.monotonic()
        cls.cluster = Cluster(cls.tmp.name)
        cls.scheduler = cls.cluster.address
        print(f"cluster up at {cls.scheduler} in {time.monotonic() - started:.1f} s", file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        started = time.monotonic()
        cls.cluster.stop()
        seconds = time.monotonic() - started
        strays = cls.cluster.strays()
        print(f"cluster down in {seconds:.1f} s", file=sys.stderr)
        super().tearDownClass()
        if strays or seconds > 20:
            raise AssertionError(f"the cluster did not stop in time: {seconds:.1f} s, groups left {strays}")


class LocalCluster(Driver):
    # The driver's own cluster: the pages only, to keep the suite short.
    test_json_lines_in_byte_ranges_with_warc_and_site_evidence = None
    test_options_and_directories = None


def main():
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("SKIP: python3-distributed is not installed (tools/install-deps.sh installs it)")
        return 77
    try:
        import pagewash  # noqa: F401
    except ImportError:
        print("SKIP: the pagewash module is not built (PYTHONPATH=%s)" % MODULE_DIR)
        return 77
    which = sys.argv[1] if len(sys.argv) > 1 else "cluster"
    suite = unittest.TestLoader().loadTestsFromTestCase(RealCluster if which == "cluster" else LocalCluster)
    started = time.monotonic()
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    print(f"{which}: {time.monotonic() - started:.1f} s in all", file=sys.stderr)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
