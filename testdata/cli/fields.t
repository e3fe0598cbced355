# --fields LIST writes only the top-level JSON fields named (in the usual
# order, whatever the order of LIST); id, and the fields of an input record
# that pagewash does not know, are always written.
% pagewash clean --fields text,id cli/hours.txt
^D
{"id":"hours","text":"Opening hours\n\nThe library is open from 9:00 to 17:00 on weekdays."}
=> 0

# Without hash, no hash at all: not the document's, the sections' or the blocks'.
% pagewash clean --fields sections,title cli/hours.txt
^D
{"id":"hours","title":"Opening hours","sections":[{"heading":"Opening hours","level":1,"path":["Opening hours"],"blocks":[{"type":"paragraph","text":"The library is open from 9:00 to 17:00 on weekdays."}]}]}
=> 0

# A Dolma record's own fields stay.
% pagewash clean --fields text,source
{"id":"a","text":"Fresh bread every morning from our own oven.","added":"2024-01-01T00:00:00Z"}
^D
{"id":"a","source":"<stdin>","text":"Fresh bread every morning from our own oven.","added":"2024-01-01T00:00:00Z"}
=> 0

# emit takes it too, at the end of the piped chain.
% pagewash emit --fields hash,text,stats
{"id":"s","source":"s.txt","text":"Hello world.","schema_version":"1.1","stages":["strip","dedup","segment"],"metadata":{},"stats":{"input_bytes":12,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"paragraph","text":"Hello world."}]}
^D
{"id":"s","hash":"656bb824df09bbf9","text":"Hello world.","stats":{"input_bytes":12,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0}}
=> 0

# Only names of top-level fields; a usage error names the one it does not know.
% pagewash clean --fields id,body cli/hours.txt
^D
2> pagewash: error: clean: --fields: no output field 'body' (the fields: id, source, title, hash, sections, metadata, text, schema_version, stats, removed)
2> see 'pagewash clean --help'
=> 2

% pagewash clean --fields , cli/hours.txt
^D
2> pagewash: error: clean: --fields needs at least one field name, of: id, source, title, hash, sections, metadata, text, schema_version, stats, removed
2> see 'pagewash clean --help'
=> 2

% pagewash emit --fields text --format markdown
^D
2> pagewash: error: emit: --fields picks fields of the JSON output: leave out --format
2> see 'pagewash emit --help'
=> 2

# What the run would add to a field left out is an error, not lost.
% pagewash clean --fields text --signals cli/hours.txt
^D
2> pagewash: error: clean: --signals adds metadata.signals: add metadata to --fields, or leave out --signals
2> see 'pagewash clean --help'
=> 2

% pagewash clean --fields text,metadata --explain cli/hours.txt
^D
2> pagewash: error: clean: --explain adds the removed field: add removed to --fields, or leave out --explain
2> see 'pagewash clean --help'
=> 2
