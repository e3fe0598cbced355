# --signals adds metadata.signals: the counts and ratios of the Gopher and C4
# quality filters, on the clean text (docs/signals.md defines each). Here a
# list of two bullets, an ellipsis and a hash tag; the repeated sentence is
# gone (dedup) before the signals are taken, so no repetition is left.
% pagewash clean --signals --pretty --id signals
Deals

the cat sat on the mat.

• one...
• two #tag

the cat sat on the mat.
^D
{
  "id": "signals",
  "source": "<stdin>",
  "title": "Deals",
  "hash": "877336f58995177c",
  "sections": [
    {
      "hash": "c796e31e0f14edab",
      "heading": "Deals",
      "level": 1,
      "path": [
        "Deals"
      ],
      "blocks": [
        {
          "hash": "d3cab6c2a189c342",
          "type": "paragraph",
          "text": "the cat sat on the mat."
        },
        {
          "hash": "3daed6bf887ae9e3",
          "type": "list_item",
          "text": "one...",
          "ordered": false,
          "marker": "•"
        },
        {
          "hash": "1394858a732b86e3",
          "type": "list_item",
          "text": "two #tag",
          "ordered": false,
          "marker": "•"
        }
      ]
    }
  ],
  "metadata": {
    "language": "en",
    "language_score": 0.97,
    "signals": {
      "characters": 47,
      "words": 10,
      "mean_word_length": 3.6,
      "hash_word_ratio": 0.1,
      "ellipsis_word_ratio": 0.1,
      "lines": 4,
      "lines_ending_with_ellipsis": 0.25,
      "lines_starting_with_bullet": 0.5,
      "lines_ending_with_terminal_punctuation": 0.5,
      "duplicate_lines": 0,
      "duplicate_line_chars": 0,
      "paragraphs": 3,
      "duplicate_paragraphs": 0,
      "duplicate_paragraph_chars": 0,
      "top_2gram_chars": 0,
      "top_3gram_chars": 0,
      "top_4gram_chars": 0,
      "duplicate_5gram_chars": 0,
      "duplicate_6gram_chars": 0,
      "duplicate_7gram_chars": 0,
      "duplicate_8gram_chars": 0,
      "duplicate_9gram_chars": 0,
      "duplicate_10gram_chars": 0,
      "gopher_stop_words": 1,
      "stop_word_ratio": 0.5,
      "alphabetic_words": 1,
      "curly_brackets": 0,
      "lorem_ipsum": false
    }
  },
  "text": "Deals\n\nthe cat sat on the mat.\n\none...\ntwo #tag",
  "schema_version": "1.1",
  "stats": {
    "input_bytes": 81,
    "input_lines": 5,
    "invalid_utf8": 0,
    "stripped": 0,
    "duplicates": 1
  }
}
=> 0

# In any format but JSON, --signals changes nothing.
% pagewash clean --signals --format text --id signals
Deals

We sell fresh bread every morning from seven.
^D
Deals

We sell fresh bread every morning from seven.

=> 0
