#!/usr/bin/env bash
# `cmake --install` into a temporary prefix gives the binary, a man page per
# command that mentions every option the command's --help lists, and bash and
# zsh completions that offer every option. Usage: install_test.sh CMAKE BUILD_DIR
set -euo pipefail
cmake=$1
build=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" > "$prefix.log" 2>&1 || { cat "$prefix.log"; exit 1; }
rm -f "$prefix.log"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

pagewash=$prefix/bin/pagewash
man1=$prefix/share/man/man1
bash_completion=$prefix/share/bash-completion/completions/pagewash
zsh_completion=$prefix/share/zsh/site-functions/_pagewash
for f in "$pagewash" "$man1/pagewash.1" "$bash_completion" "$zsh_completion"; do
  [ -s "$f" ] || fail "not installed: ${f#"$prefix"/}"
done
[ -x "$pagewash" ] && "$pagewash" --version | grep -q '^pagewash ' || fail "the installed binary does not run"

# The commands the binary lists, and the options each one's --help lists.
commands=$("$pagewash" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p')
[ -n "$commands" ] || fail "no commands in pagewash --help"
for cmd in $commands; do
  page=$man1/pagewash-$cmd.1
  if [ ! -s "$page" ]; then
    fail "no man page for $cmd"
    continue
  fi
  # In roff a hyphen is written \-.
  text=$(sed 's/\\-/-/g' "$page")
  options=$("$pagewash" "$cmd" --help | grep -oE '^  (-[a-zA-Z], |    )--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+' || true)
  [ -n "$options" ] || [ "$cmd" = ledger ] || fail "no options in pagewash $cmd --help"
  for opt in $options; do
    grep -qF -- "$opt" <<< "$text" || fail "man page of $cmd does not mention $opt"
    grep -qE -- "^ +$cmd\) opts=\".* $opt( |\")" "$bash_completion" || fail "bash completion of $cmd lacks $opt"
    grep -qF -- "'$opt" "$zsh_completion" || fail "zsh completion lacks $opt"
  done
  grep -qF "pagewash-$cmd" "$man1/pagewash.1" || fail "pagewash(1) does not point to pagewash-$cmd(1)"
done
bash -n "$bash_completion" || fail "bash completion: syntax error"
if command -v zsh > /dev/null; then
  zsh -n "$zsh_completion" || fail "zsh completion: syntax error"
fi
# The completion loads and completes a command's options.
out=$(bash -c "source '$bash_completion'; COMP_WORDS=(pagewash clean --sig); COMP_CWORD=2; _pagewash; echo \"\${COMPREPLY[*]}\"")
[ "$out" = "--signals" ] || fail "bash completion of 'pagewash clean --sig' gave '$out'"

echo "$failures failed"
[ "$failures" -eq 0 ]
