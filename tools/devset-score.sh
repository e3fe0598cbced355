#!/usr/bin/env bash
# Scores `pagewash clean` on the development set (../shared/devset by default):
# cleans every page of one rendering and prints the table of the set's own
# scorer (score.py). Skips with a message, exit 0, when the set is absent.
#
#   tools/devset-score.sh [--bin PATH] [--devset DIR] [--rendering pages|pages_w3m|pages_wet|pages_md]
#                         [--keep DIR] [-- CLEAN-OPTIONS...]
#
# Anything after `--` is passed to `pagewash clean` (e.g. `-- --favor precision`).
# Extra score.py options go in SCORE_OPTS (e.g. SCORE_OPTS=--per-page).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=""
devset="../shared/devset"
rendering="pages"
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --devset) devset="$2"; shift 2 ;;
    --rendering) rendering="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "devset-score.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ ! -d "$devset/$rendering" ] || [ ! -f "$devset/score.py" ]; then
  echo "devset-score.sh: skipped: no development set at $devset/$rendering" >&2
  exit 0
fi
if [ -z "$bin" ]; then
  for b in build/release/pagewash build/ci/pagewash build/dev/pagewash; do
    if [ -x "$b" ]; then bin="$b"; break; fi
  done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "devset-score.sh: no pagewash binary; build first or pass --bin" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$devset/$rendering"/*.txt; do
  name=$(basename "$f" .txt)
  "$bin" clean "$@" "$f" > "$out/$name.json" 2>/dev/null || true
done
if [ -n "$keep" ]; then mkdir -p "$keep"; cp "$out"/*.json "$keep"/; fi
# shellcheck disable=SC2086
python3 "$devset/score.py" "$out" "$devset/gold" ${SCORE_OPTS:-}
# The title: equal to the gold title (tokens as score.py counts them) on how
# many of the pages whose gold has one.
python3 - "$out" "$devset" <<'PY'
import json, os, sys
sys.path.insert(0, sys.argv[2])
from score import tokens
out, devset = sys.argv[1], sys.argv[2]
have = right = 0
wrong = []
for name in sorted(os.listdir(os.path.join(devset, "gold"))):
    if not name.endswith(".json"):
        continue
    gold = json.load(open(os.path.join(devset, "gold", name), encoding="utf-8")).get("title")
    if not gold:
        continue
    have += 1
    try:
        got = json.load(open(os.path.join(out, name), encoding="utf-8")).get("title") or ""
    except (OSError, ValueError):
        got = ""
    if tokens(got) == tokens(gold):
        right += 1
    else:
        wrong.append(name[:-5])
print(f"title: {right}/{have} = {right / max(have, 1):.3f} of the pages whose gold has a title")
if os.environ.get("TITLE_MISSES"):
    print("  wrong:", " ".join(wrong))
PY
