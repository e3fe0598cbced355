// The dedup ledger: which document owns each paragraph fingerprint, kept
// between runs for re-ingestion (`pagewash dedup --state FILE`).
//
// A document that comes again (same id) first releases every fingerprint it
// owned, so its own earlier paragraphs never count as duplicates and the ones
// it no longer has are free for others. Then each of its paragraphs is
// claimed, unless another document owns it: that one is a duplicate.
//
// Ledgers of separate runs (shards, machines) merge by replaying them in the
// order given, documents in the order each ledger first saw them: the first
// claim wins, as in one run over the shards in that order.
//
// The file is text: a header with the format version, the documents (JSON
// strings, in order), the fingerprints (hex, with their owner's number and the
// paragraph's line there), and a last line with the XXH3 checksum of
// everything before it:
//
//   pagewash ledger 1
//   documents 2
//   "a"
//   "b"
//   fingerprints 3
//   ae5029da9f6b961b 0 1
//   aed3923fa5759ba3 0 3
//   503ea19c5715df3c 1 1
//   checksum 6f1c2a9d8e7b3c40
#ifndef PAGEWASH_LEDGER_H_
#define PAGEWASH_LEDGER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pagewash/result.h"

namespace pagewash {

class Ledger {
 public:
  /// Starts (or restarts) document `id`: releases what it owned before and
  /// returns its number.
  std::uint32_t BeginDocument(std::string_view id);

  struct Owner {
    std::uint32_t doc = 0;
    std::uint32_t line = 0;  ///< Input line of the paragraph there.
  };
  /// Claims `fingerprint` for document `doc`, whose paragraph is at `line`.
  /// Returns true if `doc` now owns it; false if another document does (then
  /// *owner says which, and where).
  bool Claim(std::uint64_t fingerprint, std::uint32_t doc, std::uint32_t line, Owner* owner);

  std::string_view DocumentId(std::uint32_t doc) const { return ids_[doc]; }
  std::size_t documents() const { return ids_.size(); }
  std::size_t fingerprints() const { return owner_.size(); }

  /// The file form, checksum included. Deterministic.
  std::string Serialize() const;
  /// Reads the file form. A foreign file, another version or a checksum
  /// that does not match gives InvalidInput naming `source`.
  static Result<Ledger> Parse(std::string_view text, std::string_view source);

  /// Adds `other`'s documents and claims after this ledger's, first claim
  /// winning; a document id known here is re-ingested (its old claims go).
  void MergeFrom(const Ledger& other);

 private:
  std::vector<std::string> ids_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  std::unordered_map<std::uint64_t, Owner> owner_;
  std::vector<std::vector<std::uint64_t>> claims_;  // Per document, in claim order.
};

}  // namespace pagewash

#endif  // PAGEWASH_LEDGER_H_
