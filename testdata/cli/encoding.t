# How raw bytes are read: invalid UTF-8, CRLF and CR line ends, a BOM,
# blank lines before the first line, no newline at the end. This file holds
# raw bytes on purpose (invalid UTF-8, CR): keep it byte for byte.

# Invalid UTF-8 is repaired (U+FFFD) and reported once per document with the
# byte offset of the first bad sequence; the exit status stays 0.
% pagewash clean
Café opening hours

We open at nine ÿþ every day.
^D
{"id":"stdin","source":"<stdin>","title":"Cafï¿½ opening hours","hash":"ba0c9174202d26c5","sections":[{"hash":"616338259ea97735","heading":"Cafï¿½ opening hours","level":1,"path":["Cafï¿½ opening hours"],"blocks":[{"hash":"f255f127ccb846c0","type":"paragraph","text":"We open at nine ï¿½ï¿½ every day."}]}],"metadata":{"language":"en","language_score":0.97},"text":"Cafï¿½ opening hours\n\nWe open at nine ï¿½ï¿½ every day.","schema_version":"1.1","stats":{"input_bytes":50,"input_lines":2,"invalid_utf8":3,"stripped":0,"duplicates":0}}
2> pagewash: warning: <stdin>: invalid UTF-8 at byte 3: 3 sequences replaced by U+FFFD
=> 0

# CRLF ends lines as LF does; spans are bytes of the input as it was.
% pagewash strip --explain
Opening hours

We open at nine every day.
Back to top
^D
{"id":"stdin","source":"<stdin>","text":"Opening hours\n\nWe open at nine every day.","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":58,"input_lines":3,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","text":"Opening hours","line":1,"span":[0,13]},{"type":"line","text":"We open at nine every day.","line":3,"span":[17,43],"gap":true}],"removed":[{"stage":"strip","rule":"back-link","text":"Back to top","line":4,"span":[45,56]}]}
=> 0

# So does a lone CR.
% pagewash clean --format text
Opening hoursWe open at nine every day.Back to top
^D
Opening hours

We open at nine every day.

=> 0

# A byte order mark is dropped, and spans still count its bytes.
% pagewash strip
ï»¿Opening hours
^D
{"id":"stdin","source":"<stdin>","text":"Opening hours","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":17,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","text":"Opening hours","line":1,"span":[3,16]}]}
=> 0

# A page that does not end with a newline.
% pagewash strip
Opening hours
\ No newline at end of file
^D
{"id":"stdin","source":"<stdin>","text":"Opening hours","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","text":"Opening hours","line":1,"span":[0,13]}]}
=> 0

# A blank line before the first line: the page is 26 bytes, "Hello there." is
# line 2 at bytes [1,13) and "Back to top" line 3 at [14,25), whether the
# format is detected or given.
% pagewash strip --explain --input-format text

Hello there.
Back to top
^D
{"id":"stdin","source":"<stdin>","text":"Hello there.","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":26,"input_lines":2,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","text":"Hello there.","line":2,"span":[1,13]}],"removed":[{"stage":"strip","rule":"back-link","text":"Back to top","line":3,"span":[14,25]}]}
=> 0

% pagewash strip --explain

Hello there.
Back to top
^D
{"id":"stdin","source":"<stdin>","text":"Hello there.","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":26,"input_lines":2,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","text":"Hello there.","line":2,"span":[1,13]}],"removed":[{"stage":"strip","rule":"back-link","text":"Back to top","line":3,"span":[14,25]}]}
=> 0

# In a JSON Lines stream a record that is not UTF-8 is not valid JSON: it is
# reported and the others still go through.
% pagewash strip
{"id":"a","text":"First record."}
{"id":"b","text":"Café au lait."}
{"id":"c","text":"Third record."}
^D
{"id":"a","source":"<stdin>","text":"First record.","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","text":"First record.","line":1,"span":[0,13]}]}
{"id":"c","source":"<stdin>","text":"Third record.","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","text":"Third record.","line":1,"span":[0,13]}]}
2> pagewash: error: <stdin>:2: invalid JSON: The input is not valid UTF-8
=> 1

# The same when the bad record is the first line: the input is still JSON
# Lines, not one raw page.
% pagewash strip
{"id":"b","text":"Café au lait."}
{"id":"c","text":"Third record."}
^D
{"id":"c","source":"<stdin>","text":"Third record.","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","text":"Third record.","line":1,"span":[0,13]}]}
2> pagewash: error: <stdin>:1: invalid JSON: The input is not valid UTF-8
=> 1
