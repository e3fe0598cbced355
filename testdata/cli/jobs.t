# -j N, --shard-size and --progress: what they take. -j changes no byte of
# the output or of the messages (tests/cli/jobs_test.sh compares every mode;
# tests/cli/shards_test.sh and progress_test.sh check the files and the
# progress line).

% pagewash clean -j 3 --format text cli/hours.txt cli/missing.txt cli/page.txt
^D
Opening hours

The library is open from 9:00 to 17:00 on weekdays.

How to apply

Fill in the form and send it by 1 March.

You will need:

your ID card;
a photo.

2> pagewash: error: cli/missing.txt: cannot open: No such file or directory
=> 1

% pagewash clean --jobs 1 --format text cli/hours.txt
^D
Opening hours

The library is open from 9:00 to 17:00 on weekdays.

=> 0

% pagewash clean -j 0 cli/hours.txt
^D
2> pagewash: error: clean: --jobs must be a whole number from 1 to 1024, not '0'
2> see 'pagewash clean --help'
=> 2

% pagewash clean -j 1025 cli/hours.txt
^D
2> pagewash: error: clean: --jobs must be a whole number from 1 to 1024, not '1025'
2> see 'pagewash clean --help'
=> 2

% pagewash strip --jobs many cli/hours.txt
^D
2> pagewash: error: strip: --jobs must be a whole number from 1 to 1024, not 'many'
2> see 'pagewash strip --help'
=> 2

% pagewash clean --progress --no-progress cli/hours.txt
^D
2> pagewash: error: clean: --progress and --no-progress: give one
2> see 'pagewash clean --help'
=> 2

% pagewash dedup --no-progress cli/hours.txt
^D
{"id":"hours","source":"cli/hours.txt","text":"Opening hours\n\nThe library is open from 9:00 to 17:00 on weekdays.\n\nBack to top","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":80,"input_lines":3,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]},{"type":"line","length":51,"line":3,"span":[15,66],"gap":true},{"type":"line","length":11,"line":5,"span":[68,79],"gap":true}]}
=> 0

% pagewash clean --shard-size 10 cli/hours.txt
^D
2> pagewash: error: clean: --shard-size needs --out-dir DIR, where the shards go
2> see 'pagewash clean --help'
=> 2

% pagewash clean --out-dir out --shard-size 0 cli/hours.txt
^D
2> pagewash: error: clean: --shard-size must be a number of documents, or of bytes with K, M or G (64M), not '0'
2> see 'pagewash clean --help'
=> 2

% pagewash clean --out-dir out --shard-size 64X cli/hours.txt
^D
2> pagewash: error: clean: --shard-size must be a number of documents, or of bytes with K, M or G (64M), not '64X'
2> see 'pagewash clean --help'
=> 2

% pagewash clean --out-dir out --shard-size 64M -o all.jsonl cli/hours.txt
^D
2> pagewash: error: clean: --shard-size writes the shards into --out-dir: leave out -o
2> see 'pagewash clean --help'
=> 2

% pagewash clean --out-dir out --shard-size 64M --pretty cli/hours.txt
^D
2> pagewash: error: clean: --shard-size writes JSON Lines: leave out --pretty
2> see 'pagewash clean --help'
=> 2

% pagewash clean --out-dir out --shard-size 64M --changes-since m cli/hours.txt
^D
2> pagewash: error: clean: --out-dir and --changes-since do not go together
2> see 'pagewash clean --help'
=> 2

% pagewash clean --out-dir out --format markdown cli/hours.txt
^D
2> pagewash: error: clean: --out-dir writes JSON: leave out --format (or write shards, --shard-size)
2> see 'pagewash clean --help'
=> 2
