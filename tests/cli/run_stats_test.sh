#!/usr/bin/env bash
# --stats-json FILE writes the run's counters, counted independently here
# from the test files: inputs, documents and bytes in and out, errors,
# warnings and the WARC records skipped by kind.
# Usage: run_stats_test.sh PAGEWASH TESTDATA_DIR
set -uo pipefail
pagewash=$1
testdata=$2
source "$(dirname "$0")/harness.sh"
command -v python3 > /dev/null || { echo "SKIPPED: python3 is not installed"; exit 77; }

# key FILE NAME: the value of a top-level or records_skipped field.
key() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d[sys.argv[2]] if sys.argv[2] in d else d["records_skipped"][sys.argv[2]])' "$1" "$2"
}

case_ "a WARC file, a damaged one and a compressed page"
# crawl.warc.gz: 2 pages (78 + 62 bytes), 5 records skipped; cut.warc: 1 page
# (88 bytes), then an error; page.txt.zst: 1 page of 42 bytes.
"$pagewash" clean --stats-json stats.json "$testdata/warc/crawl.warc.gz" "$testdata/warc/cut.warc" \
  "$testdata/cli/inputs/page.txt.zst" > out.jsonl 2> err
expect_eq "exit status" "$?" 1
for pair in inputs=3 documents_in=4 documents_out=4 bytes_in=270 errors=1 warnings=2 \
            warcinfo=2 request=1 metadata=1 revisit=1 html=1 not_text=0 http_encoded=0 other_type=0; do
  expect_eq "${pair%=*}" "$(key stats.json "${pair%=*}")" "${pair#*=}"
done
expect_eq "bytes_out" "$(key stats.json bytes_out)" "$(wc -c < out.jsonl)"
expect_eq "errors on stderr" "$(grep -c 'pagewash: error:' err)" 1
python3 -c 'import json; s = json.load(open("stats.json"))["seconds"]; assert 0 <= s < 60, s' && pass ||
  fail "seconds out of range"

case_ "compressed output: bytes_out counts the bytes before compression"
"$pagewash" clean --stats-json stats.json -o out.jsonl.gz "$testdata/cli/hours.txt"
expect_eq "bytes_out" "$(key stats.json bytes_out)" "$(gzip -dc out.jsonl.gz | wc -c)"
expect_eq "documents_out" "$(key stats.json documents_out)" 1

case_ "no input read: the file is still written"
"$pagewash" strip --stats-json stats.json missing.txt 2> /dev/null
expect_eq "inputs" "$(key stats.json inputs)" 0
expect_eq "errors" "$(key stats.json errors)" 1
expect_no_temp_files

summary
