# Files: the id is the file name without its extension and the source is
# the path as given; a file that cannot be read is reported and the others
# still go through (exit status 1).

% pagewash clean --format text cli/hours.txt
^D
Opening hours

The library is open from 9:00 to 17:00 on weekdays.

=> 0

# Quotes keep a space in an argument.
% pagewash strip --id 'library hours' cli/hours.txt
^D
{"id":"library hours","source":"cli/hours.txt","text":"Opening hours\n\nThe library is open from 9:00 to 17:00 on weekdays.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":80,"input_lines":3,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]},{"type":"line","length":51,"line":3,"span":[15,66],"gap":true}]}
=> 0

% pagewash clean cli/no-such-page.txt cli/hours.txt
^D
{"id":"hours","source":"cli/hours.txt","title":"Opening hours","hash":"11f8ebcfd90a0daf","sections":[{"hash":"4c4e5ff8ef813016","heading":"Opening hours","level":1,"path":["Opening hours"],"blocks":[{"hash":"233734f11d2fb8bc","type":"paragraph","text":"The library is open from 9:00 to 17:00 on weekdays."}]}],"metadata":{"language":"en","language_score":0.98},"text":"Opening hours\n\nThe library is open from 9:00 to 17:00 on weekdays.","schema_version":"1.1","stats":{"input_bytes":80,"input_lines":3,"invalid_utf8":0,"stripped":1,"duplicates":0}}
2> pagewash: error: cli/no-such-page.txt: cannot open: No such file or directory
=> 1

% pagewash clean cli/hours.txt cli/no-such-page.txt
^D
{"id":"hours","source":"cli/hours.txt","title":"Opening hours","hash":"11f8ebcfd90a0daf","sections":[{"hash":"4c4e5ff8ef813016","heading":"Opening hours","level":1,"path":["Opening hours"],"blocks":[{"hash":"233734f11d2fb8bc","type":"paragraph","text":"The library is open from 9:00 to 17:00 on weekdays."}]}],"metadata":{"language":"en","language_score":0.98},"text":"Opening hours\n\nThe library is open from 9:00 to 17:00 on weekdays.","schema_version":"1.1","stats":{"input_bytes":80,"input_lines":3,"invalid_utf8":0,"stripped":1,"duplicates":0}}
2> pagewash: error: cli/no-such-page.txt: cannot open: No such file or directory
=> 1

# A directory is not a page: without -r it is an error that says so
# (directories.t).
% pagewash clean --format text cli cli/hours.txt
^D
Opening hours

The library is open from 9:00 to 17:00 on weekdays.

2> pagewash: error: cli: is a directory: add -r (--recursive) to read the files in it
=> 1

# '-' is standard input, between files.
% pagewash clean --format text cli/hours.txt - cli/newsletter.txt
A page from stdin.
^D
Opening hours

The library is open from 9:00 to 17:00 on weekdays.

A page from stdin.

Spring fair

The spring fair opens on Saturday in the town square. Subscribe to our newsletter

=> 0

# -o FILE in a directory that does not exist: a clear message, exit status 1.
% pagewash clean -o cli/no-such-dir/out.jsonl cli/hours.txt
^D
2> pagewash: error: cli/no-such-dir/out.jsonl: cannot create: No such file or directory
=> 1
