// The change feed: what `--changes-since MANIFEST` writes instead of
// documents, for scripts that re-ingest pages and want to re-index only what
// changed. One record per document, against the manifest (manifest.h) of an
// earlier run:
//
//   {"id":"about","change":"changed","hash":"…","previous_hash":"…",
//    "sections":{"added":[…],"removed":[…],"changed":[…]},
//    "blocks":{"added":[{"hash":"…","section":"Opening hours","type":"paragraph","text":"…"}],
//              "removed":["…"]}}
//
// "change" is "added" (not in the manifest), "changed" or "unchanged" (then
// only id and hash are written). Sections are matched by heading (and, among
// sections of one heading, by occurrence): one on both sides with another
// hash is "changed". A section is written {"heading":…,"hash":…}, its heading
// null before the first heading. Blocks are matched by hash, copy for copy.
//
// It is two steps: DiffHashes, a pure function of two DocumentHashes, says
// what changed (DocumentChanges); WriteChangeRecord writes that as the JSON
// line above. AppendChangeRecord does both for a driver and moves the
// manifest on.
#ifndef PAGEWASH_CHANGE_FEED_H_
#define PAGEWASH_CHANGE_FEED_H_

#include <cstdint>
#include <string>
#include <vector>

#include "pagewash/content_hash.h"
#include "pagewash/document.h"
#include "pagewash/manifest.h"

namespace pagewash {

/// What became of a document since the manifest.
enum class DocumentChange : std::uint8_t { kAdded, kChanged, kUnchanged };

/// A section the feed names: its heading, which section of that heading it
/// is, and its hash.
struct SectionChange {
  std::string heading;     ///< Empty for the section before the first heading.
  int occurrence = 0;      ///< 0 for the first section of this heading, 1 for the next...
  std::uint64_t hash = 0;  ///< Its hash now (added, changed) or before (removed).
  bool operator==(const SectionChange&) const = default;
};

/// A block of the current document, by its place in DocumentHashes::sections.
struct BlockPlace {
  std::uint32_t section = 0;  ///< Index into DocumentHashes::sections.
  std::uint32_t block = 0;    ///< Index into that section's blocks.
  std::uint64_t hash = 0;
  bool operator==(const BlockPlace&) const = default;
};

/// The difference between a document's hashes now and in the manifest.
/// With kUnchanged every list is empty.
struct DocumentChanges {
  DocumentChange change = DocumentChange::kAdded;
  std::uint64_t hash = 0;           ///< The document's hash now.
  std::uint64_t previous_hash = 0;  ///< Its hash in the manifest; 0 with kAdded.
  /// Sections now that the manifest does not have, in page order.
  std::vector<SectionChange> sections_added;
  /// Sections of the manifest that are gone, by heading, then occurrence.
  std::vector<SectionChange> sections_removed;
  /// Sections on both sides whose hash differs, by heading, then occurrence.
  std::vector<SectionChange> sections_changed;
  /// Blocks now with no unmatched copy of their hash in the manifest, in page order.
  std::vector<BlockPlace> blocks_added;
  /// Hashes of the manifest's blocks with no copy now, ascending, one per
  /// copy gone.
  std::vector<std::uint64_t> blocks_removed;
};

/// What changed from `before` (nullptr: the manifest does not have the
/// document) to `now`. Pure: reads only its arguments.
DocumentChanges DiffHashes(const DocumentHashes& now, const DocumentHashes* before);

/// Appends the change record of `doc` to *out, with a newline.
/// REQUIRES: `sections` is BuildSections(doc) and `changes` was computed from
/// ComputeHashes(doc, sections), whose places blocks_added names.
void WriteChangeRecord(const Document& doc, const std::vector<Section>& sections,
                       const DocumentChanges& changes, std::string* out);

/// Hashes `doc`, appends its change record against *manifest to *out and
/// puts its hashes into *manifest, for the next document and the next run.
void AppendChangeRecord(const Document& doc, Manifest* manifest, std::string* out);

}  // namespace pagewash

#endif  // PAGEWASH_CHANGE_FEED_H_
