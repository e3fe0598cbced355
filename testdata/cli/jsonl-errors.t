# A bad record in a JSON Lines stream is reported with its source and line,
# and the other records still go through (exit status 1).

# Malformed JSON in the middle of the stream.
% pagewash strip
{"id":"a","text":"First record."}
{"id":"b","text":"broken
{"id":"c","text":"Third record."}
^D
{"id":"a","source":"<stdin>","text":"First record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
{"id":"c","source":"<stdin>","text":"Third record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
2> pagewash: error: <stdin>:2: invalid JSON: A string is opened, but never closed.
=> 1

# A record without "text".
% pagewash strip
{"id":"a","text":"First record."}
{"id":"b","body":"no text here"}
{"id":"c","text":"Third record."}
^D
{"id":"a","source":"<stdin>","text":"First record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
{"id":"c","source":"<stdin>","text":"Third record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
2> pagewash: error: <stdin>:2: field "text" is missing
=> 1

# With --input-format jsonl even the first line must be a record.
% pagewash strip --input-format jsonl
{"id":"b","body":"no text here"}
{"id":"c","text":"Third record."}
^D
{"id":"c","source":"<stdin>","text":"Third record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
2> pagewash: error: <stdin>:1: field "text" is missing
=> 1

# Another major schema version is rejected; a newer minor one is read.
% pagewash strip
{"id":"a","text":"From a future pagewash.","schema_version":"2.0"}
{"id":"b","text":"From a newer minor version.","schema_version":"1.3"}
^D
{"id":"b","source":"<stdin>","text":"From a newer minor version.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":27,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":27,"line":1,"span":[0,27]}]}
2> pagewash: error: <stdin>:1: schema_version 2.0 is not supported (this pagewash reads 1.x)
=> 1

% pagewash strip
{"id":"a","text":"A number, not a string.","schema_version":1}
{"id":"b","text":"Not a version at all.","schema_version":"one"}
{"id":"c","text":"Third record."}
^D
{"id":"c","source":"<stdin>","text":"Third record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
2> pagewash: error: <stdin>:1: field "schema_version" must be a string
2> pagewash: error: <stdin>:2: field "schema_version" must look like "1.2", got "one"
=> 1

# Each error says what is wrong: text after the record, a \u escape of
# half a surrogate pair, a line number beyond 32 bits (never wrapped to 0),
# a key given twice (never merged).
% pagewash strip
{"id":"a","text":"Opening hours"} xyz
{"id":"b","text":"Caf\ud800 opening hours"}
{"id":"c","text":"x","blocks":[{"type":"line","text":"Opening hours","line":4294967296}]}
{"id":"d","text":"x","blocks":[{"type":"line","text":"Opening"}],"blocks":[{"type":"line","text":"hours"}]}
{"id":"e","text":"Closed on Sundays."}
^D
{"id":"e","source":"<stdin>","text":"Closed on Sundays.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":18,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":18,"line":1,"span":[0,18]}]}
2> pagewash: error: <stdin>:1: unexpected text after the record
2> pagewash: error: <stdin>:2: field "text" has an invalid \u escape: lone surrogate
2> pagewash: error: <stdin>:3: field "blocks[].line" is out of range (at most 4294967295)
2> pagewash: error: <stdin>:4: duplicate key "blocks"
=> 1

# A stream record's blocks are slices of its "text" (schema 1.2): a text
# edited without the blocks' lengths is an error naming the block. A 1.1
# record, whose blocks carry their text, is still read.
% pagewash dedup
{"id":"a","text":"One.\n\nTwo.","schema_version":"1.2","stages":["strip"],"blocks":[{"type":"line","length":4},{"type":"line","length":4,"gap":true}]}
{"id":"b","text":"One, edited.\n\nTwo.","schema_version":"1.2","stages":["strip"],"blocks":[{"type":"line","length":4},{"type":"line","length":4,"gap":true}]}
{"id":"c","text":"stale","schema_version":"1.1","stages":["strip"],"blocks":[{"type":"line","text":"Three."}]}
^D
{"id":"a","source":"<stdin>","text":"One.\n\nTwo.","schema_version":"1.2","stages":["strip","dedup"],"metadata":{},"stats":{"input_bytes":0,"input_lines":0,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":4},{"type":"line","length":4,"gap":true}]}
{"id":"c","source":"<stdin>","text":"Three.","schema_version":"1.2","stages":["strip","dedup"],"metadata":{},"stats":{"input_bytes":0,"input_lines":0,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":6}]}
2> pagewash: error: <stdin>:2: field "text" has no line end between blocks[0] and blocks[1] (byte 4)
=> 1
