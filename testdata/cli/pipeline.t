# The pipeline. The README's page goes through strip, dedup,
# segment and emit one at a time, each reading what the one before wrote,
# and clean gives the same bytes in one process.

% pagewash strip --explain cli/page.txt
^D
{"id":"page","source":"cli/page.txt","text":"How to apply\n\nFill in the form and send it by 1 March.\n\nHow to apply\n\nYou will need:\n• your ID card;\n• a photo.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":0},"blocks":[{"type":"line","length":12,"line":6,"span":[131,143]},{"type":"line","length":40,"line":8,"span":[145,185],"gap":true},{"type":"line","length":12,"line":10,"span":[187,199],"gap":true},{"type":"line","length":14,"line":12,"span":[201,215],"gap":true},{"type":"line","length":17,"line":13,"span":[216,235],"indent":2},{"type":"line","length":12,"line":14,"span":[236,250],"indent":2}],"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]}]}
=> 0

% pagewash dedup --explain
{"id":"page","source":"cli/page.txt","text":"How to apply\n\nFill in the form and send it by 1 March.\n\nHow to apply\n\nYou will need:\n• your ID card;\n• a photo.","schema_version":"1.0","stages":["strip"],"metadata":{},"stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":0},"blocks":[{"type":"line","text":"How to apply","line":6,"span":[131,143]},{"type":"line","text":"Fill in the form and send it by 1 March.","line":8,"span":[145,185],"gap":true},{"type":"line","text":"How to apply","line":10,"span":[187,199],"gap":true},{"type":"line","text":"You will need:","line":12,"span":[201,215],"gap":true},{"type":"line","text":"• your ID card;","line":13,"span":[216,235],"indent":2},{"type":"line","text":"• a photo.","line":14,"span":[236,250],"indent":2}],"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]}]}
^D
{"id":"page","source":"cli/page.txt","text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n• your ID card;\n• a photo.","schema_version":"1.2","stages":["strip","dedup"],"metadata":{},"stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":1},"blocks":[{"type":"line","length":12,"line":6,"span":[131,143]},{"type":"line","length":40,"line":8,"span":[145,185],"gap":true},{"type":"line","length":14,"line":12,"span":[201,215],"gap":true},{"type":"line","length":17,"line":13,"span":[216,235],"indent":2},{"type":"line","length":12,"line":14,"span":[236,250],"indent":2}],"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]},{"stage":"dedup","rule":"exact-duplicate","text":"How to apply","line":10,"span":[187,199],"duplicate_of":{"id":"page","line":6}}]}
=> 0

% pagewash segment --explain
{"id":"page","source":"cli/page.txt","text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n• your ID card;\n• a photo.","schema_version":"1.0","stages":["strip","dedup"],"metadata":{},"stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":1},"blocks":[{"type":"line","text":"How to apply","line":6,"span":[131,143]},{"type":"line","text":"Fill in the form and send it by 1 March.","line":8,"span":[145,185],"gap":true},{"type":"line","text":"You will need:","line":12,"span":[201,215],"gap":true},{"type":"line","text":"• your ID card;","line":13,"span":[216,235],"indent":2},{"type":"line","text":"• a photo.","line":14,"span":[236,250],"indent":2}],"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]},{"stage":"dedup","rule":"exact-duplicate","text":"How to apply","line":10,"span":[187,199],"duplicate_of":{"id":"page","line":6}}]}
^D
{"id":"page","source":"cli/page.txt","text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n\nyour ID card;\na photo.","schema_version":"1.2","stages":["strip","dedup","segment"],"title":"How to apply","metadata":{"language":"en","language_score":0.98},"stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":1},"blocks":[{"type":"heading","length":12,"line":6,"span":[131,143],"level":1},{"type":"paragraph","length":40,"line":8,"span":[145,185],"gap":true},{"type":"paragraph","length":14,"line":12,"span":[201,215],"gap":true},{"type":"list_item","length":13,"line":13,"span":[216,235],"gap":true,"ordered":false,"marker":"•"},{"type":"list_item","length":8,"line":14,"span":[236,250],"ordered":false,"marker":"•"}],"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]},{"stage":"dedup","rule":"exact-duplicate","text":"How to apply","line":10,"span":[187,199],"duplicate_of":{"id":"page","line":6}}]}
=> 0

