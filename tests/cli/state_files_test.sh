#!/usr/bin/env bash
# State files (ledger, manifest, site profile) carry a version and a
# checksum and are locked for a whole run; a run moves them ahead only when
# its output was delivered in full. Usage: state_files_test.sh PAGEWASH TESTDATA_DIR
set -uo pipefail
pagewash=$1
testdata=$2
source "$(dirname "$0")/harness.sh"
page=$testdata/cli/hours.txt
other=$testdata/cli/newsletter.txt
start_over="delete it to start over: every document is then reported as added"

case_ "a damaged manifest is refused and left as it is"
"$pagewash" clean --changes-since m "$page" "$other" > /dev/null
expect_eq "first run" "$?" 0
cp m good
head -n 2 good > m  # Cut at a line boundary: the header and one document.
err=$("$pagewash" clean --changes-since m "$page" 2>&1)
expect_eq "exit status (cut)" "$?" 1
expect_eq "message (cut)" "$err" "pagewash: error: m: the manifest has no checksum line: it is damaged (it is left as it is; $start_over)"
expect_eq "m untouched (cut)" "$(cat m)" "$(head -n 2 good)"
sed '2s/"hash":"\(.\)/"hash":"x\1/; 2s/"hash":"x0/"hash":"1/; 2s/"hash":"x[^"]/"hash":"0/' good > m  # A hash digit flipped.
cmp -s m good && fail "the hash digit was not flipped"
err=$("$pagewash" clean --changes-since m "$page" 2>&1)
expect_eq "exit status (digit)" "$?" 1
expect_eq "message (digit)" "$err" "pagewash: error: m: checksum mismatch: the manifest is damaged (it is left as it is; $start_over)"
sed 's/"id":"hours"/"id":"hourz"/' good > m
err=$("$pagewash" clean --changes-since m "$page" 2>&1)
expect_eq "exit status (id)" "$?" 1
expect_eq "message (id)" "$err" "pagewash: error: m: checksum mismatch: the manifest is damaged (it is left as it is; $start_over)"
cp good m

case_ "a manifest in use by another run is refused; neither run loses the other's entries"
mkfifo slow-input
exec 3<> slow-input  # Keeps the FIFO open, so the first run waits for its input.
"$pagewash" clean --changes-since m --id slow < slow-input > first.jsonl 2> first.err 3>&- &
first=$!
wait_for m.lock || fail "the first run did not start"
sleep 0.3  # Let it take the lock: it does so before reading.
err=$("$pagewash" clean --changes-since m --id second "$other" 2>&1 > /dev/null)
expect_eq "exit status of the second run" "$?" 1
expect_eq "message" "$err" "pagewash: error: m: the manifest is in use by another pagewash run (locked)"
echo "Slow page" >&3
exec 3>&-
wait "$first"
expect_eq "exit status of the first run" "$?" 0
"$pagewash" clean --changes-since m --id second "$other" > /dev/null  # The refused run, again.
expect_eq "exit status of the second run, again" "$?" 0
expect_eq "entries" "$(grep -o '"id":"[a-z]*"' m | tr '\n' ' ')" '"id":"hours" "id":"newsletter" "id":"second" "id":"slow" '

case_ "a profile written by --learn has a checksum and a lock"
for i in 1 2 3; do printf 'Site slogan here\n\nPage %s text of its own.\n' "$i" > "p$i.txt"; done
"$pagewash" strip --learn site.profile p1.txt p2.txt p3.txt > /dev/null
expect_eq "learn" "$?" 0
expect_eq "last line" "$(tail -n 1 site.profile | cut -c1-11)" "# checksum "
sed -i 's/Site slogan/Site slogon/' site.profile
err=$("$pagewash" clean --profile site.profile p1.txt 2>&1 > /dev/null)
expect_eq "exit status (edited)" "$?" 2
expect_eq "message (edited)" "$err" 'pagewash: error: site.profile: checksum mismatch: the profile is damaged (if you edited it by hand, make its first line "# pagewash site profile, format 1" and delete the "# checksum" line)'
flock site.profile.lock sleep 3 &
locker=$!
sleep 0.3
err=$("$pagewash" strip --learn site.profile p1.txt 2>&1 > /dev/null)
expect_eq "exit status (locked)" "$?" 1
expect_eq "message (locked)" "$err" "pagewash: error: site.profile: the profile is in use by another pagewash run (locked)"
kill "$locker" 2> /dev/null
wait "$locker" 2> /dev/null

# The reader of standard output goes away before the end: the documents it
# did not get must not be recorded as delivered.
closed_pipe_run() {  # ARGS...: runs pagewash with stdout to a reader that has left; sets rc and err
  rm -f closed-input
  mkfifo closed-input
  exec 4<> closed-input
  { "$pagewash" clean "$@" < closed-input 2> closed.err 4>&-; echo $? > closed.rc; } 4>&- | true &
  sleep 0.2  # `true` has exited: the pipe has no reader.
  cat "$page" >&4
  exec 4>&-
  for _ in $(seq 50); do [ -s closed.rc ] && break; sleep 0.1; done
  rc=$(cat closed.rc)
  err=$(cat closed.err)
  rm -f closed.rc
}
case_ "closed pipe with --state and --changes-since: exit 1, state unchanged"
"$pagewash" clean --state l --changes-since m2 "$other" > /dev/null
cp l l.before
cp m2 m2.before
closed_pipe_run --state l --changes-since m2
expect_eq "exit status" "$rc" 1
expect_eq "message" "$err" "pagewash: error: <stdout>: the output was not delivered in full (its reader closed it); m2 and l left unchanged"
cmp -s l l.before && pass || fail "the ledger changed"
cmp -s m2 m2.before && pass || fail "the manifest changed"
expect_no_temp_files

case_ "closed pipe without state files: exit 0, quietly"
closed_pipe_run
expect_eq "exit status" "$rc" 0
expect_eq "message" "$err" ""

case_ "closed pipe in a large document, written as it is made: the same"
large_page big.txt
page=big.txt
cp l l.before
closed_pipe_run --state l
expect_eq "exit status (state)" "$rc" 1
expect_eq "message (state)" "$err" "pagewash: error: <stdout>: the output was not delivered in full (its reader closed it); l left unchanged"
cmp -s l l.before && pass || fail "the ledger changed"
closed_pipe_run
expect_eq "exit status" "$rc" 0
expect_eq "message" "$err" ""
expect_no_temp_files

summary
