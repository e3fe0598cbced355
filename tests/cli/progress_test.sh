#!/usr/bin/env bash
# --progress writes a progress line to stderr even when it is not a
# terminal; it is drawn in place ("\r" ... erase to the end of the line),
# cleared before an error and at the end. Without --progress, stderr that
# is a file gets none. The format is checked, not the timing.
# Usage: progress_test.sh PAGEWASH TESTDATA_DIR
set -uo pipefail
pagewash=$1
testdata=$2
source "$(dirname "$0")/harness.sh"
pages=("$testdata"/pages/*.txt "$testdata"/corpus/pages/*.txt)

case_ "forced into a file"
"$pagewash" clean --progress "${pages[@]}" > out.jsonl 2> err
expect_eq "exit status" "$?" 0
# Each drawing: "\rpagewash: N documents, X MB, Y MB/s, P%, ETA H:MM:SS\e[K"
# (the share and the time left once some of the input has been read).
tr '\r' '\n' < err | grep -v '^$' > lines
expect_eq "a line drawn" "$(grep -cE $'^pagewash: [0-9]+ documents, [0-9]+\\.[0-9] MB, [0-9]+\\.[0-9] MB/s(, [0-9]+%, ETA [0-9]+:[0-9]{2}:[0-9]{2})?\e\\[K$' lines | awk '$1 > 0 { print "yes" }')" yes
expect_eq "nothing else" "$(grep -vcE $'^pagewash: [0-9]+ documents, .*\e\\[K$|^\e\\[K$' lines)" 0
expect_eq "cleared at the end" "$(tail -c 4 err | od -An -c | tr -s ' ')" ' \r 033 [ K'
expect_eq "the output is the same" "$("$pagewash" clean --no-progress "${pages[@]}" | cmp - out.jsonl && echo same)" same

case_ "an error clears the line first"
"$pagewash" clean --progress "${pages[@]}" "$testdata/cli/inputs/page.html" > /dev/null 2> err
expect_eq "exit status" "$?" 1
# The error starts a line of its own: after a clearing, never after a drawing.
expect_eq "the error on a line of its own" "$(tr '\r' '\n' < err | grep -c $'^\e\\[Kpagewash: error: .*HTML input')" 1

case_ "standard input: no share and no time left"
cat "${pages[@]:0:3}" | "$pagewash" clean --progress > /dev/null 2> err
tr '\r' '\n' < err | grep -v '^$' > lines
expect_eq "a line drawn" "$(grep -cE '^pagewash: [0-9]+ documents, [0-9.]+ MB, [0-9.]+ MB/s.\[K$' lines)" 1
expect_eq "no ETA" "$(grep -c ETA lines)" 0

case_ "not a terminal, not forced: nothing"
"$pagewash" clean "${pages[@]}" > /dev/null 2> err
expect_eq "stderr" "$(wc -c < err)" 0
summary
