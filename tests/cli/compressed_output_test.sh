#!/usr/bin/env bash
# Compressed outputs: -o FILE.gz and -o FILE.zst are compressed (by name),
# --compress forces it (standard output too), --out-dir compresses each file
# only when asked; a compressed -o is still replaced atomically. gzip and
# zstd, not pagewash, read the results back.
# Usage: compressed_output_test.sh PAGEWASH TESTDATA_DIR
set -uo pipefail
pagewash=$1
testdata=$2
source "$(dirname "$0")/harness.sh"
command -v zstd > /dev/null || { echo "SKIPPED: the zstd tool is not installed"; exit 77; }
pages=("$testdata"/pages/*.txt)
"$pagewash" clean "${pages[@]}" > plain.jsonl

case_ "-o FILE.gz"
"$pagewash" clean -o out.jsonl.gz "${pages[@]}"
expect_eq "exit status" "$?" 0
gzip -dc out.jsonl.gz | cmp -s - plain.jsonl && pass || fail "gzip -dc differs from the plain output"

case_ "-o FILE.zst"
"$pagewash" clean -o out.jsonl.zst "${pages[@]}"
zstd -dcq out.jsonl.zst | cmp -s - plain.jsonl && pass || fail "zstd -dc differs from the plain output"
# zstd -t checks the frame's content checksum.
zstd -tq out.jsonl.zst && pass || fail "zstd -t"

case_ "other names are not compressed"
"$pagewash" clean -o out.jsonl "${pages[@]}"
cmp -s out.jsonl plain.jsonl && pass || fail "-o out.jsonl differs from standard output"

case_ "--compress on standard output"
"$pagewash" clean --compress gz "${pages[@]}" | gzip -dc | cmp -s - plain.jsonl && pass || fail "--compress gz"
"$pagewash" clean --compress zst "${pages[@]}" | zstd -dcq | cmp -s - plain.jsonl && pass || fail "--compress zst"

case_ "--compress wins over the name"
"$pagewash" clean --compress zst -o forced.gz "${pages[@]}"
zstd -dcq forced.gz | cmp -s - plain.jsonl && pass || fail "--compress zst -o forced.gz is not zstd"

case_ "no document: still a valid compressed file"
"$pagewash" clean -o empty.jsonl.gz < /dev/null
expect_eq "decompressed bytes" "$(gzip -dc empty.jsonl.gz | wc -c)" 0

case_ "the stages read each other's compressed streams"
"$pagewash" strip --compress zst "${pages[@]}" | "$pagewash" dedup --compress gz | "$pagewash" segment |
  "$pagewash" emit > chain.jsonl
cmp -s chain.jsonl plain.jsonl && pass || fail "the chain through compressed streams differs from clean"

case_ "--out-dir: plain files unless --compress"
"$pagewash" clean --out-dir plain "$testdata/cli/hours.txt"
expect_eq "files" "$(ls plain)" "hours.json"
"$pagewash" clean --out-dir packed --compress gz "$testdata/cli/hours.txt"
expect_eq "files" "$(ls packed)" "hours.json.gz"
gzip -dc packed/hours.json.gz | cmp -s - plain/hours.json && pass || fail "packed/hours.json.gz differs"

case_ "a compressed -o replaces a link's target, atomically"
echo "old" > target.gz
ln -s target.gz link.gz
"$pagewash" clean -o link.gz "${pages[@]}"
[ -L link.gz ] && pass || fail "link.gz is no longer a link"
gzip -dc target.gz | cmp -s - plain.jsonl && pass || fail "target.gz does not hold the output"
expect_no_temp_files

case_ "a run that fails to write leaves the old compressed file"
gzip -c plain.jsonl > keep.gz
cp keep.gz keep.gz.before
mkdir ro && cp keep.gz ro/ && chmod a-w ro
if [ "$(id -u)" -ne 0 ]; then
  "$pagewash" clean -o ro/keep.gz "${pages[@]}" 2> err
  expect_eq "exit status" "$?" 1
  cmp -s ro/keep.gz keep.gz.before && pass || fail "ro/keep.gz changed"
fi
chmod u+w ro
# SIGTERM mid-run: the temporary copy goes, the old file stays.
mkfifo slow
exec 3<> slow
"$pagewash" clean -o keep.gz --id slow < slow 3>&- &
run=$!
cat "$testdata/cli/hours.txt" >&3
wait_for 'keep.gz.tmp.*' || fail "no temporary output appeared"
kill -s TERM "$run"
wait "$run"
exec 3>&-
cmp -s keep.gz keep.gz.before && pass || fail "keep.gz changed after SIGTERM"
expect_no_temp_files

summary
