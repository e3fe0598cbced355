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
{"id":"stdin","source":"<stdin>","text":"","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":5,"input_lines":0,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[]}
=> 0

% pagewash strip --input-format jsonl
﻿  
^D
=> 0

# Compressed files, a WARC archive, an HTML page and a binary file are
# refused, each with what to do instead; the text page among them goes
# through (exit status 1).
% pagewash strip cli/inputs/page.txt.gz cli/inputs/page.txt.zst cli/inputs/page.txt.bz2 cli/inputs/page.txt.xz cli/inputs/page.warc cli/inputs/page.html cli/inputs/program.bin cli/inputs/page.txt
^D
{"id":"page","source":"cli/inputs/page.txt","text":"Opening hours\n\nWe open at nine every day.","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":42,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","text":"Opening hours","line":1,"span":[0,13]},{"type":"line","text":"We open at nine every day.","line":3,"span":[15,41],"gap":true}]}
2> pagewash: error: cli/inputs/page.txt.gz: gzip-compressed input: decompress it first (zcat cli/inputs/page.txt.gz | pagewash ...)
2> pagewash: error: cli/inputs/page.txt.zst: zstd-compressed input: decompress it first (zstdcat cli/inputs/page.txt.zst | pagewash ...)
2> pagewash: error: cli/inputs/page.txt.bz2: bzip2-compressed input: decompress it first (bzcat cli/inputs/page.txt.bz2 | pagewash ...)
2> pagewash: error: cli/inputs/page.txt.xz: xz-compressed input: decompress it first (xzcat cli/inputs/page.txt.xz | pagewash ...)
2> pagewash: error: cli/inputs/page.warc: WARC input: extract each record's text first (one raw page per file, or JSON Lines with a "text" field)
2> pagewash: error: cli/inputs/page.html: HTML input: render it to text first (lynx -dump / w3m -dump)
2> pagewash: error: cli/inputs/program.bin: binary input (NUL or control bytes): pagewash reads text pages and JSON Lines
=> 1

# Whatever the input format says.
% pagewash strip --input-format jsonl cli/inputs/page.txt.gz
^D
2> pagewash: error: cli/inputs/page.txt.gz: gzip-compressed input: decompress it first (zcat cli/inputs/page.txt.gz | pagewash ...)
=> 1

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
