% pagewash dedup --min-words 1
{"id":"a","text":"Hello world.\n\nHello world."}
^D
{"id":"a","source":"<stdin>","text":"Hello world.","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":26,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":1},"blocks":[{"type":"line","length":12,"line":1,"span":[0,12]}]}
=> 0

# Units shorter than --min-words are kept even when repeated.
% pagewash dedup --min-words 3
{"id":"a","text":"Hello world.\n\nHello world."}
^D
{"id":"a","source":"<stdin>","text":"Hello world.\n\nHello world.","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":26,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":12,"line":1,"span":[0,12]},{"type":"line","length":12,"line":3,"span":[14,26],"gap":true}]}
=> 0

# Case, punctuation and spacing do not matter; the first copy is kept.
% pagewash dedup --explain
{"id":"a","text":"The meeting is on Friday.\n\nTHE MEETING  is on friday!"}
^D
{"id":"a","source":"<stdin>","text":"The meeting is on Friday.","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":53,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":1},"blocks":[{"type":"line","length":25,"line":1,"span":[0,25]}],"removed":[{"stage":"dedup","rule":"exact-duplicate","text":"THE MEETING is on friday!","line":3,"span":[27,53],"duplicate_of":{"id":"a","line":1}}]}
=> 0
