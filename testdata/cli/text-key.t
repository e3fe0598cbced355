# --text-key: a JSON Lines corpus that keeps its text under another key.

# Each record's text is read from the key; one without it is an error
# naming its line, and the others go through. The output calls it "text".
% pagewash strip --text-key content
{"id":"a","content":"Opening hours\n\nClosed on Sundays and holidays."}
{"id":"b","body":"No text here."}
{"id":"c","content":"Library news","text":"stale copy"}
^D
{"id":"a","source":"<stdin>","text":"Opening hours\n\nClosed on Sundays and holidays.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":46,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]},{"type":"line","length":31,"line":3,"span":[15,46],"gap":true}]}
{"id":"c","source":"<stdin>","text":"Library news","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":12,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":12,"line":1,"span":[0,12]}]}
2> pagewash: error: <stdin>:2: field "content" is missing
=> 1

# Without the option each record is read for "text": one without it is an
# error, never an empty document.
% pagewash clean --format text --input-format jsonl
{"id":"a","content":"Opening hours\n\nClosed on Sundays and holidays."}
{"id":"b","body":"No text here."}
{"id":"c","content":"Library news","text":"stale copy"}
^D
stale copy

2> pagewash: error: <stdin>:1: field "text" is missing
2> pagewash: error: <stdin>:2: field "text" is missing
=> 1

# The stream between stages carries "text" and blocks, so the chain can
# pass the option to every stage.
% pagewash dedup --text-key content
{"id":"a","source":"<stdin>","text":"Opening hours","schema_version":"1.1","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","text":"Opening hours","line":1,"span":[0,13]}]}
^D
{"id":"a","source":"<stdin>","text":"Opening hours","schema_version":"1.2","stages":["strip","dedup"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
=> 0

# The key must be named.
% pagewash strip --text-key ''
^D
2> pagewash: error: strip: --text-key needs a field name
2> see 'pagewash strip --help'
=> 2
