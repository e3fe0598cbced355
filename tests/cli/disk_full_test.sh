#!/usr/bin/env bash
# A run that writes the output, a manifest and a ledger, where the ledger's
# file system is full: nothing is replaced, so the three stay consistent.
# And a large document whose JSON fills the disk as it is written.
# The full file system is a small tmpfs in a private mount namespace
# (unshare); where that is not allowed the test is skipped (exit 77).
# Usage: disk_full_test.sh PAGEWASH TESTDATA_DIR
set -uo pipefail
pagewash=$1
testdata=$2
if [ -z "${PAGEWASH_IN_NAMESPACE:-}" ]; then
  if ! unshare -rm true 2> /dev/null; then
    echo "SKIP: cannot make a mount namespace here (unshare -rm)"
    exit 77
  fi
  PAGEWASH_IN_NAMESPACE=1 exec unshare -rm bash "$0" "$@"
fi
source "$(dirname "$0")/harness.sh"

case_ "the ledger cannot be written: the output and the manifest are not replaced either"
mkdir small
mount -t tmpfs -o size=64k tmpfs small || { echo "SKIP: cannot mount a tmpfs"; exit 77; }
"$pagewash" clean -o out.jsonl --state small/l --changes-since m "$testdata/cli/hours.txt"
expect_eq "first run" "$?" 0
cp out.jsonl out.before
cp m m.before
cp small/l l.before
cat /dev/zero > small/fill 2> /dev/null  # Fills the file system.
err=$("$pagewash" clean -o out.jsonl --state small/l --changes-since m "$testdata/cli/newsletter.txt" 2>&1)
expect_eq "exit status" "$?" 1
expect_eq "message" "$err" "pagewash: error: small/l: write failed: No space left on device
pagewash: error: small/l: nothing was replaced: out.jsonl, m and small/l left unchanged"
cmp -s out.jsonl out.before && pass || fail "out.jsonl changed"
cmp -s m m.before && pass || fail "the manifest changed"
cmp -s small/l l.before && pass || fail "the ledger changed"
expect_no_temp_files
umount small

case_ "a large document fills the disk as its JSON is written: the old output stays"
large_page big.txt
mkdir small2
mount -t tmpfs -o size=1m tmpfs small2 || { echo "SKIP: cannot mount a tmpfs"; exit 77; }
for command in clean strip; do
  echo "old output" > small2/out.jsonl
  err=$("$pagewash" $command -o small2/out.jsonl big.txt 2>&1)
  expect_eq "exit status ($command)" "$?" 1
  expect_eq "message ($command)" "$err" "pagewash: error: small2/out.jsonl: write failed: No space left on device"
  expect_file_eq small2/out.jsonl "old output"
  expect_no_temp_files
done
umount small2

summary
