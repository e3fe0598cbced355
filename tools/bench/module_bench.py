#!/usr/bin/python3
"""Times the Python module against the CLI on one JSON Lines corpus.

  PYTHONPATH=build/release/python tools/bench/module_bench.py --bin build/release/pagewash corpus.jsonl

Prints MB of input per second of CPU time (user + sys, this process and its
children) for: `pagewash clean FILE`; pagewash.run_file (the module reading
the file itself, as the Dask driver's tasks do); and pagewash.clean_records
over dicts (json.loads per line in, dicts out: what a Python pipeline step
pays). Each on one core.
"""
import argparse
import json
import os
import resource
import subprocess
import sys

import pagewash


def cpu():
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(name, mb, fn):
    start = cpu()
    fn()
    seconds = cpu() - start
    print(f"{name:<48} {seconds:8.2f} s CPU {mb / seconds:8.1f} MB/s", flush=True)
    return seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="pagewash")
    ap.add_argument("corpus")
    args = ap.parse_args()
    mb = os.path.getsize(args.corpus) / 1e6

    def cli():
        with open(os.devnull, "wb") as null:
            subprocess.run([args.bin, "clean", args.corpus], stdout=null, check=True)

    def run_file():
        pagewash.run_file(args.corpus, out=os.devnull)

    def records():
        def read():
            with open(args.corpus, encoding="utf-8") as f:
                for line in f:
                    yield json.loads(line)
        n = 0
        for _ in pagewash.clean_records(read()):
            n += 1

    base = timed("pagewash clean FILE", mb, cli)
    for name, fn in (("pagewash.run_file(FILE)", run_file), ("pagewash.clean_records(dicts) -> dicts", records)):
        seconds = timed(name, mb, fn)
        print(f"{'':<48} {base / seconds:8.2f} x the CLI")


if __name__ == "__main__":
    sys.exit(main())
