#!/usr/bin/python3
"""Runs `pagewash clean --scope stream` over many inputs on a Dask cluster.

  pagewash_dask.py --out-dir OUT [--scheduler tcp://HOST:8786 | --workers N] INPUT...

Each worker is given whole inputs (files as the CLI reads them: raw pages,
JSON Lines, WARC, compressed) or byte ranges of large plain JSON Lines
files, cut at line ends, and runs the stages in-process through the Python
module. Paragraphs repeated across inputs are dropped as one run of
`--scope stream` drops them, by map, shuffle and apply:

  map      each shard is stripped (and spilled to OUT/_work), and its units'
           fingerprints are split into P partitions by fingerprint;
  shuffle  partition r of every shard goes to one task, which keeps the first
           copy of each fingerprint in input order (shard, document, unit) and
           lists every later copy to drop, by shard;
  apply    each shard's drop lists go back to it: dedup drops those units and
           finds near duplicates within each document, then segment and emit.

Input order is the CLI's: the arguments in order, a directory (-r) as its
files in byte order of their paths, a file's documents in file order. So
OUT/part-00000.jsonl, OUT/part-00001.jsonl, ... concatenated are, byte for
byte, what `pagewash clean --scope stream INPUT...` writes (with the same
options); in particular the same documents sorted by id. When site evidence
is on (--site-from url, the default), a first map/reduce counts each site's
lines over every input, as the CLI's first pass does.

Errors and warnings are reported as the CLI words them; the exit status is
1 when an input or document could not be read, 2 for a usage error.
"""
import argparse
import json
import logging
import math
import os
import shutil
import sys
import time


def import_module(module_dir):
    """Imports the pagewash module, from module_dir or the build tree when given."""
    here = os.path.dirname(os.path.abspath(__file__))
    candidates = [module_dir] if module_dir else []
    candidates += [os.path.join(here, "..", "build", b, "python") for b in ("release", "ci")]
    try:
        if module_dir:
            raise ImportError
        import pagewash  # noqa: F401
        return None
    except ImportError:
        for d in candidates:
            if d and os.path.isdir(d):
                sys.path.insert(0, os.path.abspath(d))
                try:
                    import pagewash  # noqa: F401,F811
                    return os.path.abspath(d)
                except ImportError:
                    sys.path.pop(0)
    sys.exit("pagewash_dask.py: cannot import the pagewash module: build it (python/) or give --module-dir")


# --- What each task runs on a worker. -------------------------------------


def _add_path(directory):
    if directory not in sys.path:
        sys.path.insert(0, directory)


def observe_shard(shard, input_format, options):
    import pagewash

    path, start, end, lines_before = shard
    return pagewash.observe_sites(path, start=start, end=end, lines_before=lines_before,
                                  input_format=input_format, **options)


def merge_sites(observed):
    """Sums observe_sites results: {site: (pages, {fingerprint: pages})}."""
    total = {}
    for part in observed:
        for site, (pages, lines) in part.items():
            have = total.get(site)
            if have is None:
                total[site] = (pages, dict(lines))
                continue
            merged = have[1]
            for fp, n in lines.items():
                merged[fp] = merged.get(fp, 0) + n
            total[site] = (have[0] + pages, merged)
    return total


def decide_furniture(sites, min_pages, min_share):
    """A line is a site's furniture on min_pages pages and min_share of them (SiteEvidence::Finish)."""
    furniture = {}
    for site, (pages, lines) in sites.items():
        needed = max(min_pages, math.ceil(min_share * pages))
        kept = [fp for fp, n in lines.items() if n >= needed]
        if kept:
            furniture[site] = kept
    return furniture


def map_shard(index, shard, spill, partitions, furniture, input_format, options):
    import pagewash

    path, start, end, lines_before = shard
    result = pagewash.run_file(path, stages=("strip",), output="stream", out=spill, start=start, end=end,
                               lines_before=lines_before, input_format=input_format, partitions=partitions,
                               furniture=furniture, **options)
    parts = result.pop("fingerprints")
    result["shuffle_bytes"] = sum(len(p) for p in parts)
    result["fingerprints"] = sum(len(p) for p in parts) // 16
    return {"meta": result, "parts": parts}


def pick_part(mapped, r):
    return mapped["parts"][r]


def pick_meta(mapped):
    return mapped["meta"]


def reduce_partition(parts):
    import pagewash

    drops = pagewash.group_fingerprints(parts)
    return {"drops": drops, "bytes": sum(len(d) for d in drops)}


def pick_drops(reduced, shard):
    return reduced["drops"][shard]


def pick_bytes(reduced):
    return reduced["bytes"]


