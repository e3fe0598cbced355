#!/usr/bin/env bash
# Times `pagewash clean` against the four-stage pipe, `--scope stream`, awk's
# exact line dedup, C4's line filter and the floor (tools/bench/floor.cc: the
# least work any cleaner of these records does, JSON in and out, exact line
# dedup and one hash a word), over one corpus of JSON Lines built
# from real pages (tools/bench/make_corpus.py, fixed seed); then `clean` and
# `clean --scope stream` with -j N (default: the cores, nproc) against -j 1,
# in wall-clock time.
#
#   tools/bench/compare.sh [--bin PATH] [--floor PATH] [--mb N] [--rounds N] [--seed N] [--jobs N]
#                          [--work DIR] [--pages DIR]...
#
# Pages come from ../shared/devset/pages*/ when present, else testdata's pages
# (--pages DIR, repeatable, overrides both). The corpus is cached in --work
# (default build/bench-corpus) by size and seed. Each round runs every command
# once, in turn, so load on the machine falls on all of them alike; the
# figures are medians over the rounds. Rates are MB (10^6 bytes) of the
# command's input per second of CPU time (user + sys, all processes of a
# pipe); peak memory is the largest resident set of any one process
# (`/usr/bin/time -f %M`); wall is elapsed seconds. The pagewash rows but the
# -j N ones run with -j 1. The floor is pagewash_floor beside --bin unless
# --floor names it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="build/release/pagewash"
floor=""
mb=200
rounds=3
seed=1
jobs=$(nproc)
work="build/bench-corpus"
pages=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --floor) floor="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --pages) pages+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ ! -x "$bin" ]; then
  echo "compare.sh: no $bin; build it first: cmake --preset release && cmake --build --preset release" >&2
  exit 2
fi
[ -n "$floor" ] || floor="$(dirname "$bin")/pagewash_floor"
if [ ! -x "$floor" ]; then
  echo "compare.sh: no $floor; build it (cmake --build --preset release --target pagewash_floor) or name it with --floor" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "compare.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
if [ ${#pages[@]} -eq 0 ]; then
  for d in ../shared/devset/pages ../shared/devset/pages_w3m ../shared/devset/pages_wet ../shared/devset/pages_md; do
    [ -d "$d" ] && pages+=("$d")
  done
  [ ${#pages[@]} -eq 0 ] && pages=(testdata/pages testdata/corpus/pages)
fi

mkdir -p "$work"
jsonl="$work/corpus-${mb}mb-seed${seed}.jsonl"
text="$work/corpus-${mb}mb-seed${seed}.txt"
if [ ! -s "$jsonl" ] || [ ! -s "$text" ]; then
  python3 tools/bench/make_corpus.py --out "$jsonl" --text-out "$text" --mb "$mb" --seed "$seed" "${pages[@]}"
fi
jsonl_bytes=$(stat -c %s "$jsonl")
text_bytes=$(stat -c %s "$text")

names=(clean pipe stream awk c4 floor cleanj streamj)
labels=("pagewash clean" "strip, dedup, segment, emit (pipe)" "pagewash clean --scope stream"
        "awk '!seen[\$0]++' (same text)" "tools/bench/c4_filter.py" "floor (tools/bench/floor.cc)"
        "pagewash clean -j $jobs" "pagewash clean --scope stream -j $jobs")
command_for() {
  case "$1" in
    clean) echo "'$bin' clean -j 1 '$jsonl'" ;;
    pipe) echo "'$bin' strip -j 1 '$jsonl' | '$bin' dedup -j 1 | '$bin' segment -j 1 | '$bin' emit -j 1" ;;
    stream) echo "'$bin' clean -j 1 --scope stream '$jsonl'" ;;
    cleanj) echo "'$bin' clean -j $jobs '$jsonl'" ;;
    streamj) echo "'$bin' clean -j $jobs --scope stream '$jsonl'" ;;
    awk) echo "awk '!seen[\$0]++' '$text'" ;;
    c4) echo "python3 tools/bench/c4_filter.py '$jsonl'" ;;
    floor) echo "'$floor' '$jsonl'" ;;
  esac
}
input_bytes() { if [ "$1" = awk ]; then echo "$text_bytes"; else echo "$jsonl_bytes"; fi; }

