# dedup across a stream: the first copy in input order stays; --stats
# reports what went.
% pagewash dedup --scope stream --stats --explain
{"id":"a","text":"Unique to page a.\n\nShared footer for every page."}
{"id":"b","text":"Unique to page b.\n\nShared footer for every page."}
^D
{"id":"a","source":"<stdin>","text":"Unique to page a.\n\nShared footer for every page.","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":48,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":17,"line":1,"span":[0,17]},{"type":"line","length":29,"line":3,"span":[19,48],"gap":true}]}
{"id":"b","source":"<stdin>","text":"Unique to page b.","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":48,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":1},"blocks":[{"type":"line","length":17,"line":1,"span":[0,17]}],"removed":[{"stage":"dedup","rule":"exact-duplicate","text":"Shared footer for every page.","line":3,"span":[19,48],"duplicate_of":{"id":"a","line":3}}]}
2> pagewash: stats: 2 documents, 4 paragraphs in, 3 out, 1 exact duplicates, 0 near duplicates, 0 from the drop list
=> 0

# A near duplicate: one word inserted.
% pagewash dedup --stats
{"id":"n","text":"Bijplaatsingen trekken ongedierte aan en u kunt er een boete voor krijgen.\n\nBijplaatsingen trekken ongedierte aan en u kunt er een flinke boete voor krijgen."}
^D
{"id":"n","source":"<stdin>","text":"Bijplaatsingen trekken ongedierte aan en u kunt er een boete voor krijgen.","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":157,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":1},"blocks":[{"type":"line","length":74,"line":1,"span":[0,74]}]}
2> pagewash: stats: 1 documents, 2 paragraphs in, 1 out, 0 exact duplicates, 1 near duplicates, 0 from the drop list
=> 0

# One line per paragraph for grouping outside pagewash.
% pagewash dedup --fingerprints
{"id":"a","text":"Unique to page a.\n\nShared footer for every page."}
{"id":"b","text":"Unique to page b.\n\nShared footer for every page."}
^D
ae5029da9f6b961b	a	0
aed3923fa5759ba3	a	1
503ea19c5715df3c	b	0
aed3923fa5759ba3	b	1
=> 0

# An id with a tab or a newline stays one field: escaped as \t and \n.
% pagewash dedup --fingerprints
{"id":"page\tone","text":"First paragraph of it.\n\nSecond paragraph of it."}
^D
1e138f49b02a8060	page\tone	0
750cc7b900cdad3d	page\tone	1
=> 0

# A drop list names such an id escaped, as --fingerprints wrote it.
% pagewash dedup --drop-list cli/drop-escaped.tsv
{"id":"page\tone","text":"First paragraph of it.\n\nSecond paragraph of it."}
^D
{"id":"page\tone","source":"<stdin>","text":"First paragraph of it.","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":47,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":1},"blocks":[{"type":"line","length":22,"line":1,"span":[0,22]}]}
=> 0

# The drop list (ID<TAB>POSITION) removes what it names.
% pagewash dedup --drop-list cli/drop.tsv
{"id":"a","text":"Unique to page a.\n\nShared footer for every page."}
^D
{"id":"a","source":"<stdin>","text":"Unique to page a.","schema_version":"1.2","stages":["dedup"],"metadata":{},"stats":{"input_bytes":48,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":1},"blocks":[{"type":"line","length":17,"line":1,"span":[0,17]}]}
=> 0

% pagewash dedup --scope page
^D
2> pagewash: error: dedup: --scope must be document or stream, not 'page'
2> see 'pagewash dedup --help'
=> 2
