#!/usr/bin/env bash
# The tool and every command print the same version line, with the commit
# CMake found when it configured. Usage: version_test.sh PAGEWASH EXPECTED_LINE
set -euo pipefail
pagewash=$1
want=$2
failures=0
for args in "--version" "strip --version" "dedup --version" "segment --version" "emit --version" \
            "clean --version"; do
  # shellcheck disable=SC2086  # The arguments are split on purpose.
  got=$("$pagewash" $args)
  if [ "$got" != "$want" ]; then
    echo "FAIL: pagewash $args printed '$got', want '$want'"
    failures=$((failures + 1))
  fi
done
[[ $want =~ ^pagewash\ [0-9]+\.[0-9]+\.[0-9]+\ \(schema\ [0-9]+\.[0-9]+,\ stream\ [0-9]+\.[0-9]+,\ commit\ ([0-9a-f]{12}|unknown)\)$ ]] ||
  { echo "FAIL: '$want' is not 'pagewash X.Y.Z (schema A.B, stream C.D, commit HASH)'"; failures=$((failures + 1)); }
echo "$failures failed"
[ "$failures" -eq 0 ]
