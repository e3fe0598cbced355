# Dolma and datatrove records are read directly: their text is read as a
# raw page and the fields pagewash does not know are kept.

% pagewash strip
{"id":"doc-1","text":"Back to top\nThe river rose two metres overnight.","added":"2024-05-01T00:00:00Z"}
^D
{"id":"doc-1","source":"<stdin>","text":"The river rose two metres overnight.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":48,"input_lines":2,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","length":36,"line":2,"span":[12,48]}],"added":"2024-05-01T00:00:00Z"}
=> 0

% pagewash clean
{"id":"doc-2","text":"Flood warning\n\nThe river rose two metres overnight.\nBack to top","source":"common-crawl","added":"2024-05-01T00:00:00Z","created":"2023-11-30","metadata":{"url":"https://example.org/flood","year":2023}}
^D
{"id":"doc-2","source":"common-crawl","title":"Flood warning","hash":"07000b767fce40b5","sections":[{"hash":"8faaa68c38ffcfde","heading":"Flood warning","level":1,"path":["Flood warning"],"blocks":[{"hash":"0f04db65aee72c69","type":"paragraph","text":"The river rose two metres overnight."}]}],"metadata":{"language":"en","language_score":0.98,"url":"https://example.org/flood","year":2023},"text":"Flood warning\n\nThe river rose two metres overnight.","schema_version":"1.1","stats":{"input_bytes":63,"input_lines":3,"invalid_utf8":0,"stripped":1,"duplicates":0},"added":"2024-05-01T00:00:00Z","created":"2023-11-30"}
=> 0

# Records without an id are named after the input and the line.
% pagewash strip
{"text":"First line of the first record."}

{"text":"First line of the second record."}
^D
{"id":"stdin:1","source":"<stdin>","text":"First line of the first record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":31,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":31,"line":1,"span":[0,31]}]}
{"id":"stdin:3","source":"<stdin>","text":"First line of the second record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":32,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":32,"line":1,"span":[0,32]}]}
=> 0
