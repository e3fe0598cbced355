#!/usr/bin/env bash
# The sample config lists every option a config file may set (each option of
# every command's --help but --help, --version and --config) and nothing
# else; its values are the defaults (every command gives the same output with
# them as without); $PAGEWASH_CONFIG is read when --config is not given, and
# --config and the command line win over it.
# Usage: config_test.sh PAGEWASH TESTDATA_DIR SAMPLE
set -euo pipefail
pagewash=$1
cd "$2"
sample=$3
unset PAGEWASH_CONFIG COLUMNS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

listed=$(sed -nE 's/^# ([a-z0-9-]+) =( .*)?$/\1/p' "$sample" | sort)
commands=$("$pagewash" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' | grep -vx ledger)
taken=$(for cmd in $commands; do
  "$pagewash" "$cmd" --help | grep -oE '^  (-[a-zA-Z], |    )--[a-z0-9-]+' | sed 's/.*--//'
done | grep -vxE 'help|version|config' | sort -u)
missing=$(comm -13 <(echo "$listed") <(echo "$taken"))
[ -z "$missing" ] || fail "the sample does not list: $missing"
stale=$(comm -23 <(echo "$listed") <(echo "$taken"))
[ -z "$stale" ] || fail "the sample lists options no command takes: $stale"

# Every default, set: nothing changes.
sed -nE 's/^# ([a-z0-9-]+ = .+)$/\1/p' "$sample" > "$tmp/defaults.conf"
[ -s "$tmp/defaults.conf" ] || fail "no defaults in the sample"
for cmd in $commands; do
  want=$("$pagewash" "$cmd" cli/page.txt 2>&1) || fail "pagewash $cmd cli/page.txt failed"
  got=$("$pagewash" "$cmd" --config "$tmp/defaults.conf" cli/page.txt 2>&1) ||
    fail "pagewash $cmd --config (the sample's defaults) failed: $got"
  [ "$got" = "$want" ] || fail "pagewash $cmd: the sample's defaults change the output"
done

# $PAGEWASH_CONFIG, under --config and the command line.
printf 'format = text\n' > "$tmp/text.conf"
printf 'format = markdown\n' > "$tmp/markdown.conf"
text=$("$pagewash" emit --format text cli/page.txt)
markdown=$("$pagewash" emit --format markdown cli/page.txt)
[ "$(PAGEWASH_CONFIG=$tmp/text.conf "$pagewash" emit cli/page.txt)" = "$text" ] ||
  fail "\$PAGEWASH_CONFIG is not read"
[ "$(PAGEWASH_CONFIG=$tmp/text.conf "$pagewash" emit --config "$tmp/markdown.conf" cli/page.txt)" = "$markdown" ] ||
  fail "--config does not replace \$PAGEWASH_CONFIG"
[ "$(PAGEWASH_CONFIG=$tmp/text.conf "$pagewash" emit --format markdown cli/page.txt)" = "$markdown" ] ||
  fail "the command line does not win over \$PAGEWASH_CONFIG"
status=0
err=$(PAGEWASH_CONFIG=$tmp/missing.conf "$pagewash" emit cli/page.txt 2>&1 > /dev/null) || status=$?
[ "$status" -eq 2 ] && [[ $err == "pagewash: error: emit: PAGEWASH_CONFIG=$tmp/missing.conf: "* ]] ||
  fail "a missing \$PAGEWASH_CONFIG file gave status $status and '$err'"

echo "$failures failed"
[ "$failures" -eq 0 ]