% pagewash emit --explain
{"id":"page","source":"cli/page.txt","text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n\nyour ID card;\na photo.","schema_version":"1.0","stages":["strip","dedup","segment"],"title":"How to apply","metadata":{},"stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":1},"blocks":[{"type":"heading","text":"How to apply","line":6,"span":[131,143],"level":1},{"type":"paragraph","text":"Fill in the form and send it by 1 March.","line":8,"span":[145,185],"gap":true},{"type":"paragraph","text":"You will need:","line":12,"span":[201,215],"gap":true},{"type":"list_item","text":"your ID card;","line":13,"span":[216,235],"gap":true,"ordered":false,"marker":"•"},{"type":"list_item","text":"a photo.","line":14,"span":[236,250],"ordered":false,"marker":"•"}],"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]},{"stage":"dedup","rule":"exact-duplicate","text":"How to apply","line":10,"span":[187,199],"duplicate_of":{"id":"page","line":6}}]}
^D
{"id":"page","source":"cli/page.txt","title":"How to apply","hash":"a6cfa129a777e6a8","sections":[{"hash":"dea794969b0687d8","heading":"How to apply","level":1,"path":["How to apply"],"blocks":[{"hash":"ce9561bcfa1e6b98","type":"paragraph","text":"Fill in the form and send it by 1 March."},{"hash":"809acd6ce503cc00","type":"paragraph","text":"You will need:"},{"hash":"ba4f383e20436424","type":"list_item","text":"your ID card;","ordered":false,"marker":"•"},{"hash":"f873726d09860c2a","type":"list_item","text":"a photo.","ordered":false,"marker":"•"}]}],"metadata":{},"text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n\nyour ID card;\na photo.","schema_version":"1.1","stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":1},"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]},{"stage":"dedup","rule":"exact-duplicate","text":"How to apply","line":10,"span":[187,199],"duplicate_of":{"id":"page","line":6}}]}
=> 0

% pagewash clean --explain cli/page.txt
^D
{"id":"page","source":"cli/page.txt","title":"How to apply","hash":"e9a626edac90feb1","sections":[{"hash":"dea794969b0687d8","heading":"How to apply","level":1,"path":["How to apply"],"blocks":[{"hash":"ce9561bcfa1e6b98","type":"paragraph","text":"Fill in the form and send it by 1 March."},{"hash":"809acd6ce503cc00","type":"paragraph","text":"You will need:"},{"hash":"ba4f383e20436424","type":"list_item","text":"your ID card;","ordered":false,"marker":"•"},{"hash":"f873726d09860c2a","type":"list_item","text":"a photo.","ordered":false,"marker":"•"}]}],"metadata":{"language":"en","language_score":0.98},"text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n\nyour ID card;\na photo.","schema_version":"1.1","stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":1},"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]},{"stage":"dedup","rule":"exact-duplicate","text":"How to apply","line":10,"span":[187,199],"duplicate_of":{"id":"page","line":6}}]}
=> 0

% pagewash emit --explain --format markdown
{"id":"page","source":"cli/page.txt","text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n\nyour ID card;\na photo.","schema_version":"1.0","stages":["strip","dedup","segment"],"title":"How to apply","metadata":{},"stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":1},"blocks":[{"type":"heading","text":"How to apply","line":6,"span":[131,143],"level":1},{"type":"paragraph","text":"Fill in the form and send it by 1 March.","line":8,"span":[145,185],"gap":true},{"type":"paragraph","text":"You will need:","line":12,"span":[201,215],"gap":true},{"type":"list_item","text":"your ID card;","line":13,"span":[216,235],"gap":true,"ordered":false,"marker":"•"},{"type":"list_item","text":"a photo.","line":14,"span":[236,250],"ordered":false,"marker":"•"}],"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"language-switcher","text":"EN | PL | DE","line":4,"span":[117,129]},{"stage":"strip","rule":"back-link","text":"Back to top","line":16,"span":[252,263]},{"stage":"dedup","rule":"exact-duplicate","text":"How to apply","line":10,"span":[187,199],"duplicate_of":{"id":"page","line":6}}]}
^D
<!-- page -->

# How to apply

Fill in the form and send it by 1 March.

You will need:

- your ID card;
- a photo.

Removed:
- [strip cookie-notice] line 1: We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
- [strip consent-button] line 2: Accept all
- [strip language-switcher] line 4: EN | PL | DE
- [strip back-link] line 16: Back to top
- [dedup exact-duplicate] line 10: How to apply

=> 0

% pagewash clean --explain --format markdown cli/page.txt
^D
<!-- page -->

# How to apply

Fill in the form and send it by 1 March.

You will need:

- your ID card;
- a photo.

Removed:
- [strip cookie-notice] line 1: We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
- [strip consent-button] line 2: Accept all
- [strip language-switcher] line 4: EN | PL | DE
- [strip back-link] line 16: Back to top
- [dedup exact-duplicate] line 10: How to apply

=> 0
