// Stage 3 of 4: segment recovers the structure a reader sees in plain text:
// headings, paragraphs and list items, and the page's title.
//
// Lines are grouped into units (see the layout rules in src/layout.h):
// wrapped lines are joined into one paragraph, list items lose their bullet
// or number (kept as Block::marker) and keep their order. A unit is a
// heading when it is one short line (at most max_heading_words words) that
// starts a paragraph, begins with a capital, a digit or a caseless letter,
// does not end like a sentence (. ! ; : ,) and is followed by more text. A
// question may be a heading (FAQ pages); a line ending in ':' introduces
// what follows and is a paragraph. A numbered line ("2.1 Scope", "IV.
// Results") is a heading rather than a list item when it is short, has no
// closing punctuation and is not followed by another numbered line.
//
// Levels: the title is 1; a section label directly above the title (a
// heading with nothing under it, as in "International Cooperation" above
// "International Police Cooperation") is 1 too; other headings are 2, or
// 1 + the depth of their number ("2.1" is 3).
//
// The title is the first heading, or the heading right after a label.
// metadata.language and language_score are set (unless the input had a
// language) by AddLanguageMetadata (language.h).
#ifndef PAGEWASH_SEGMENT_H_
#define PAGEWASH_SEGMENT_H_

#include <cstddef>

#include "pagewash/document.h"

namespace pagewash {

struct SegmentOptions {
  /// Longest line, in words, that may be a heading.
  std::size_t max_heading_words = 16;
  /// Longest line, in characters, that may be a heading.
  std::size_t max_heading_chars = 150;
};

/// Returns `doc` with its kLine blocks turned into headings, paragraphs and
/// list items, and doc.title set when it was empty. Blocks already segmented
/// are left as they are, so segment is idempotent. Adds "segment" to
/// doc.stages. Never fails.
Document SegmentSections(Document doc, const SegmentOptions& options);

}  // namespace pagewash

#endif  // PAGEWASH_SEGMENT_H_
