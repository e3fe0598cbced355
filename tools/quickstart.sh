#!/usr/bin/env bash
# First run: installs missing Debian packages, builds pagewash (Release),
# shows what it does to one sample page, and prints the commands to try on
# your own files. The build's output goes to a log file; it is shown (the
# end of it) only when something fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log=$root/build/quickstart.log
mkdir -p build
: > "$log"

step() {  # A description, then the command; its output goes to the log.
  local what=$1
  shift
  printf '%s... ' "$what"
  if "$@" >> "$log" 2>&1; then
    echo "done"
  else
    echo "failed"
    echo
    echo "The last lines of $log:"
    tail -n 30 "$log" | sed 's/^/  /'
    exit 1
  fi
}

step "Installing missing Debian packages" tools/install-deps.sh
step "Configuring (cmake --preset release)" cmake --preset release
step "Building (cmake --build --preset release)" cmake --build --preset release --target pagewash pagewash_docs

bin=$root/build/release/pagewash
page=testdata/pages/004_031e1d8aa0830e09.txt
echo
echo "pagewash is built: $bin"
echo "($("$bin" --version); build log: $log)"
echo
echo "A sample page, $page, cleaned, as Markdown, with what was removed and why:"
echo "\$ pagewash clean --format markdown --explain $page"
echo
"$bin" clean --format markdown --explain "$page"
cat <<EOF
Try it on your own pages (raw text, or JSON Lines records with a "text" field):

  $bin clean page.txt                                # one JSON document per page
  $bin clean --format markdown --explain page.txt    # for people: what was kept and removed
  $bin clean --format diff --explain page.txt        # kept and removed lines in input order
  $bin clean --signals crawl.jsonl > clean.jsonl     # with quality signals (docs/signals.md)
  $bin clean --help                                  # every option

To install it with its man pages and shell completions:

  cmake --install build/release --prefix ~/.local    # or: sudo cmake --install build/release
EOF
