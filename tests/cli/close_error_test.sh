#!/usr/bin/env bash
# A file whose close fails (EIO, with the fail_close shim preloaded) is
# reported with the reason of the failure and not renamed into place.
# Usage: close_error_test.sh PAGEWASH TESTDATA_DIR FAIL_CLOSE_SHIM
set -uo pipefail
pagewash=$1
testdata=$2
shim=$3
source "$(dirname "$0")/harness.sh"

case_ "-o FILE whose close fails"
echo "old output" > out.jsonl
err=$(LD_PRELOAD=$shim ASAN_OPTIONS=verify_asan_link_order=0 "$pagewash" clean -o out.jsonl "$testdata/cli/hours.txt" 2>&1)
expect_eq "exit status" "$?" 1
expect_eq "message" "$err" "pagewash: error: out.jsonl: write failed: Input/output error"
expect_file_eq out.jsonl "old output"
expect_no_temp_files

summary
