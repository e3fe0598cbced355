// Content hashes and change feeds, for scripts that re-ingest pages when they
// change and want to re-index only what changed.
//
// Every document, section and block of the output carries a stable content
// hash (16 hex digits of XXH3): a block's of its type and text; a section's
// of its heading, level and blocks; a document's of its title, metadata and
// sections. The same content gives the same hash on any machine and run.
//
// `pagewash emit --changes-since MANIFEST` writes, instead of documents, one
// change record per document against the manifest of an earlier run:
//
//   {"id":"about","change":"changed","hash":"…","previous_hash":"…",
//    "sections":{"added":[…],"removed":[…],"changed":[…]},
//    "blocks":{"added":[{"hash":"…","section":"Opening hours","type":"paragraph","text":"…"}],
//              "removed":["…"]}}
//
// "change" is "added" (not in the manifest), "changed" or "unchanged" (then
// only id and hash are written). Sections are matched by heading: one present
// on both sides with another hash is "changed". Blocks are matched by hash.
// The manifest is then rewritten, atomically, with these documents' hashes
// (documents not in this run keep their entries), under a lock (StateLock)
// held from before it is read.
//
// The manifest is JSON Lines: a header with the format version, one line per
// document in id order, and a last line with the XXH3 checksum of every byte
// before it, so that a manifest cut short or changed is refused, never
// taken as the truth and rewritten:
//
//   {"pagewash_manifest":2}
//   {"id":"about","hash":"…","sections":[{"hash":"…","heading":"…","blocks":["…"]}]}
//   {"checksum":"6f1c2a9d8e7b3c40"}
//
// Version 1 (no checksum) is still read, and written back as version 2.
#ifndef PAGEWASH_MANIFEST_H_
#define PAGEWASH_MANIFEST_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pagewash/document.h"
#include "pagewash/result.h"

namespace pagewash {

/// A content hash as written: 16 lower-case hex digits.
std::string HashString(std::uint64_t hash);

/// The same digits in a fixed buffer, for writers that emit a hash a block
/// and should not allocate a string each. view() is valid while the
/// HashText lives.
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

struct BlockHashes {
  std::uint64_t hash = 0;
};

struct SectionHashes {
  std::uint64_t hash = 0;
  std::string heading;  // Empty for the section before the first heading.
  std::vector<std::uint64_t> blocks;
};

/// The hashes of a segmented document: what a manifest keeps of it.
struct DocumentHashes {
  std::string id;
  std::uint64_t hash = 0;
  std::vector<SectionHashes> sections;
};

/// Hashes `doc` as emit writes it (sections from BuildSections).
DocumentHashes ComputeHashes(const Document& doc);
/// The same, for a caller that already has BuildSections(doc): the result's
/// sections and their block hashes are in the order of `sections`.
DocumentHashes ComputeHashes(const Document& doc, const std::vector<Section>& sections);

/// The hash of one block, as emit writes it.
std::uint64_t BlockHash(const Document& doc, const Block& block);

class Manifest {
 public:
  /// Reads a manifest; errors name the file and line. A foreign file,
  /// another version or a checksum that does not match gives InvalidInput.
  static Result<Manifest> Parse(std::string_view text, std::string_view source);
  /// JSON Lines: a header line, one line per document in id order, the
  /// checksum line. Deterministic.
  std::string Serialize() const;

  const DocumentHashes* Find(std::string_view id) const;
  void Put(DocumentHashes entry);

 private:
  std::map<std::string, DocumentHashes, std::less<>> entries_;
};

/// Appends the change record of `doc` (hashed as `now`, by ComputeHashes)
/// against `before` (nullptr when the manifest does not have it) to *out,
/// with a newline.
void AppendChangeRecord(const Document& doc, const DocumentHashes& now, const DocumentHashes* before,
                        std::string* out);
}  // namespace pagewash

#endif  // PAGEWASH_MANIFEST_H_
