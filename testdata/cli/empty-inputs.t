# An input of no bytes holds no document, so clean and the piped chain
# agree when every record of an input is rejected: strip writes nothing,
# and the stages after it read nothing.

% pagewash clean cli/inputs/all-rejected.jsonl
^D
2> pagewash: error: cli/inputs/all-rejected.jsonl:1: invalid JSON: A string is opened, but never closed.
2> pagewash: error: cli/inputs/all-rejected.jsonl:2: field "text" is missing
=> 1

% pagewash strip cli/inputs/all-rejected.jsonl
^D
2> pagewash: error: cli/inputs/all-rejected.jsonl:1: invalid JSON: A string is opened, but never closed.
2> pagewash: error: cli/inputs/all-rejected.jsonl:2: field "text" is missing
=> 1

# What the next stage of the chain reads.
% pagewash dedup
^D
=> 0

% pagewash emit
^D
=> 0

# A page of blank lines is a page, with nothing in it.
% pagewash clean --format text


^D


=> 0

# A byte order mark before the first record is dropped, after blank lines
# too (concatenated files), or followed by them.
% pagewash strip


﻿{"id":"a","text":"Opening hours"}
^D
{"id":"a","source":"<stdin>","text":"Opening hours","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
=> 0

% pagewash strip
﻿

{"id":"a","text":"Opening hours"}
^D
{"id":"a","source":"<stdin>","text":"Opening hours","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
=> 0
