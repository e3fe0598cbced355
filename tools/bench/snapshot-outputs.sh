#!/usr/bin/env bash
# Saves `pagewash clean --explain` (JSON, and --scope stream over all pages of
# a directory at once) for every page of testdata and of the development set,
# so that a change meant to be faster only can be checked to change no byte:
#
#   tools/bench/snapshot-outputs.sh save DIR       # before the change
#   tools/bench/snapshot-outputs.sh check DIR      # after: diff, exit 1 on any difference
#
# --bin PATH picks the binary (default build/release/pagewash).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="build/release/pagewash"
if [ "${1:-}" = "--bin" ]; then bin="$2"; shift 2; fi
mode="${1:?save or check}"
dir="${2:?directory}"
sets=(testdata/pages testdata/corpus/pages)
for d in testdata/dialects/*/; do [ -d "$d" ] && sets+=("${d%/}"); done
for d in ../shared/devset/pages ../shared/devset/pages_w3m ../shared/devset/pages_wet ../shared/devset/pages_md; do
  [ -d "$d" ] && sets+=("$d")
done
target="$dir"
[ "$mode" = check ] && target="$(mktemp -d)"
for set in "${sets[@]}"; do
  name=$(echo "$set" | tr '/.' '__')
  mkdir -p "$target/$name"
  mapfile -t files < <(find "$set" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.in' -o -name '*.md' -o -name '*.html' \) | sort)
  [ ${#files[@]} -eq 0 ] && continue
  for f in "${files[@]}"; do
    "$bin" clean --explain "$f" > "$target/$name/$(basename "$f").json" 2>&1 || true
  done
  "$bin" clean --explain --scope stream "${files[@]}" > "$target/$name/ALL.stream.json" 2>&1 || true
done
if [ "$mode" = check ]; then
  if diff -r "$dir" "$target" > "$target.diff"; then
    echo "snapshot-outputs.sh: identical ($(find "$dir" -type f | wc -l) files)"
    rm -rf "$target" "$target.diff"
  else
    echo "snapshot-outputs.sh: DIFFERENT, see $target.diff" >&2
    exit 1
  fi
fi
