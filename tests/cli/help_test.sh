#!/usr/bin/env bash
# For the tool and every command it lists: --help has no trailing space and
# no line over 80 columns when standard output is not a terminal (nor over
# $COLUMNS when that is set), 'pagewash
# help CMD' prints exactly what 'pagewash CMD --help' does, and a bad option
# is reported as 'pagewash: error: ...'. Usage: help_test.sh PAGEWASH
set -euo pipefail
pagewash=$1
unset COLUMNS
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

check_help() {  # NAME TEXT [WIDTH]
  local bad width=${3:-80}
  bad=$(grep -n ' $' <<< "$2" || true)
  [ -z "$bad" ] || fail "$1: trailing space on line ${bad%%:*}"
  bad=$(awk -v w="$width" 'length($0) > w { print NR; exit }' <<< "$2")
  [ -z "$bad" ] || fail "$1: line $bad is over $width columns"
}

top=$("$pagewash" --help)
check_help "pagewash --help" "$top"
[ "$("$pagewash" help)" = "$top" ] || fail "'pagewash help' differs from 'pagewash --help'"
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' <<< "$top")
[ -n "$commands" ] || fail "no commands in pagewash --help"
for cmd in $commands; do
  help=$("$pagewash" "$cmd" --help) || fail "pagewash $cmd --help exited with $?"
  check_help "pagewash $cmd --help" "$help"
  check_help "COLUMNS=60 pagewash $cmd --help" "$(COLUMNS=60 "$pagewash" "$cmd" --help)" 60
  [ "$("$pagewash" help "$cmd")" = "$help" ] || fail "'pagewash help $cmd' differs from 'pagewash $cmd --help'"
  status=0
  err=$("$pagewash" "$cmd" --no-such-option 2>&1 > /dev/null) || status=$?
  [ "$status" -eq 2 ] || fail "pagewash $cmd --no-such-option exited with $status, want 2"
  [[ $err == "pagewash: error: "* ]] || fail "pagewash $cmd --no-such-option said '$err'"
done
status=0
err=$("$pagewash" help no-such-command 2>&1 > /dev/null) || status=$?
[ "$status" -eq 2 ] || fail "pagewash help no-such-command exited with $status, want 2"
[[ $err == "pagewash: error: "*no-such-command* ]] || fail "pagewash help no-such-command said '$err'"

echo "$failures failed"
[ "$failures" -eq 0 ]
