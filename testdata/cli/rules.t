# --rules FILE adds rules to the defaults.

# Without the user rule the newsletter prompt stays.
% pagewash strip --explain cli/newsletter.txt
^D
{"id":"newsletter","source":"cli/newsletter.txt","text":"Spring fair\n\nThe spring fair opens on Saturday in the town square.\nSubscribe to our newsletter","schema_version":"1.2","stages":["strip"],"title":"Spring fair","metadata":{},"stats":{"input_bytes":108,"input_lines":4,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","length":11,"line":1,"span":[0,11]},{"type":"line","length":53,"line":3,"span":[13,66],"gap":true},{"type":"line","length":27,"line":4,"span":[67,94]}],"removed":[{"stage":"strip","rule":"back-link","text":"Back to top","line":6,"span":[96,107]}]}
=> 0

% pagewash strip --explain --rules cli/newsletter.rules cli/newsletter.txt
^D
{"id":"newsletter","source":"cli/newsletter.txt","text":"Spring fair\n\nThe spring fair opens on Saturday in the town square.","schema_version":"1.2","stages":["strip"],"title":"Spring fair","metadata":{},"stats":{"input_bytes":108,"input_lines":4,"invalid_utf8":0,"stripped":2,"duplicates":0},"blocks":[{"type":"line","length":11,"line":1,"span":[0,11]},{"type":"line","length":53,"line":3,"span":[13,66],"gap":true}],"removed":[{"stage":"strip","rule":"newsletter-prompt","text":"Subscribe to our newsletter","line":4,"span":[67,94]},{"stage":"strip","rule":"back-link","text":"Back to top","line":6,"span":[96,107]}]}
=> 0

% pagewash clean --format markdown --explain --rules cli/newsletter.rules cli/newsletter.txt
^D
<!-- newsletter -->

# Spring fair

The spring fair opens on Saturday in the town square.

Removed:
- [strip newsletter-prompt] line 4: Subscribe to our newsletter
- [strip back-link] line 6: Back to top

=> 0

# A rules file with CRLF line ends reads the same.
% pagewash clean --format markdown --explain --rules cli/crlf.rules cli/newsletter.txt
^D
<!-- newsletter -->

# Spring fair

The spring fair opens on Saturday in the town square.

Removed:
- [strip newsletter-prompt] line 4: Subscribe to our newsletter
- [strip back-link] line 6: Back to top

=> 0

# A rules file with an error stops the run before it starts (exit status 2)
# and the message names the file and the line.
% pagewash clean --rules cli/bad-type.rules cli/newsletter.txt
^D
2> pagewash: error: cli/bad-type.rules:3: unknown type "lines"
=> 2

% pagewash clean --rules cli/unknown-key.rules cli/newsletter.txt
^D
2> pagewash: error: cli/unknown-key.rules:3: unknown key "words"
=> 2

% pagewash clean --rules cli/duplicate-name.rules cli/newsletter.txt
^D
2> pagewash: error: cli/duplicate-name.rules:2: rule "back-link" is already defined at navigation.rules:3
=> 2

% pagewash clean --rules cli/no-such.rules cli/newsletter.txt
^D
2> pagewash: error: cli/no-such.rules: cannot open rules: No such file or directory
=> 2

# A directory: the message says why it cannot be read, as for a missing file.
% pagewash clean --rules cli cli/newsletter.txt
^D
2> pagewash: error: cli: cannot read rules: Is a directory
=> 2
