#!/usr/bin/env bash
# Builds pagewash (installing missing Debian packages) and cleans the sample
# pages in testdata/pages, printing one JSON document per page.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target pagewash
build/release/pagewash clean testdata/pages/*.txt
