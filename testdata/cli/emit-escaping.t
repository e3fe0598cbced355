# Markdown and diff take ids, sources, rules and removed text from the
# stream: nothing in them may end the line they are on.

# An id that would close the comment and start a heading stays in the
# comment; removals are listed whenever the stream carries them.
% pagewash emit --format markdown
{"id":"x -->\n# Injected","source":"a\nb.txt","text":"Opening hours","schema_version":"1.1","stages":["strip","segment"],"blocks":[{"type":"paragraph","text":"Opening hours","line":1}],"removed":[{"stage":"strip","rule":"back-link\n# Heading","text":"Back to top","line":2}]}
^D
<!-- x %2D%2D%3E\n# Injected -->

Opening hours

Removed:
- [strip back-link\n# Heading] line 2: Back to top

=> 0

% pagewash emit --format diff
{"id":"x -->\n# Injected","source":"a\nb.txt","text":"Opening hours","schema_version":"1.1","stages":["strip","segment"],"blocks":[{"type":"paragraph","text":"Opening hours","line":1}],"removed":[{"stage":"strip","rule":"back-link\n# Heading","text":"Back to top","line":2}]}
^D
--- x -->\n# Injected (a\nb.txt)
      1  Opening hours
-     2  Back to top  [strip back-link\n# Heading]

=> 0

# So does text without --explain on emit, and an id that is plain.
% pagewash emit --format text
{"id":"page-1","source":"a\nb.txt","text":"Opening hours","schema_version":"1.1","stages":["strip","segment"],"blocks":[{"type":"paragraph","text":"Opening hours","line":1}],"removed":[{"stage":"strip","rule":"back-link\n# Heading","text":"Back to top","line":2}]}
^D
Opening hours

Removed:
- [strip back-link\n# Heading] line 2: Back to top

=> 0

# Ordinary ids are written as they are.
% pagewash clean --format markdown --id my-page_2.0
Opening hours
^D
<!-- my-page_2.0 -->

Opening hours

=> 0
