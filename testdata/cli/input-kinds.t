# What pagewash reads before the stages: a byte order mark with nothing
# after it, and inputs that are not text pages or JSON Lines.

# A page that is only a byte order mark is an empty page, as one of blank lines is.
% pagewash clean
﻿
\ No newline at end of file
^D
{"id":"stdin","source":"<stdin>","title":null,"hash":"68af898167825573","sections":[],"metadata":{"language":"und","language_score":0},"text":"","schema_version":"1.1","stats":{"input_bytes":3,"input_lines":0,"invalid_utf8":0,"stripped":0,"duplicates":0}}
=> 0

# So is one with blank lines after the mark, read as a file.
% pagewash clean cli/inputs/bom-only.txt cli/inputs/bom-blanks.txt
^D
{"id":"bom-only","source":"cli/inputs/bom-only.txt","title":null,"hash":"68af898167825573","sections":[],"metadata":{"language":"und","language_score":0},"text":"","schema_version":"1.1","stats":{"input_bytes":3,"input_lines":0,"invalid_utf8":0,"stripped":0,"duplicates":0}}
{"id":"bom-blanks","source":"cli/inputs/bom-blanks.txt","title":null,"hash":"68af898167825573","sections":[],"metadata":{"language":"und","language_score":0},"text":"","schema_version":"1.1","stats":{"input_bytes":7,"input_lines":0,"invalid_utf8":0,"stripped":0,"duplicates":0}}
=> 0

# The same with the format given: a page, or JSON Lines with no record.
% pagewash strip --input-format text
﻿  
\ No newline at end of file
^D
{"id":"stdin","source":"<stdin>","text":"","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":5,"input_lines":0,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[]}
=> 0

% pagewash strip --input-format jsonl
﻿  
^D
=> 0

# Compressed files are known by their magic bytes, not their names, and
# read as what they hold; the id drops the compression suffix too.
# (page.txt.gz, .zst, .bz2 and .xz are page.txt through gzip -n, zstd,
# bzip2 and xz; records.jsonl.gz is two records each through gzip -cn,
# concatenated: two members, as a WARC file has one per record.)
% pagewash clean --format markdown cli/inputs/page.txt.gz cli/inputs/page.txt.zst cli/inputs/page.txt.bz2 cli/inputs/page.txt.xz cli/inputs/records.jsonl.gz
^D
<!-- page -->

# Opening hours

We open at nine every day.

<!-- page -->

# Opening hours

We open at nine every day.

<!-- page -->

# Opening hours

We open at nine every day.

<!-- page -->

# Opening hours

We open at nine every day.

<!-- a -->

First record.

<!-- b -->

Second record.

=> 0

# A compressed stream cut short is an error naming the input and the byte
# where the damage was found; the other inputs go through (exit status 1).
# (cut.txt.gz is the first 40 bytes of page.txt.gz.)
% pagewash strip cli/inputs/cut.txt.gz cli/inputs/page.txt
^D
{"id":"page","source":"cli/inputs/page.txt","text":"Opening hours\n\nWe open at nine every day.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":42,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]},{"type":"line","length":26,"line":3,"span":[15,41],"gap":true}]}
2> pagewash: error: cli/inputs/cut.txt.gz: gzip data is damaged at byte 40: the stream is cut short
=> 1

# An HTML page and a binary file are refused, each with what to do instead;
# the text page among them goes through (exit status 1). A WARC file is
# read (warc.t): its record has no WARC-Record-ID, so its id is FILE:LINE.
% pagewash strip cli/inputs/page.warc cli/inputs/page.html cli/inputs/program.bin cli/inputs/page.txt
^D
{"id":"page:1","source":"cli/inputs/page.warc","text":"We open at nine every day.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":26,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":26,"line":1,"span":[0,26]}]}
{"id":"page","source":"cli/inputs/page.txt","text":"Opening hours\n\nWe open at nine every day.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":42,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]},{"type":"line","length":26,"line":3,"span":[15,41],"gap":true}]}
2> pagewash: error: cli/inputs/page.html: HTML input: render it to text first (lynx -dump / w3m -dump)
2> pagewash: error: cli/inputs/program.bin: binary input (NUL or control bytes): pagewash reads text pages and JSON Lines
=> 1

# Compressed input is read whatever the input format says.
% pagewash strip --input-format jsonl cli/inputs/records.jsonl.gz
^D
{"id":"a","source":"cli/inputs/records.jsonl.gz","text":"First record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
{"id":"b","source":"cli/inputs/records.jsonl.gz","text":"Second record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":14,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":14,"line":1,"span":[0,14]}]}
=> 0

# HTML is known by its opening tag after blank lines, in any case.
% pagewash clean --input-format text

  <!doctype HTML>
<html><body>Hello</body></html>
^D
2> pagewash: error: <stdin>: HTML input: render it to text first (lynx -dump / w3m -dump)
=> 1

# Markup further down a page is text.
% pagewash clean --format text
Write <html> at the top of a page.
^D
Write <html> at the top of a page.

=> 0
