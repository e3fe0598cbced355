# A raw page on stdin through clean: a cookie notice and its button, a
# "Back to top" line, a repeated paragraph, a heading and a list.

% pagewash clean
We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
Accept all

How to apply

Fill in the form and send it by 1 March.

Fill in the form and send it by 1 March.

You will need:
  • your ID card;
  • a photo.

Back to top
^D
{"id":"stdin","source":"<stdin>","title":"How to apply","hash":"e9a626edac90feb1","sections":[{"hash":"dea794969b0687d8","heading":"How to apply","level":1,"path":["How to apply"],"blocks":[{"hash":"ce9561bcfa1e6b98","type":"paragraph","text":"Fill in the form and send it by 1 March."},{"hash":"809acd6ce503cc00","type":"paragraph","text":"You will need:"},{"hash":"ba4f383e20436424","type":"list_item","text":"your ID card;","ordered":false,"marker":"•"},{"hash":"f873726d09860c2a","type":"list_item","text":"a photo.","ordered":false,"marker":"•"}]}],"metadata":{"language":"en","language_score":0.98},"text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n\nyour ID card;\na photo.","schema_version":"1.1","stats":{"input_bytes":278,"input_lines":9,"invalid_utf8":0,"stripped":3,"duplicates":1}}
=> 0

% pagewash clean --format markdown
We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
Accept all

How to apply

Fill in the form and send it by 1 March.

Fill in the form and send it by 1 March.

You will need:
  • your ID card;
  • a photo.

Back to top
^D
<!-- stdin -->

# How to apply

Fill in the form and send it by 1 March.

You will need:

- your ID card;
- a photo.

=> 0

% pagewash clean --format text
We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
Accept all

How to apply

Fill in the form and send it by 1 March.

Fill in the form and send it by 1 March.

You will need:
  • your ID card;
  • a photo.

Back to top
^D
How to apply

Fill in the form and send it by 1 March.

You will need:

your ID card;
a photo.

=> 0

% pagewash clean --explain
We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
Accept all

How to apply

Fill in the form and send it by 1 March.

Fill in the form and send it by 1 March.

You will need:
  • your ID card;
  • a photo.

Back to top
^D
{"id":"stdin","source":"<stdin>","title":"How to apply","hash":"e9a626edac90feb1","sections":[{"hash":"dea794969b0687d8","heading":"How to apply","level":1,"path":["How to apply"],"blocks":[{"hash":"ce9561bcfa1e6b98","type":"paragraph","text":"Fill in the form and send it by 1 March."},{"hash":"809acd6ce503cc00","type":"paragraph","text":"You will need:"},{"hash":"ba4f383e20436424","type":"list_item","text":"your ID card;","ordered":false,"marker":"•"},{"hash":"f873726d09860c2a","type":"list_item","text":"a photo.","ordered":false,"marker":"•"}]}],"metadata":{"language":"en","language_score":0.98},"text":"How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n\nyour ID card;\na photo.","schema_version":"1.1","stats":{"input_bytes":278,"input_lines":9,"invalid_utf8":0,"stripped":3,"duplicates":1},"removed":[{"stage":"strip","rule":"cookie-notice","text":"We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.","line":1,"span":[0,104]},{"stage":"strip","rule":"consent-button","text":"Accept all","line":2,"span":[105,115]},{"stage":"strip","rule":"back-link","text":"Back to top","line":14,"span":[266,277]},{"stage":"dedup","rule":"exact-duplicate","text":"Fill in the form and send it by 1 March.","line":8,"span":[173,213],"duplicate_of":{"id":"stdin","line":6}}]}
=> 0

% pagewash clean --format markdown --explain
We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
Accept all

How to apply

Fill in the form and send it by 1 March.

Fill in the form and send it by 1 March.

You will need:
  • your ID card;
  • a photo.

Back to top
^D
<!-- stdin -->

# How to apply

Fill in the form and send it by 1 March.

You will need:

- your ID card;
- a photo.

Removed:
- [strip cookie-notice] line 1: We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
- [strip consent-button] line 2: Accept all
- [strip back-link] line 14: Back to top
- [dedup exact-duplicate] line 8: Fill in the form and send it by 1 March.

=> 0

% pagewash clean --format text --explain
We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
Accept all

How to apply

Fill in the form and send it by 1 March.

Fill in the form and send it by 1 March.

You will need:
  • your ID card;
  • a photo.

Back to top
^D
How to apply

Fill in the form and send it by 1 March.

You will need:

your ID card;
a photo.

Removed:
- [strip cookie-notice] line 1: We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
- [strip consent-button] line 2: Accept all
- [strip back-link] line 14: Back to top
- [dedup exact-duplicate] line 8: Fill in the form and send it by 1 March.

=> 0

% pagewash clean --pretty
We use cookies to improve your experience on our website. By continuing, you agree to our cookie policy.
Accept all

How to apply

Fill in the form and send it by 1 March.

Fill in the form and send it by 1 March.

You will need:
  • your ID card;
  • a photo.

Back to top
^D
{
  "id": "stdin",
  "source": "<stdin>",
  "title": "How to apply",
  "hash": "e9a626edac90feb1",
  "sections": [
    {
      "hash": "dea794969b0687d8",
      "heading": "How to apply",
      "level": 1,
      "path": [
        "How to apply"
      ],
      "blocks": [
        {
          "hash": "ce9561bcfa1e6b98",
          "type": "paragraph",
          "text": "Fill in the form and send it by 1 March."
        },
        {
          "hash": "809acd6ce503cc00",
          "type": "paragraph",
          "text": "You will need:"
        },
        {
          "hash": "ba4f383e20436424",
          "type": "list_item",
          "text": "your ID card;",
          "ordered": false,
          "marker": "•"
        },
        {
          "hash": "f873726d09860c2a",
          "type": "list_item",
          "text": "a photo.",
          "ordered": false,
          "marker": "•"
        }
      ]
    }
  ],
  "metadata": {
    "language": "en",
    "language_score": 0.98
  },
  "text": "How to apply\n\nFill in the form and send it by 1 March.\n\nYou will need:\n\nyour ID card;\na photo.",
  "schema_version": "1.1",
  "stats": {
    "input_bytes": 278,
    "input_lines": 9,
    "invalid_utf8": 0,
    "stripped": 3,
    "duplicates": 1
  }
}
=> 0
