// Stage 2 of 4: dedup drops paragraphs, list items and headings that repeat
// an earlier one in the same document.
//
// Units are compared by a 64-bit XXH3 fingerprint of a normalised key: NFKC
// case-folded, with punctuation, symbols, spacing and invisible characters
// ignored (so "Back  to Top!" and "back to top" are one paragraph). Before
// segment a unit is a logical paragraph, which may span several wrapped
// lines; after segment, a block. The first occurrence is kept.
//
// Collision policy: two different paragraphs with the same 64-bit
// fingerprint would be taken as duplicates. At a million distinct paragraphs
// in one document the chance of any collision is about 3e-8; pagewash
// accepts it rather than store every paragraph.
#ifndef PAGEWASH_DEDUP_H_
#define PAGEWASH_DEDUP_H_

#include <cstddef>

#include "pagewash/document.h"

namespace pagewash {

struct DedupOptions {
  /// Units with fewer words than this are never dropped: a repeated "Yes"
  /// or "Poland" is more often content than an accident of the crawl.
  std::size_t min_words = 2;
  /// Keep each removed unit in Document::removed, naming the block it repeats.
  bool explain = false;
};

/// Returns `doc` without repeated units. Adds "dedup" to doc.stages and
/// counts removed blocks in doc.stats.duplicates. Never fails.
Document RemoveDuplicateParagraphs(Document doc, const DedupOptions& options);

}  // namespace pagewash

#endif  // PAGEWASH_DEDUP_H_
