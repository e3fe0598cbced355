# Shared by the shell tests in tests/cli/: a scratch directory, named checks
# and a summary. Source it after setting `pagewash` and `testdata`.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
failures=0
passed=0
current=""
case_() { current=$1; }  # Names the case that the next checks belong to.
pass() { passed=$((passed + 1)); }
fail() {
  echo "FAIL: $current: $*"
  failures=$((failures + 1))
}
# expect_eq WHAT GOT WANT
expect_eq() {
  if [ "$2" == "$3" ]; then pass; else fail "$1: got [$2], want [$3]"; fi
}
# expect_file_eq FILE CONTENT: the file holds exactly CONTENT (and a newline).
expect_file_eq() {
  if [ -e "$1" ] && [ "$(cat "$1")" == "$2" ]; then pass; else fail "$1 holds [$(cat "$1" 2>&1)], want [$2]"; fi
}
expect_no_temp_files() {
  local left
  left=$(find . -name '*.tmp.*' | sort | tr '\n' ' ')
  expect_eq "temporary files left" "$left" ""
}
# Waits (up to 5 s) until a file matching the glob exists.
wait_for() {
  local i
  for i in $(seq 50); do
    compgen -G "$1" > /dev/null && return 0
    sleep 0.1
  done
  return 1
}
# large_page FILE: a page of 60,000 short paragraphs of made-up words
# (3.6 MB), large enough that its JSON is written to the output as it is
# made, a piece at a time (src/pipeline.cc, kStreamTextBytes).
large_page() {
  awk 'BEGIN {
    srand(7)
    s = "kalomintersaveldornipraquistobenramotel"
    for (i = 0; i < 60000; i++) {
      line = ""
      for (w = 0; w < 8; w++) {
        word = ""
        for (k = 0; k < 3; k++) word = word substr(s, int(rand() * 38) + 1, 2)
        line = line word " "
      }
      print line "end.\n"
    }
  }' > "$1"
}
summary() {
  echo "$passed checks passed, $failures failed"
  [ "$failures" -eq 0 ]
}
