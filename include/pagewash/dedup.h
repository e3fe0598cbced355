// Stage 2 of 4: dedup drops paragraphs, list items and headings that repeat
// an earlier one: in the same document (the default), or anywhere earlier in
// the run (--scope stream).
//
// Units are compared by a 64-bit XXH3 fingerprint of a normalised key: NFKC
// case-folded, with punctuation, symbols, spacing and invisible characters
// ignored (so "Back  to Top!" and "back to top" are one paragraph). Before
// segment a unit is a logical paragraph, which may span several wrapped
// lines; after segment, a block. The first occurrence in input order is
// kept, whatever the options.
//
// Within a document, a unit that is nearly the same as an earlier one (a word
// changed) is dropped too: the Jaccard similarity of their sets of word
// pairs, estimated by one-permutation MinHash in 64 bins, is at least
// near_threshold. The signatures are indexed by band (locality-sensitive
// hashing, 32 bands of 2 bins), so a unit is compared only with the earlier
// ones that share a band with it (at most the 32 newest of each band's
// bucket, so that a word pair common to thousands of short paragraphs does
// not make them all candidates): linear in the number of units, and a pair
// at the default threshold is missed with probability about 5e-10. So is
// a title repeated and glued to a caption fragment ("glued-repeat"); a
// heading followed by a paragraph that begins with its words is not one.
//
// Collision policy: two different paragraphs with the same 64-bit
// fingerprint would be taken as duplicates. Among ten million distinct
// paragraphs the chance of any collision is about 3e-6; pagewash accepts it
// rather than store every paragraph.
#ifndef PAGEWASH_DEDUP_H_
#define PAGEWASH_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pagewash/document.h"
#include "pagewash/ledger.h"
#include "pagewash/result.h"

namespace pagewash {

/// The fingerprints seen so far in a run: the state of --scope stream. The
/// table is split by the fingerprint's top byte into 256 open-addressing
/// shards, each kept at most 85% full and grown by half on its own: 8 bytes
/// a fingerprint, so 9.4 to 14 bytes a distinct paragraph, and a growth
/// holds only one small shard twice, never the whole table. With `audit`,
/// each fingerprint also keeps the document and line that first had it (16
/// bytes a slot), and the index keeps every document's id, so an explained
/// removal can name them; without it no id is kept.
class SeenIndex {
 public:
  explicit SeenIndex(bool audit = false);

  /// Registers a document and returns its number.
  std::uint32_t AddDocument(std::string_view id);
  /// The id of document `number`. REQUIRES: audit().
  std::string_view DocumentId(std::uint32_t number) const { return ids_[number]; }

  struct First {
    bool seen_before = false;
    std::uint32_t owner = 0;  ///< With audit: the document that first had it.
    std::uint32_t line = 0;   ///< With audit: its input line there.
  };
  /// Records `fingerprint` for document `owner` at `line` unless it is there
  /// already, and says whether it was.
  First Insert(std::uint64_t fingerprint, std::uint32_t owner, std::uint32_t line);

  std::size_t size() const { return size_; }
  bool audit() const { return audit_; }
  /// Bytes held by the table (for the memory benchmark).
  std::size_t MemoryBytes() const;

 private:
  struct Shard {
    std::vector<std::uint64_t> keys;    // 0 = empty.
    std::vector<std::uint32_t> owners;  // Empty unless auditing.
    std::vector<std::uint32_t> lines;   // Empty unless auditing.
    std::size_t size = 0;
  };
  static constexpr std::size_t kShardBits = 8;

  static bool Place(Shard* shard, std::uint64_t fingerprint, std::uint32_t owner, std::uint32_t line,
                    bool audit, First* first);
  void Grow(Shard* shard);

