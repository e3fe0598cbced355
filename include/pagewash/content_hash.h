// Content hashes: the "hash" of every document, section and block that emit
// writes, and what a manifest (manifest.h) keeps of a document so that the
// change feed (change_feed.h) can tell what changed between two runs.
//
// A hash is XXH3-64 over the fields that make the content, each string
// followed by a 0 byte (so ("ab", "c") and ("a", "bc") differ) and each
// number as its 8 bytes:
//
//   block:    type ("paragraph" or "list_item"), text
//   section:  heading ("" before the first heading), level (0 then), the
//             hashes of its blocks
//   document: title, each metadata key and value, the hashes of its sections
//
// It is written as 16 lower-case hex digits (HashText). The same content
// gives the same hash on every run and machine (little-endian ones: the
// numbers go in as their bytes); a test pins known values, so a change to
// what goes in is seen as one.
//
// Hashing keeps its XXH3 state on the stack and HashText its digits in a
// fixed buffer: emitting a document allocates nothing per block for them.
#ifndef PAGEWASH_CONTENT_HASH_H_
#define PAGEWASH_CONTENT_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pagewash/document.h"

namespace pagewash {

/// A block's "type" as emit and the change feed write it and as its hash
/// takes it in: "list_item" or "paragraph".
std::string_view OutputBlockType(const Block& block);

/// A hash as written: 16 lower-case hex digits, in a fixed buffer, for
/// writers that write a hash a block and should not allocate a string each.
/// view() is valid while the HashText lives.
class HashText {
 public:
  explicit HashText(std::uint64_t hash) {
    constexpr char kHex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i, hash >>= 4) digits_[i] = kHex[hash & 0xF];
  }
  std::string_view view() const { return std::string_view(digits_, sizeof digits_); }

 private:
  char digits_[16];
};

/// The same digits as a string.
std::string HashString(std::uint64_t hash);

/// Reads a hash as HashText writes it: exactly 16 hex digits (either case).
/// Returns false, leaving *hash unspecified, for anything else.
bool ParseHashText(std::string_view text, std::uint64_t* hash);

/// The hashes of one section: what a manifest keeps of it.
struct SectionHashes {
  std::uint64_t hash = 0;
  std::string heading;                ///< Empty for the section before the first heading.
  std::vector<std::uint64_t> blocks;  ///< Its blocks' hashes, in page order.
};

/// The hashes of a segmented document: what a manifest keeps of it.
struct DocumentHashes {
  std::string id;
  std::uint64_t hash = 0;
  std::vector<SectionHashes> sections;  ///< In the order of BuildSections.
};

/// The hash of one block, as emit writes it.
std::uint64_t BlockHash(const Document& doc, const Block& block);

/// Hashes `doc` as emit writes it (sections from BuildSections).
DocumentHashes ComputeHashes(const Document& doc);
/// The same, for a caller that already has BuildSections(doc): the result's
/// sections and their block hashes are in the order of `sections`.
DocumentHashes ComputeHashes(const Document& doc, const std::vector<Section>& sections);

/// The hashes of ComputeHashes in flat arrays, for a writer that keeps them
/// across documents (emit): no allocation once they have grown.
struct FlatHashes {
  std::uint64_t hash = 0;
  std::vector<std::uint64_t> sections;  ///< By section, in the order of `spans`.
  std::vector<std::uint64_t> blocks;    ///< By index into Document::blocks; 0 for headings.
};

/// Hashes `doc` as ComputeHashes(doc) does, its sections being `spans`
/// (BuildSectionSpans(doc)), into *out.
void ComputeFlatHashes(const Document& doc, const std::vector<SectionSpan>& spans, FlatHashes* out);

}  // namespace pagewash

#endif  // PAGEWASH_CONTENT_HASH_H_
