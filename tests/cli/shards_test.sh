#!/usr/bin/env bash
# --out-dir DIR --shard-size: the shards' names, what each holds, that
# together they hold what standard output would, compressed or not, and
# that a shorter run removes the shards a longer one left.
# Usage: shards_test.sh PAGEWASH TESTDATA_DIR
set -uo pipefail
pagewash=$1
testdata=$2
source "$(dirname "$0")/harness.sh"
pages=("$testdata"/pages/*.txt "$testdata"/corpus/pages/*.txt)
count=${#pages[@]}

"$pagewash" clean "${pages[@]}" > all.jsonl

case_ "N documents a shard"
"$pagewash" clean --out-dir out --shard-size 10 "${pages[@]}"
expect_eq "exit status" "$?" 0
shards=$(( (count + 9) / 10 ))
expect_eq "shards" "$(ls out | tr '\n' ' ')" "$(for ((i = 0; i < shards; i++)); do printf 'part-%05d.jsonl ' "$i"; done)"
expect_eq "documents in the first" "$(wc -l < out/part-00000.jsonl)" 10
expect_eq "documents in the last" "$(wc -l < "out/$(printf 'part-%05d.jsonl' $((shards - 1)))")" $(( count - (shards - 1) * 10 ))
expect_eq "the shards, end to end" "$(cat out/part-*.jsonl | cmp - all.jsonl && echo same)" same
expect_no_temp_files

case_ "a shorter run removes the shards a longer one left"
"$pagewash" clean --out-dir out --shard-size 40 "${pages[@]}"
expect_eq "shards" "$(ls out | tr '\n' ' ')" "part-00000.jsonl part-00001.jsonl "
expect_eq "the shards, end to end" "$(cat out/part-*.jsonl | cmp - all.jsonl && echo same)" same

case_ "bytes a shard, compressed"
"$pagewash" clean --out-dir zout --shard-size 64K --compress zst "${pages[@]}"
expect_eq "exit status" "$?" 0
expect_eq "the shards, end to end" "$(zstd -dc zout/part-*.jsonl.zst | cmp - all.jsonl && echo same)" same
big=0
for f in zout/*.zst; do
  n=$(zstd -dc "$f" | wc -c)
  lines=$(zstd -dc "$f" | wc -l)
  # A shard holds at most 64 KiB, unless it is one document larger than that.
  if [ "$n" -gt 65536 ] && [ "$lines" -gt 1 ]; then big=$((big + 1)); fi
done
expect_eq "shards over 64 KiB with more than one document" "$big" 0
expect_eq "more than one shard" "$(ls zout | wc -l | awk '$1 > 1 { print "yes" }')" yes

case_ "other formats get their extension"
"$pagewash" clean --out-dir md --shard-size 100 --format markdown --compress gz "${pages[@]:0:3}"
expect_eq "shards" "$(ls md | tr '\n' ' ')" "part-00000.md.gz "
expect_eq "the shard" "$(gzip -dc md/part-00000.md.gz | cmp - <("$pagewash" clean --format markdown "${pages[@]:0:3}") && echo same)" same

case_ "an error in one document: the others go to their shards"
"$pagewash" clean --out-dir err --shard-size 2 "${pages[@]:0:3}" "$testdata/cli/inputs/page.html" 2> err.txt
expect_eq "exit status" "$?" 1
expect_eq "shards" "$(ls err | tr '\n' ' ')" "part-00000.jsonl part-00001.jsonl "
expect_eq "the error" "$(grep -c 'HTML input' err.txt)" 1
summary
