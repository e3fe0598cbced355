#!/usr/bin/env bash
# Runs each libFuzzer target (tests/fuzz/*_fuzzer.cc) for a while, starting
# from its seeds in testdata/fuzz/TARGET/, with clang, ASan, UBSan and
# libstdc++ bounds checks (the `fuzz` preset).
#
#   tools/fuzz.sh [SECONDS] [TARGET...]    # default: 60 seconds, every target
#
# With PAGEWASH_FUZZ_RUNS=N each target runs N inputs from seed 1 instead of
# for SECONDS, so that a run is the same on every machine (CI uses that).
#
# New inputs that found coverage go to build/fuzz/corpus/TARGET/ (kept between
# runs); the seeds directory is only read. A crash stops the run with the
# reproducer as build/fuzz/crash-TARGET-*: replay it with
# `build/fuzz/tests/fuzz/TARGET FILE`, fix the bug, and add the file to
# testdata/fuzz/TARGET/ so that ctest replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in tests/fuzz/*_fuzzer.cc; do
    targets+=("$(basename "$source" .cc)")
  done
fi
case $seconds in
  ''|*[!0-9]*) echo "usage: tools/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac

cmake --preset fuzz > /dev/null
cmake --build --preset fuzz -j2 --target "${targets[@]}"
for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  mkdir -p "$corpus"
  dict=()
  if [ -f "testdata/fuzz/$target.dict" ]; then dict=("-dict=testdata/fuzz/$target.dict"); fi
  budget=("-max_total_time=$seconds")
  if [ -n "${PAGEWASH_FUZZ_RUNS:-}" ]; then budget=("-runs=$PAGEWASH_FUZZ_RUNS" -seed=1); fi
  echo "== $target: ${budget[*]}"
  "build/fuzz/tests/fuzz/$target" -max_len=4096 "${budget[@]}" -print_final_stats=1 \
    "-artifact_prefix=build/fuzz/crash-$target-" "${dict[@]}" "$corpus" "testdata/fuzz/$target"
done
