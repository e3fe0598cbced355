// The manifest: the content hashes (content_hash.h) of every document an
// earlier run wrote, kept between runs so that `--changes-since MANIFEST`
// can say what changed since (change_feed.h).
//
// After a run, the manifest is rewritten, atomically, with this run's
// documents' hashes (documents not in this run keep their entries), under a
// lock (StateLock) held from before it is read.
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

#include <map>
#include <string>
#include <string_view>

#include "pagewash/content_hash.h"
#include "pagewash/result.h"

namespace pagewash {

/// The hashes of the documents of earlier runs, by id.
class Manifest {
 public:
  /// Reads a manifest; errors name the file and line. A foreign file,
  /// another version or a checksum that does not match gives InvalidInput.
  static Result<Manifest> Parse(std::string_view text, std::string_view source);
  /// JSON Lines: a header line, one line per document in id order, the
  /// checksum line. Deterministic.
  std::string Serialize() const;

  /// The entry of `id`, or nullptr. Valid until the next Put.
  const DocumentHashes* Find(std::string_view id) const;
  /// Adds or replaces the entry of entry.id.
  void Put(DocumentHashes entry);

 private:
  std::map<std::string, DocumentHashes, std::less<>> entries_;
};

}  // namespace pagewash

#endif  // PAGEWASH_MANIFEST_H_
