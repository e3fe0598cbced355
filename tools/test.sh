#!/usr/bin/env bash
# Builds pagewash and its tests (installing missing Debian packages) and runs
# the whole suite with ctest: unit, golden, cli and fuzz-replay tests.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake --workflow --preset ci
