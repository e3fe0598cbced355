#!/usr/bin/env bash
# SIGTERM and SIGINT during a run remove its temporary files and leave the
# output and every state file as they were before it; the process still dies
# of the signal. Usage: signals_test.sh PAGEWASH TESTDATA_DIR
set -uo pipefail
set -m  # Background jobs get their own process group and do not ignore SIGINT.
pagewash=$1
testdata=$2
source "$(dirname "$0")/harness.sh"

for signal in TERM INT; do
  case_ "SIG$signal while reading a slow input"
  rm -rf "$signal" && mkdir "$signal" && cd "$signal" || exit 1
  echo "old output" > out.jsonl
  "$pagewash" clean --state l --changes-since m --learn p "$testdata/cli/hours.txt" > /dev/null
  cp l l.before
  cp m m.before
  cp p p.before
  mkfifo slow
  exec 3<> slow
  "$pagewash" clean -o out.jsonl --state l --changes-since m --learn p --id slow < slow 3>&- &
  run=$!
  # A whole page and part of a second: the output has data in its temporary
  # copy when the signal comes.
  cat "$testdata/cli/hours.txt" >&3
  wait_for 'out.jsonl.tmp.*' || fail "no temporary output appeared"
  sleep 0.2
  kill -s "$signal" "$run"
  wait "$run"
  status=$?
  exec 3>&-
  want=$((128 + $(kill -l "$signal")))
  expect_eq "exit status (dies of the signal)" "$status" "$want"
  expect_no_temp_files
  expect_file_eq out.jsonl "old output"
  for f in l m p; do cmp -s "$f" "$f.before" && pass || fail "$f changed"; done
  cd ..
done

summary