def apply_shard(spill, drops, out, options):
    import pagewash

    tmp = out + ".tmp"
    # The spill is the stream strip wrote: a record holds more than the
    # document it was read from, so the largest size is the limit's.
    result = pagewash.run_file(spill, stages=("dedup", "segment"), output="emit", out=tmp, input_format="jsonl",
                               drop=list(drops), max_doc_bytes=pagewash.MAX_DOC_BYTES_LIMIT, **options)
    os.replace(tmp, out)
    os.remove(spill)
    return result


# --- The client. ----------------------------------------------------------


def plan_shards(pagewash, paths, chunk_bytes, input_format, text_key):
    """(path, start, end, lines_before) for each shard, in input order: a
    plain JSON Lines file larger than chunk_bytes is cut at line ends."""
    shards = []
    for path in paths:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        if chunk_bytes <= 0 or size <= chunk_bytes or \
                pagewash.input_kind(path, input_format=input_format, text_key=text_key) != "jsonl":
            shards.append((path, 0, -1, 0))
            continue
        start, lines = 0, 0
        with open(path, "rb") as f:
            while start < size:
                f.seek(start)
                got = f.read(chunk_bytes)
                lines_in = got.count(b"\n")
                end = start + len(got)
                if end < size:
                    rest = f.readline()  # Up to the end of the line the chunk cut.
                    end += len(rest)
                    lines_in += rest.count(b"\n")
                shards.append((path, start, end, lines))
                start, lines = end, lines + lines_in
    return shards


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="pagewash_dask.py", description=__doc__.split("\n\n")[0],
        epilog="The pagewash options mean what they mean to `pagewash clean`.")
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    ap.add_argument("--out-dir", required=True, help="where part-NNNNN.jsonl and stats.json go")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="worker processes of the local cluster (default: the cores)")
    ap.add_argument("--chunk-mb", type=float, default=64,
                    help="cut plain JSON Lines files larger than this into byte ranges (default 64; 0: never)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="partitions of the shuffle (default: twice the workers, at most the shards)")
    ap.add_argument("--module-dir", help="directory of the built module (pagewash.*.so), for the workers too")
    ap.add_argument("-r", "--recursive", action="store_true")
    ap.add_argument("--glob", default="")
    ap.add_argument("--input-format", default="auto", choices=("auto", "text", "jsonl"))
    ap.add_argument("--text-key")
    ap.add_argument("--encoding")
    ap.add_argument("--max-doc-bytes", type=int)
    ap.add_argument("--rules", action="append")
    ap.add_argument("--profile")
    ap.add_argument("--favor", choices=("precision", "balanced", "recall"))
    ap.add_argument("--no-content-model", action="store_true")
    ap.add_argument("--site-from", default="url", choices=("url", "dir", "none"))
    ap.add_argument("--min-words", type=int)
    ap.add_argument("--near-threshold", type=float)
    ap.add_argument("--max-heading-words", type=int)
    ap.add_argument("--signals", action="store_true")
    ap.add_argument("--keep-work", action="store_true", help="keep OUT/_work (the spilled shards)")
    return ap.parse_args(argv)


def stage_options(args):
    """The module's keyword options, split by the tasks that take them."""
    common = {}
    for key in ("text_key", "encoding", "max_doc_bytes"):
        if getattr(args, key) is not None:
            common[key] = getattr(args, key)
    strip = dict(common, site_from=args.site_from)
    if args.rules:
        strip["rules"] = [os.path.abspath(r) for r in args.rules]
    if args.profile:
        strip["profile"] = os.path.abspath(args.profile)
    if args.favor:
        strip["favor"] = args.favor
    if args.no_content_model:
        strip["content_model"] = False
    dedup = {}
    if args.min_words is not None:
        dedup["min_words"] = args.min_words
    if args.near_threshold is not None:
        dedup["near_threshold"] = args.near_threshold
    segment = {}
    if args.max_heading_words is not None:
        segment["max_heading_words"] = args.max_heading_words
    apply = dict(dedup, **segment)
    if args.signals:
        apply["signals"] = True
    # The map lists fingerprints of units of min_words words or more.
    mapped = dict(strip, **{k: v for k, v in dedup.items() if k == "min_words"})
    observe = dict(common, site_from=args.site_from)
    return observe, mapped, apply


def run(args):
    module_dir = import_module(args.module_dir)
    import pagewash
    from distributed import Client, LocalCluster

    started = time.monotonic()
    status = 0
    paths = []
    expansion_errors = {}  # Reported where the CLI reports them: before the next input.
    for path, error in pagewash.expand_inputs(args.inputs, recursive=args.recursive, glob=args.glob):
        if error is not None:
            expansion_errors.setdefault(len(paths), []).append(error)
            status = 1
        elif path == "-":
            print("pagewash: error: pagewash_dask.py reads files, not standard input", file=sys.stderr)
            return 2
        else:
            paths.append(path)
    observe_opts, map_opts, apply_opts = stage_options(args)
    try:  # A bad option value is a usage error before any work.
        pagewash.clean("", **{k: v for k, v in dict(map_opts, **apply_opts).items()})
    except (TypeError, ValueError) as e:
        print(f"pagewash: error: {e}", file=sys.stderr)
        return 2
    text_key = args.text_key or "text"
    shards = plan_shards(pagewash, paths, int(args.chunk_mb * 1_000_000), args.input_format, text_key)
    out_dir = os.path.abspath(args.out_dir)
    work = os.path.join(out_dir, "_work")
    os.makedirs(work, exist_ok=True)
    for name in os.listdir(out_dir):  # Parts of an earlier run would be read as this one's.
        if name.startswith("part-") and name.endswith(".jsonl"):
            os.remove(os.path.join(out_dir, name))

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler, timeout="30s")
    else:
        if module_dir:  # Worker processes start their own interpreters.
            os.environ["PYTHONPATH"] = module_dir + os.pathsep + os.environ.get("PYTHONPATH", "")
        cluster = LocalCluster(n_workers=max(1, args.workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        if module_dir:
            client.run(_add_path, module_dir)
        workers = max(1, len(client.scheduler_info()["workers"]))
        partitions = args.partitions or max(1, min(2 * workers, len(shards)))
        n = len(shards)

        furniture = None
        if args.site_from != "none" and shards:
            observed = [client.submit(observe_shard, s, args.input_format, observe_opts, pure=False) for s in shards]
            while len(observed) > 1:  # A tree of merges, on the workers.
                observed = [client.submit(merge_sites, observed[i:i + 8], pure=False)
                            for i in range(0, len(observed), 8)]
            furniture = client.submit(decide_furniture, observed[0], pagewash.SITE_MIN_PAGES,
                                      pagewash.SITE_MIN_SHARE, pure=False)

        spills = [os.path.join(work, f"spill-{i:05d}.jsonl") for i in range(n)]
        mapped = [client.submit(map_shard, i, shards[i], spills[i], partitions, furniture, args.input_format,
                                map_opts, pure=False) for i in range(n)]
        map_meta = [client.submit(pick_meta, m, pure=False) for m in mapped]
        reduced = []
        for r in range(partitions):
            parts = [client.submit(pick_part, m, r, pure=False) for m in mapped]
            reduced.append(client.submit(reduce_partition, parts, pure=False))
        drop_bytes = [client.submit(pick_bytes, red, pure=False) for red in reduced]
        outs = [os.path.join(out_dir, f"part-{i:05d}.jsonl") for i in range(n)]
        applied = []
        for i in range(n):
            drops = [client.submit(pick_drops, red, i, pure=False) for red in reduced]
            applied.append(client.submit(apply_shard, spills[i], drops, outs[i], apply_opts, pure=False))

        map_meta = client.gather(map_meta)
        first_shard = {}
        for i, shard in enumerate(shards):
            first_shard.setdefault(shard[0], i)
        report_before = {first_shard[paths[k]]: e for k, e in expansion_errors.items() if k < len(paths)}
        for i, meta in enumerate(map_meta):  # In input order, as the CLI reports them.
            for e in report_before.get(i, []):
                print(f"pagewash: error: {e}", file=sys.stderr)
            for kind, text in meta["messages"]:
                print(f"pagewash: {kind}: {text}", file=sys.stderr)
            status = max(status, 1 if meta["errors"] else 0)
        for e in expansion_errors.get(len(paths), []):
            print(f"pagewash: error: {e}", file=sys.stderr)
        applied = client.gather(applied)
        for meta in applied:
            for kind, text in meta["messages"]:
                print(f"pagewash: {kind}: {text}", file=sys.stderr)
            status = max(status, 1 if meta["errors"] else 0)
        drop_bytes = client.gather(drop_bytes)
    finally:
        # Every result is in: a connection that times out while closing is
        # no message of the run's (asyncio would log it at exit).
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        client.close()
        if cluster is not None:
            cluster.close()

    bytes_in = sum(os.path.getsize(p) for p in paths if os.path.exists(p))
    fingerprint_bytes = sum(m["shuffle_bytes"] for m in map_meta)
    stats = {
        "inputs": len(paths),
        "shards": n,
        "partitions": partitions,
        "workers": workers,
        "documents": sum(m["documents"] for m in map_meta),
        "input_bytes": bytes_in,
        "output_bytes": sum(m["bytes_out"] for m in applied),
        "fingerprints": sum(m["fingerprints"] for m in map_meta),
        "shuffle_fingerprint_bytes": fingerprint_bytes,
        "shuffle_drop_bytes": sum(drop_bytes),
        "shuffle_bytes_per_gb": (fingerprint_bytes + sum(drop_bytes)) * 1e9 / bytes_in if bytes_in else 0,
        "seconds": round(time.monotonic() - started, 3),
    }
    with open(os.path.join(out_dir, "stats.json"), "w") as f:
        json.dump(stats, f, indent=2)
        f.write("\n")
    if not args.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    return status


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
