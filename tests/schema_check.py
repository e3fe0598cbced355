#!/usr/bin/env python3
"""Validates pagewash's output against the JSON Schemas in testdata/schema
with the jsonschema package (Debian: python3-jsonschema).

Usage: schema_check.py PAGEWASH TESTDATA_DIR

For every page in testdata/pages, testdata/corpus/pages and testdata/dialects/*/, with and without
--explain: the records `pagewash clean` writes (with --signals in the
--explain run) against pagewash-output.schema.json, and the stream records
after strip, after dedup and after segment against
pagewash-stream.schema.json. The output schema requires only `id`, since
--fields may leave out any other field: that a record without --fields has
them all (and every section and block its hash) is checked here, and the
records of two --fields runs hold exactly the fields asked for; and that
the stream's blocks give their "length", the record's "text" being their
slices and separators. Exits 77 (ctest: skipped) when the jsonschema
package is missing.
"""
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("SKIPPED: the Python jsonschema package is missing (Debian: python3-jsonschema)")
    sys.exit(77)


def load(testdata, name):
    with open(os.path.join(testdata, "schema", name), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)  # The schema itself is valid JSON Schema.
    return cls(schema)


def run(pagewash, args, stdin=None):
    return subprocess.run([pagewash, *args], input=stdin, check=True, capture_output=True).stdout


def check(validator, name, output):
    """Validates each line of `output`; returns (records, error messages)."""
    errors = []
    lines = output.decode("utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        record = json.loads(line)
        for e in validator.iter_errors(record):
            path = "/".join(str(p) for p in e.absolute_path)
            errors.append(f"{name}, record {n} ({record.get('id')}): at /{path}: {e.message}")
    return len(lines), errors


# The fields a record without --fields always has.
ALL_FIELDS = {"id", "source", "title", "hash", "sections", "metadata", "text", "schema_version", "stats"}


def check_fields(name, output, want, optional=frozenset(), hashes=True):
    """Each record of `output` has the fields `want` (and maybe `optional`),
    and its sections and blocks have a hash exactly when `hashes`."""
    errors = []
    for n, line in enumerate(output.decode("utf-8").splitlines(), 1):
        record = json.loads(line)
        keys = set(record)
        if not want <= keys or not keys <= want | optional:
            errors.append(f"{name}, record {n}: fields {sorted(keys)}, want {sorted(want)}")
        for section in record.get("sections", []):
            for part in [section, *section["blocks"]]:
                if ("hash" in part) != hashes:
                    errors.append(f"{name}, record {n}: a section or block with hash {'absent' if hashes else 'present'}")
    return errors


def check_slices(name, output):
    """Each block of each stream record gives its "length", not its text, and
    the record's "text" is the blocks' slices joined by "\\n" or "\\n\\n"
    and nothing else (schema 1.2)."""
    errors = []
    for n, line in enumerate(output.decode("utf-8").splitlines(), 1):
        record = json.loads(line)
        text = record["text"].encode("utf-8")
        at = 0
        for i, block in enumerate(record["blocks"]):
            if "text" in block or "length" not in block:
                errors.append(f"{name}, record {n}: blocks[{i}] has {sorted(block)}, want a length and no text")
                break
            if i > 0:
                if text[at:at + 1] != b"\n":
                    errors.append(f"{name}, record {n}: no line end before blocks[{i}]")
                    break
                at += 2 if text[at:at + 2] == b"\n\n" else 1
            piece = text[at:at + block["length"]]
            if len(piece) != block["length"] or b"\n" in piece:
                errors.append(f"{name}, record {n}: blocks[{i}] is not a line of text")
                break
            at += block["length"]
        else:
            if at != len(text):
                errors.append(f"{name}, record {n}: {len(text) - at} bytes of text after the last block")
    return errors


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pagewash, testdata = sys.argv[1], sys.argv[2]
    output = load(testdata, "pagewash-output.schema.json")
    stream = load(testdata, "pagewash-stream.schema.json")

    # A validator that accepts anything would pass every check below.
    broken = {"id": 1, "source": "x", "text": "", "schema_version": "1.1"}
    if output.is_valid(broken) or stream.is_valid(broken):
        sys.exit("FAIL: the schemas accept a record with a numeric id and no metadata")

    pages = sorted(glob.glob(os.path.join(testdata, "pages", "*.txt")) +
                   glob.glob(os.path.join(testdata, "corpus", "pages", "*.txt")) +
                   glob.glob(os.path.join(testdata, "dialects", "*", "*.txt")))
    if not pages:
        sys.exit(f"no pages under {testdata}")
    records, errors = 0, []
    for explain in ([], ["--explain"]):
        signals = ["--signals"] if explain else []
        clean = run(pagewash, ["clean", *explain, *signals, *pages])
        n, e = check(output, f"clean {' '.join(explain + signals)}", clean)
        records += n
        errors += e
        errors += check_fields(f"clean {' '.join(explain + signals)}", clean, ALL_FIELDS, {"removed"})
        data = None
        for stage in ("strip", "dedup", "segment"):
            data = run(pagewash, [stage, *explain, *pages]) if data is None else run(
                pagewash, [stage, *explain], data)
            n, e = check(stream, f"after {stage} {' '.join(explain)}", data)
            records += n
            errors += e + check_slices(f"after {stage} {' '.join(explain)}", data)
    for fields, want, hashes in (("text,sections", {"id", "text", "sections"}, False),
                                 ("id", {"id"}, False),
                                 ("hash,sections,stats", {"id", "hash", "sections", "stats"}, True)):
        name = f"clean --fields {fields}"
        data = run(pagewash, ["clean", "--fields", fields, *pages])
        n, e = check(output, name, data)
        records += n
        errors += e + check_fields(name, data, want, hashes=hashes)
    for message in errors[:50]:
        print("FAIL:", message)
    print(f"{records} records of {len(pages)} pages validated, {len(errors)} violations")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
