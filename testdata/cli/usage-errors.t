# Usage errors: one line and a pointer to --help on stderr, exit status 2,
# nothing processed (so nothing on stdout even when there is input).

% pagewash frobnicate
^D
2> pagewash: error: unknown command 'frobnicate'
2> see 'pagewash --help'
=> 2

% pagewash strip --frobnicate
Some text on stdin.
^D
2> pagewash: error: strip: unrecognised option '--frobnicate'
2> see 'pagewash strip --help'
=> 2

# An option of another stage.
% pagewash strip --min-words 3
^D
2> pagewash: error: strip: unrecognised option '--min-words'
2> see 'pagewash strip --help'
=> 2

% pagewash strip --input-format
^D
2> pagewash: error: strip: the required argument for option '--input-format' is missing
2> see 'pagewash strip --help'
=> 2

% pagewash clean --input-format xml cli/hours.txt
^D
2> pagewash: error: clean: --input-format must be auto, text or jsonl, not 'xml'
2> see 'pagewash clean --help'
=> 2

% pagewash strip --id page cli/hours.txt cli/newsletter.txt
^D
2> pagewash: error: strip: --id names one page: give at most one input
2> see 'pagewash strip --help'
=> 2

% pagewash emit --format html
^D
2> pagewash: error: emit: --format must be json, markdown, text or diff, not 'html'
2> see 'pagewash emit --help'
=> 2

% pagewash emit --format json --format text
^D
2> pagewash: error: emit: option '--format' cannot be specified more than once
2> see 'pagewash emit --help'
=> 2

% pagewash dedup --min-words 0
^D
2> pagewash: error: dedup: the argument ('0') for option '--min-words' is invalid
2> see 'pagewash dedup --help'
=> 2

% pagewash dedup --min-words abc
^D
2> pagewash: error: dedup: the argument ('abc') for option '--min-words' is invalid
2> see 'pagewash dedup --help'
=> 2

# A negative count is invalid too; it must not wrap around to a huge number
# (which would turn dedup off, or make every short line a heading candidate).
% pagewash dedup --min-words -1
{"id":"a","text":"Hello world.\n\nHello world."}
^D
2> pagewash: error: dedup: the argument ('-1') for option '--min-words' is invalid
2> see 'pagewash dedup --help'
=> 2

% pagewash segment --max-heading-words -1
{"id":"a","text":"Hello world.\n\nHello world."}
^D
2> pagewash: error: segment: the argument ('-1') for option '--max-heading-words' is invalid
2> see 'pagewash segment --help'
=> 2

# The change feed has one form: a format asked for beside it is refused, not ignored.
% pagewash clean --changes-since cli/never-written.manifest --format markdown
^D
2> pagewash: error: clean: --changes-since writes a change feed: leave out --format, --pretty and --signals
2> see 'pagewash clean --help'
=> 2

# 'pagewash help CMD' is 'pagewash CMD --help'; a command it does not know is
# a usage error that names it.
% pagewash help nope
^D
2> pagewash: error: help: unknown command 'nope'
2> see 'pagewash --help'
=> 2

% pagewash ledger frob
^D
2> pagewash: error: ledger: unknown action 'frob'
2> see 'pagewash ledger --help'
=> 2

% pagewash ledger
^D
2> pagewash: error: ledger: missing action: merge
2> see 'pagewash ledger --help'
=> 2

% pagewash ledger merge a.ledger
^D
2> pagewash: error: ledger: -o OUT is required
2> see 'pagewash ledger --help'
=> 2

% pagewash ledger merge -o merged.ledger
^D
2> pagewash: error: ledger: give the ledgers to merge
2> see 'pagewash ledger --help'
=> 2

# --compress takes gz or zst.
% pagewash clean --compress bz2 cli/hours.txt
^D
2> pagewash: error: clean: --compress must be gz or zst, not 'bz2'
2> see 'pagewash clean --help'
=> 2

# --stats-json may not name the output.
% pagewash clean -o out.jsonl --stats-json ./out.jsonl cli/hours.txt
^D
2> pagewash: error: clean: -o out.jsonl and --stats-json ./out.jsonl are the same file: each needs its own
2> see 'pagewash clean --help'
=> 2