out="$work/times"
rm -rf "$out"; mkdir -p "$out"
echo "corpus: $jsonl ($jsonl_bytes bytes; plain text $text_bytes bytes), $rounds rounds" >&2
for ((r = 1; r <= rounds; r++)); do
  for name in "${names[@]}"; do
    /usr/bin/time -f "%U %S %M %e" -o "$out/$name.$r" bash -o pipefail -c "$(command_for "$name") > /dev/null"
    echo "round $r: $name $(cat "$out/$name.$r")" >&2
  done
done

# Median CPU seconds and median peak KB for each command.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A cpu rate mem wall
for name in "${names[@]}"; do
  cpu[$name]=$(cat "$out/$name".* | awk '{ print $1 + $2 }' | median)
  wall[$name]=$(cat "$out/$name".* | awk '{ print $4 }' | median)
  mem[$name]=$(cat "$out/$name".* | awk '{ print $3 }' | median)
  rate[$name]=$(awk -v b="$(input_bytes "$name")" -v s="${cpu[$name]}" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')
done

printf '| %-38s | %9s | %8s | %8s | %8s | %8s | %8s | %9s |\n' command "CPU s" "MB/s" "x awk" "x C4" "x clean" "wall s" "peak MB"
printf '| %-38s | %9s | %8s | %8s | %8s | %8s | %8s | %9s |\n' --- ---: ---: ---: ---: ---: ---: ---:
for i in "${!names[@]}"; do
  name=${names[$i]}
  awk -v l="${labels[$i]}" -v c="${cpu[$name]}" -v r="${rate[$name]}" -v a="${rate[awk]}" \
      -v f="${rate[c4]}" -v k="${rate[clean]}" -v m="${mem[$name]}" -v w="${wall[$name]}" \
      'function q(x, y) { return y > 0 ? x / y : 0 }
       BEGIN { printf "| %-38s | %9.2f | %8.1f | %8.2f | %8.2f | %8.2f | %8.2f | %9.1f |\n", l, c, r, q(r, a), q(r, f), q(r, k), w, m / 1024 }'
done
awk -v j="$jobs" -v c1="${wall[clean]}" -v cj="${wall[cleanj]}" -v s1="${wall[stream]}" -v sj="${wall[streamj]}" \
    -v b="$jsonl_bytes" 'function q(x, y) { return y > 0 ? x / y : 0 }
BEGIN {
  printf "-j %d in wall-clock: clean %.2fx -j 1 (%.1f MB/s against %.1f); clean --scope stream %.2fx -j 1 (%.1f MB/s against %.1f)\n",
    j, q(c1, cj), q(b / 1e6, cj), q(b / 1e6, c1), q(s1, sj), q(b / 1e6, sj), q(b / 1e6, s1) }'
awk -v k="${rate[clean]}" -v a="${rate[awk]}" -v f="${rate[c4]}" -v p="${rate[pipe]}" -v s="${rate[stream]}" 'function q(x, y) { return y > 0 ? x / y : 0 }
BEGIN {
  printf "targets: clean >= 2x awk: %.2fx %s; clean >= 2x C4: %.2fx %s; pipe >= 0.6x clean: %.2fx %s; stream >= 1.0x clean: %.2fx %s\n",
    q(k, a), (a > 0 && k >= 2 * a ? "met" : "NOT met"), q(k, f), (f > 0 && k >= 2 * f ? "met" : "NOT met"),
    q(p, k), (k > 0 && p >= 0.6 * k ? "met" : "NOT met"), q(s, k), (k > 0 && s >= k ? "met" : "NOT met") }'
awk -v k="${rate[clean]}" -v a="${rate[awk]}" -v l="${rate[floor]}" 'function q(x, y) { return y > 0 ? x / y : 0 }
BEGIN {
  printf "floor (JSON in and out, exact line dedup, one hash a word, no cleaning): %.2fx awk; clean is %.2fx the floor\n",
    q(l, a), q(k, l) }'
