#!/usr/bin/env bash
# Builds pagewash and its tests with AddressSanitizer, UBSan and libstdc++'s
# bounds checks (_GLIBCXX_ASSERTIONS: an out-of-range string_view or vector
# access aborts) on top of the `dev` preset, in build/sanitize/, and runs the
# whole suite there. Slower than tools/test.sh; run it before a release or
# after touching a reader.
#
#   tools/sanitize.sh [CTEST ARGS...]    # e.g. tools/sanitize.sh -L unit
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev -B build/sanitize -DCMAKE_CXX_FLAGS=-D_GLIBCXX_ASSERTIONS > /dev/null
cmake --build build/sanitize -j2
# Leaks are errors too; UBSan stops at the first report so ctest sees it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd build/sanitize && ctest -j2 --output-on-failure "$@"