  std::vector<Shard> shards_;
  bool audit_;
  std::size_t size_ = 0;
  std::uint32_t documents_ = 0;
  std::vector<std::string> ids_;  // Empty unless auditing.
};

/// Units to drop, by document id and position: the result of grouping
/// `dedup --fingerprints` output outside pagewash.
struct DropList {
  std::unordered_set<std::string> entries;  // "ID\tPOSITION"
  bool Contains(std::string_view id, std::size_t position) const;
};

/// Reads a drop list's text: "ID<TAB>POSITION" lines, or whole
/// "FINGERPRINT<TAB>ID<TAB>POSITION" lines of --fingerprints (the last two
/// fields are used; the id as --fingerprints escapes it). Errors name
/// `source` and the line.
Result<DropList> ParseDropList(std::string_view text, std::string_view source);

/// What dedup did, summed over the documents of a run (for --stats).
struct DedupCounters {
  std::uint64_t documents = 0;
  std::uint64_t units_in = 0;
  std::uint64_t units_out = 0;
  std::uint64_t exact = 0;
  std::uint64_t near = 0;
  std::uint64_t dropped_by_list = 0;
  /// Pairs of units whose near-duplicate signatures were compared. Units are
  /// compared only with those that share a band of their signature, and
  /// with at most the 32 newest of each band's bucket, so this grows with
  /// the number of units, not with its square, whatever their text.
  std::uint64_t near_comparisons = 0;
};

enum class DedupScope { kDocument, kStream };

struct DedupOptions {
  DedupScope scope = DedupScope::kDocument;
  /// Units with fewer words than this are never dropped: a repeated "Yes"
  /// or "Poland" is more often content than an accident of the crawl.
  std::size_t min_words = 2;
  /// Jaccard similarity of word pairs from which a unit is a near duplicate
  /// of an earlier one in the same document; 0 turns near duplicates off.
  /// Only units of at least 8 words are compared. Tuned on testdata: 0.6 to
  /// 0.8 find the same near duplicates in the corpus and nothing else; 0.7
  /// also catches one changed word in a sentence of a dozen words.
  double near_threshold = 0.7;
  /// Keep each removed unit in Document::removed, naming the block it repeats.
  bool explain = false;
  /// Units to drop whatever they are (the --drop-list recipe): read only,
  /// shared by every document of a run. Not owned.
  const DropList* drop_list = nullptr;
};

/// What dedup reads and writes across the documents of a run, apart from
/// its settings: the caller owns each and keeps it for the whole run; dedup
/// calls on them one document at a time (not safe from two threads at once).
struct DedupState {
  /// For kStream: the fingerprints of the run so far. Required when scope is
  /// kStream and there is no ledger (see ValidateDedup).
  SeenIndex* index = nullptr;
  /// Ownership kept between runs (--state): when set, paragraphs owned by
  /// another document are duplicates, and this document's earlier claims are
  /// released first. Takes the place of `index`.
  Ledger* ledger = nullptr;
  /// Added to when set.
  DedupCounters* counters = nullptr;
};

/// InvalidArgument when `state` lacks what `options` need: scope kStream
/// with neither an index nor a ledger. Callers check it when they set up a
/// run (Run does, for the dedup stage); the functions below require it.
Status ValidateDedup(const DedupOptions& options, const DedupState& state);

/// Returns `doc` without repeated units. Adds "dedup" to doc.stages and
/// counts removed blocks in doc.stats.duplicates. Never fails.
/// REQUIRES: ValidateDedup(options, state).ok() (checked by assert).
Document RemoveDuplicateParagraphs(Document doc, const DedupOptions& options, const DedupState& state = {});

/// One unit of a document as the fingerprint listing sees it.
struct UnitFingerprint {
  std::uint64_t fingerprint = 0;  ///< Never 0.
  std::uint32_t position = 0;     ///< Counting the document's units from 0.
  std::uint32_t line = 0;         ///< Input line of the unit's first line.
};

/// The units of `doc` of at least `min_words` words, in order, with their
/// fingerprints: what AppendFingerprints writes, for a caller that groups
/// them itself (a distributed shuffle). Taking every unit whose fingerprint
/// came earlier in input order (an earlier document, or earlier in this
/// one) as the drop list gives, after dedup with scope kDocument and the
/// same min_words and near_threshold, the documents --scope stream gives.
std::vector<UnitFingerprint> UnitFingerprints(const Document& doc, std::size_t min_words);

/// The part of dedup that reads one document only, worked out ahead: each
/// unit's fingerprint, word count, text and key, and its near-duplicate
/// signature. With --scope stream and --state, dedup's decisions read and
/// write state shared by the run (the seen index, the ledger), so they must
/// be made one document at a time, in input order; preparing the units is
/// most of the work and may run on any thread, for several documents at once.
///
///   RemoveDuplicateParagraphs(doc, PrepareUnits(doc, options), options, state)
///
/// gives exactly what RemoveDuplicateParagraphs(doc, options, state) gives, and
/// makes the same calls on the index, the ledger and the counters.
struct PreparedUnits {
  struct Unit {
    std::uint32_t first = 0;  ///< Blocks [first, last] of the document.
    std::uint32_t last = 0;
    std::uint64_t fingerprint = 0;  ///< 0: the unit has no words.
    std::uint32_t words = 0;
    std::uint32_t text_begin = 0;  ///< Its text, then its key, in `texts`.
    std::uint32_t text_size = 0;
    std::uint32_t key_size = 0;
    std::uint32_t signature = 0;  ///< 1 + its index in `signatures`; 0: none.
  };
  std::vector<Unit> units;
  std::string texts;
  std::vector<std::uint32_t> signatures;  ///< 64 values a signature.
  /// Empty, or where the first key ICU could not fold was, and why (see
  /// Document::problem()).
  std::string problem;

  /// Empties it, keeping the capacity of its buffers.
  void Clear();
};

/// Fills *out with the units of `doc` (see PreparedUnits). Reads only `doc`
/// and `options.near_threshold`: safe on any thread.
void PrepareUnits(const Document& doc, const DedupOptions& options, PreparedUnits* out);

/// RemoveDuplicateParagraphs with the units of `doc` prepared by
/// PrepareUnits(doc, options, ...). REQUIRES: ValidateDedup(options, state).ok().
Document RemoveDuplicateParagraphs(Document doc, const PreparedUnits& prepared, const DedupOptions& options,
                                   const DedupState& state = {});

/// Appends one line per unit of `doc` to *out, "FINGERPRINT\tID\tPOSITION"
/// (fingerprint as 16 hex digits, position counting units from 0), for
/// grouping outside pagewash; units of fewer than `min_words` words are left
/// out. Positions are the ones --drop-list reads.
void AppendFingerprints(const Document& doc, std::size_t min_words, std::string* out);

}  // namespace pagewash

#endif  // PAGEWASH_DEDUP_H_
