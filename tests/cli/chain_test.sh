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
checked=$(( ${#pages[@]} * 2 + 3 ))
echo "$((checked - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
