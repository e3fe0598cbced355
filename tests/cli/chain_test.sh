#!/usr/bin/env bash
# The piped chain of filters gives byte for byte what `pagewash clean` gives,
# for every page in testdata, one at a time and all at once, with and
# without --explain. Usage: chain_test.sh PAGEWASH TESTDATA_DIR
set -euo pipefail
pagewash=$1
testdata=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pages=("$testdata"/pages/*.txt "$testdata"/corpus/pages/*.txt "$testdata"/dialects/{lynx,w3m,markdown,wet}/*.txt)
failures=0
emit_args=()
compare() {  # name, then the arguments for every stage; emit_args for emit alone
  local name=$1
  shift
  "$pagewash" clean "$@" "${emit_args[@]}" "${inputs[@]}" > "$tmp/clean"
  "$pagewash" strip "$@" "${inputs[@]}" | "$pagewash" dedup "$@" | "$pagewash" segment "$@" |
    "$pagewash" emit "$@" "${emit_args[@]}" > "$tmp/chain"
  if ! cmp -s "$tmp/clean" "$tmp/chain"; then
    echo "FAIL: $name: clean and the chain differ"
    diff "$tmp/clean" "$tmp/chain" | head -5
    failures=$((failures + 1))
  fi
}
for page in "${pages[@]}"; do
  inputs=("$page")
  compare "$(basename "$page")"
  compare "$(basename "$page") --explain" --explain
done
inputs=("${pages[@]}")
compare "all pages at once"
emit_args=(--format markdown)
compare "all pages at once, --explain, as Markdown" --explain
emit_args=(--signals)
compare "all pages at once, --signals"
emit_args=()
# Compressed pages: the chain reads them as clean does.
compressed=()
for page in "${pages[@]:0:8}"; do
  name=$(basename "$page")
  gzip -cn "$page" > "$tmp/$name.gz"
  zstd -qc "$page" > "$tmp/$name.zst"
  compressed+=("$tmp/$name.gz" "$tmp/$name.zst")
done
inputs=("${compressed[@]}")
compare "compressed pages, --explain" --explain
# WARC and WET files, plain and compressed: the record fields (url, date)
# travel through the stream.
inputs=("$testdata"/warc/crawl.{warc,wet,warc.gz,wet.gz})
compare "WARC and WET files, --explain" --explain 2>/dev/null
# A directory read with -r.
inputs=(-r --glob "*.txt*" "$testdata/cli/tree")
compare "a directory, -r --glob"
# A page compressed on standard input gives what it gives uncompressed.
for page in "${pages[@]:0:8}"; do
  "$pagewash" clean --explain < "$page" > "$tmp/plain"
  gzip -cn "$page" | "$pagewash" clean --explain > "$tmp/gz"
  if ! cmp -s "$tmp/plain" "$tmp/gz"; then
    echo "FAIL: $(basename "$page"): compressed on standard input differs from plain"
    failures=$((failures + 1))
  fi
done
checked=$(( ${#pages[@]} * 2 + 3 + 1 + 8 + 2 ))
echo "$((checked - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
