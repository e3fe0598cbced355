# --max-doc-bytes: a larger page or record is an error for that document;
# the others go through.

# cli/inputs/page.txt is 42 bytes.
% pagewash strip --max-doc-bytes 41 cli/inputs/page.txt cli/inputs/bom-only.txt
^D
{"id":"bom-only","source":"cli/inputs/bom-only.txt","text":"","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":3,"input_lines":0,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[]}
2> pagewash: error: cli/inputs/page.txt: page is larger than 41 bytes (--max-doc-bytes)
=> 1

% pagewash clean --format text --max-doc-bytes 42 cli/inputs/page.txt
^D
Opening hours

We open at nine every day.

=> 0

# A record counts its line's bytes.
% pagewash strip --max-doc-bytes 40
{"id":"a","text":"Opening hours, every weekday"}
{"id":"b","text":"Short."}
^D
{"id":"b","source":"<stdin>","text":"Short.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":6,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":6,"line":1,"span":[0,6]}]}
2> pagewash: error: <stdin>:1: record is larger than 40 bytes (--max-doc-bytes)
=> 1

# At most 1 GiB: offsets in a document are 32-bit.
% pagewash strip --max-doc-bytes 1073741825
^D
2> pagewash: error: strip: --max-doc-bytes must be from 1 to 1073741824
2> see 'pagewash strip --help'
=> 2

% pagewash strip --max-doc-bytes 0
^D
2> pagewash: error: strip: --max-doc-bytes must be from 1 to 1073741824
2> see 'pagewash strip --help'
=> 2

# A page of one line, read whole to tell its format, is bounded too; so is
# one inside a small compressed file.
% pagewash strip --max-doc-bytes 10
one long line of a page with no end
\ No newline at end of file
^D
2> pagewash: error: <stdin>: page is larger than 10 bytes (--max-doc-bytes)
=> 1

% pagewash strip --max-doc-bytes 20 cli/inputs/records.jsonl.gz cli/inputs/page.txt.gz
^D
2> pagewash: error: cli/inputs/records.jsonl.gz:1: record is larger than 20 bytes (--max-doc-bytes)
2> pagewash: error: cli/inputs/records.jsonl.gz:2: record is larger than 20 bytes (--max-doc-bytes)
2> pagewash: error: cli/inputs/page.txt.gz: page is larger than 20 bytes (--max-doc-bytes)
=> 1

# A JSON Lines line longer than the limit is skipped as it is read, never
# held whole: an error names its line, the records around it go through.
% pagewash clean --format text --max-doc-bytes 40
{"id":"a","text":"A record of many words, longer than the limit allows."}
{"id":"b","text":"Short one."}
{"id":"c","text":"Another record that is far too long to be read."}
{"id":"d","text":"Last one."}
^D
Short one.

Last one.

2> pagewash: error: <stdin>:1: record is larger than 40 bytes (--max-doc-bytes)
2> pagewash: error: <stdin>:3: record is larger than 40 bytes (--max-doc-bytes)
=> 1
