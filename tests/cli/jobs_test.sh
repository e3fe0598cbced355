#!/usr/bin/env bash
# -j N gives byte for byte what -j 1 gives: standard output, standard error
# (errors and warnings in input order), the exit status and every file
# written, for every page in testdata at once, in every mode that keeps
# state across documents, in every format and for every command.
# Usage: jobs_test.sh PAGEWASH TESTDATA_DIR
set -euo pipefail
pagewash=$(realpath "$1")
testdata=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$testdata"
pages=(pages/*.txt corpus/pages/*.txt dialects/{lynx,w3m,markdown,wet}/*.txt)
# Bad inputs among good ones: an unreadable record, an HTML page, a missing
# file, invalid UTF-8 (a warning), WARC records skipped (a warning).
bad=(cli/inputs/all-rejected.jsonl cli/sites.jsonl pages/000_3d542fe0aa78e860.txt missing.txt cli/inputs/page.html
     cli/inputs/program.bin cli/inputs/cut.txt.gz cli/inputs/*.txt cli/inputs/records.jsonl.gz warc/crawl.warc.gz
     warc/cut.warc warc/bad-header.warc)
failures=0
checked=0

# run J NAME ARGS...: the command with -j J; its output, errors, status and
# the files it wrote land in $tmp/NAME.J.
run() {
  local j=$1 name=$2
  shift 2
  local dir="$tmp/$name.$j"
  rm -rf "$dir"
  mkdir -p "$dir/files"
  # State files start the same for every J: copied from $tmp/seed.
  cp -r "$tmp/seed/." "$dir/files/" 2>/dev/null || true
  local status=0
  (cd "$dir/files" && "$pagewash" "$@" -j "$j" > "$dir/stdout" 2> "$dir/stderr") || status=$?
  echo "$status" > "$dir/status"
  # --stats-json holds the run's seconds, which differ.
  if [ -f "$dir/files/stats.json" ]; then
    sed -i 's/"seconds":[0-9.]*/"seconds":0/' "$dir/files/stats.json"
  fi
}

# check NAME ARGS...: -j 2, 3 and 8 against -j 1.
check() {
  local name=$1
  shift
  run 1 "$name" "$@"
  for j in 2 3 8; do
    run "$j" "$name" "$@"
    checked=$((checked + 1))
    if ! diff -r "$tmp/$name.1" "$tmp/$name.$j" > "$tmp/diff" 2>&1; then
      echo "FAIL: $name: -j $j differs from -j 1"
      head -8 "$tmp/diff"
      failures=$((failures + 1))
    fi
  done
}

mkdir -p "$tmp/seed"
abs=()
for p in "${pages[@]}"; do abs+=("$PWD/$p"); done
bad_abs=()
for p in "${bad[@]}"; do bad_abs+=("$PWD/$p"); done
all=("${abs[@]}" "${bad_abs[@]}")
sites="$PWD/cli/sites.jsonl"

check clean clean "${all[@]}"
check clean-explain clean --explain "${all[@]}"
check markdown clean --explain --format markdown "${all[@]}"
check text clean --format text "${all[@]}"
check diff clean --explain --format diff "${all[@]}"
check pretty-signals clean --pretty --signals "${all[@]}"
check stream clean --scope stream --explain --stats "${all[@]}"
check stream-stats-json clean --scope stream --stats-json stats.json "${all[@]}"
check site-url clean --explain "$sites" "$sites" "${abs[@]}"
check site-dir clean --explain --site-from dir "${abs[@]}"
check learn clean --learn site.profile "${abs[@]}"
check ledger clean --state site.ledger --explain "${all[@]}"
check changes clean --changes-since site.manifest "${all[@]}"
check out-dir clean --out-dir out "${all[@]}"
check shards clean --out-dir out --shard-size 7 --compress gz "${all[@]}"
check shards-bytes clean --out-dir out --shard-size 64K --format markdown "${all[@]}"
check strip strip --explain "${all[@]}"
check fingerprints dedup --fingerprints "${abs[@]}"
check drop-list dedup --drop-list "$PWD/cli/drop.tsv" "${abs[@]}"
# A second run on the state the first left: the ledger and the manifest are
# read back, and the documents come again.
"$pagewash" clean --state "$tmp/seed/site.ledger" --changes-since "$tmp/seed/site.manifest" "${abs[@]:0:20}" \
  > /dev/null 2>&1 || true
check ledger-again clean --state site.ledger --explain "${all[@]}"
check changes-again clean --changes-since site.manifest "${all[@]}"
rm -f "$tmp"/seed/*
# The filters, each on the stream the one before it wrote.
"$pagewash" strip --explain "${abs[@]}" > "$tmp/stripped.jsonl"
"$pagewash" dedup --explain --scope stream < "$tmp/stripped.jsonl" > "$tmp/deduped.jsonl"
"$pagewash" segment < "$tmp/deduped.jsonl" > "$tmp/segmented.jsonl"
check dedup dedup --explain "$tmp/stripped.jsonl"
check dedup-stream dedup --explain --scope stream --stats "$tmp/stripped.jsonl"
check segment segment "$tmp/deduped.jsonl"
check emit emit --format markdown "$tmp/segmented.jsonl"
check emit-json emit --signals "$tmp/segmented.jsonl"
# Standard input.
run 1 stdin clean --explain < "$tmp/stripped.jsonl"
for j in 2 8; do
  run "$j" stdin clean --explain < "$tmp/stripped.jsonl"
  checked=$((checked + 1))
  diff -r "$tmp/stdin.1" "$tmp/stdin.$j" > /dev/null || { echo "FAIL: stdin: -j $j differs"; failures=$((failures + 1)); }
done
# The chain with -j 2 everywhere equals clean -j 1.
"$pagewash" clean -j 1 "${abs[@]}" > "$tmp/clean1"
"$pagewash" strip -j 2 "${abs[@]}" | "$pagewash" dedup -j 2 | "$pagewash" segment -j 2 |
  "$pagewash" emit -j 2 > "$tmp/chain2"
checked=$((checked + 1))
cmp -s "$tmp/clean1" "$tmp/chain2" || { echo "FAIL: the chain at -j 2 differs from clean -j 1"; failures=$((failures + 1)); }
# The checks above compared something.
[ -s "$tmp/clean.1/stdout" ] && [ -s "$tmp/clean.1/stderr" ] && [ "$(cat "$tmp/clean.1/status")" = 1 ] ||
  { echo "FAIL: the clean run wrote nothing, or no error"; failures=$((failures + 1)); }
[ "$(ls "$tmp/shards.1/files/out" | wc -l)" -gt 3 ] || { echo "FAIL: too few shards"; failures=$((failures + 1)); }
echo "$((checked - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
