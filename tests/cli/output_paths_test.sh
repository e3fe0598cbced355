#!/usr/bin/env bash
# Where output goes: -o never replaces what is not a regular file, --out-dir
# names are lossless, named inputs exist, and no two outputs of a run are
# the same file. Usage: output_paths_test.sh PAGEWASH TESTDATA_DIR
set -uo pipefail
pagewash=$1
testdata=$2
source "$(dirname "$0")/harness.sh"
page=$testdata/cli/hours.txt
want=$("$pagewash" clean --format text "$page")

case_ "-o FILE keeps the permissions of the file it replaces"
echo old > private
chmod 640 private
"$pagewash" clean --format text -o private "$page"
expect_eq "exit status" "$?" 0
expect_eq "mode" "$(stat -c %a private)" 640
expect_file_eq private "$want"

case_ "-o through a symbolic link replaces the target, not the link"
mkdir sub
echo old > sub/real
ln -s sub/real link
"$pagewash" clean --format text -o link "$page"
expect_eq "exit status" "$?" 0
expect_eq "link is still a link to" "$(readlink link)" sub/real
expect_file_eq sub/real "$want"
expect_no_temp_files

case_ "-o a FIFO: its reader gets the output, the FIFO stays"
mkfifo fifo
timeout 10 cat fifo > from-fifo &
reader=$!
"$pagewash" clean --format text -o fifo "$page"
expect_eq "exit status" "$?" 0
wait "$reader"
expect_file_eq from-fifo "$want"
expect_eq "fifo is still a FIFO" "$([ -p fifo ] && echo yes)" yes

case_ "-o /dev/stdout writes through the descriptor: >> appends"
echo first > appended
"$pagewash" clean --format text -o /dev/stdout "$page" >> appended
expect_eq "exit status" "$?" 0
expect_file_eq appended "first
$want"
expect_eq "/dev/stdout is still a link" "$([ -L /dev/stdout ] && echo yes)" yes
got=$("$pagewash" clean --format text -o /dev/stdout "$page" | cat)
expect_eq "through a pipe" "$got" "$want"

case_ "-o a directory is an error"
mkdir adir
err=$("$pagewash" clean -o adir "$page" 2>&1)
expect_eq "exit status" "$?" 1
expect_eq "message" "$err" "pagewash: error: adir: cannot write: Is a directory"

case_ "--out-dir: created with its parents; ids sharing a name kept apart; long ids fit"
long=$(printf 'x%.0s' $(seq 300))
printf '%s\n' '{"id":"a/b","text":"One."}' '{"id":"a?b","text":"Two."}' '{"id":"a b","text":"Three."}' \
  "{\"id\":\"$long\",\"text\":\"Four.\"}" "{\"id\":\"${long}y\",\"text\":\"Five.\"}" > ids.jsonl
"$pagewash" clean --out-dir made/for/it ids.jsonl
expect_eq "exit status" "$?" 0
expect_eq "files" "$(ls made/for/it | wc -l)" 5
for word in One Two Three Four Five; do
  expect_eq "a file holds $word" "$(grep -l "\"$word.\"" made/for/it/* | wc -l)" 1
done
expect_no_temp_files

case_ "--out-dir: an id that comes twice is an error, the first stays"
printf '%s\n' '{"id":"a","text":"First."}' '{"id":"a","text":"Second."}' > twice.jsonl
err=$("$pagewash" clean --out-dir twice twice.jsonl 2>&1)
expect_eq "exit status" "$?" 1
expect_eq "message" "$err" 'pagewash: error: twice/a.json: document "a" comes twice; the file holds the first'
expect_eq "the first is kept" "$(grep -c 'First\.' twice/a.json) $(grep -c 'Second\.' twice/a.json)" "2 0"

case_ "ledger merge: a ledger named that does not exist is an error"
"$pagewash" clean --state one.ledger "$page" > /dev/null
err=$("$pagewash" ledger merge -o merged.ledger one.ledger no-such.ledger 2>&1)
expect_eq "exit status" "$?" 1
expect_eq "message" "$err" "pagewash: error: no-such.ledger: cannot open ledger: No such file or directory"
expect_eq "nothing written" "$([ -e merged.ledger ] && echo written)" ""

case_ "-o, --state, --changes-since and --learn must be different files"
echo keep > same
ln -s same same-link
for args in "-o same --state ./same" "-o same-link --changes-since same" "--state new --changes-since ./new" \
  "-o new --learn sub/../new"; do
  err=$("$pagewash" clean $args "$page" 2>&1)
  expect_eq "exit status of $args" "$?" 2
  read -r -a words <<< "$args"
  expect_eq "message of $args" "$err" "pagewash: error: clean: ${words[0]} ${words[1]} and ${words[2]} ${words[3]} are the same file: each needs its own
see 'pagewash clean --help'"
done
expect_file_eq same keep
expect_eq "nothing created" "$(ls new new.lock 2>/dev/null)" ""

summary
