#include "pagewash/dedup.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <array>
#include <limits>

#include "layout.h"
#include "removal.h"
#include "scratch.h"
#include "text/tokenize.h"
#include "text/lines.h"
#include "text/tsv.h"

namespace pagewash {
namespace {

constexpr std::size_t kMinHashes = 64;
constexpr std::size_t kNearMinWords = 8;

using Signature = std::array<std::uint32_t, kMinHashes>;

// One-permutation MinHash of the unit's word pairs: each pair's hash goes
// to one of 64 bins by its top bits, and a bin keeps the least hash it got.
// One hash per pair, not 64; the share of bins two units agree on, among
// the bins either filled, estimates the Jaccard similarity of their pairs.
// `previous` is the hash of the word before t's first (a long unit comes
// in parts), `have_previous` whether there is one.
void AddMinHashes(const text::TokenizedText& t, bool have_previous, std::uint64_t previous, Signature* sig) {
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    if (i == 0 && !have_previous) continue;
    std::uint64_t h = text::MixWordHash(i == 0 ? previous : t.tokens[i - 1].hash, t.tokens[i].hash);
    std::size_t bin = static_cast<std::size_t>(h >> 58);
    (*sig)[bin] = std::min((*sig)[bin], static_cast<std::uint32_t>(h));
  }
}

Signature EmptySignature() {
  Signature sig;
  sig.fill(std::numeric_limits<std::uint32_t>::max());
  return sig;
}

// The tokens of a long unit kept for the glued-repeat check: it compares the
// key of a kept unit of at most 20 words with the start of this one's, so the
// key of this unit's first 21 words and the space after them are enough.
constexpr std::size_t kKeyWordsKept = 21;

// The units of a document with their keys: shared by dedup and the
// fingerprint listing so both count positions the same way.
class UnitKeys {
 public:
  UnitKeys() = default;
  explicit UnitKeys(const Document& doc) { Reset(doc); }

  /// Starts on `doc`, keeping the buffers' capacity (see ReusedUnitKeys).
  void Reset(const Document& doc) {
    doc_ = &doc;
    internal::SplitUnits(doc, &units_);
    problem_.clear();
  }
  /// The bytes its buffers hold, and their release (scratch.h).
  std::size_t CapacityBytes() const {
    return units_.capacity() * sizeof(internal::Unit) + tokens_.key.capacity() +
           tokens_.tokens.capacity() * sizeof(text::Token) + joined_.capacity() + scratch_.capacity() +
           key_.capacity();
  }
  void ReleaseBuffers() {
    std::vector<internal::Unit>().swap(units_);
    std::string().swap(tokens_.key);
    std::vector<text::Token>().swap(tokens_.tokens);
    std::string().swap(joined_);
    std::string().swap(scratch_);
    std::string().swap(key_);
  }

  std::size_t size() const { return units_.size(); }
  internal::Unit unit(std::size_t i) const { return units_[i]; }

  /// Tokenizes unit i; returns its fingerprint, 0 if it has no words. A
  /// unit of one line is read in place; a long one is tokenized part by
  /// part, its signature made as it goes and only the start of its key kept.
  std::uint64_t Key(std::size_t i) {
    const internal::Unit& u = units_[i];
    if (u.first == u.last) {
      text_ = doc_->Text(doc_->blocks[u.first]);
    } else {
      joined_.clear();
      for (std::uint32_t k = u.first; k <= u.last; ++k) {
        if (k > u.first) joined_.push_back(' ');
        joined_.append(doc_->Text(doc_->blocks[k]));
      }
      text_ = joined_;
    }
    if (text::TokenPartEnd(text_, 0, /*ascii_only=*/true) == text_.size()) {
      parts_ = false;
      NoteProblem(i, text::TokenizeNfkc(text_, &tokens_, &scratch_));
      words_ = tokens_.tokens.size();
      if (words_ == 0) return 0;
      std::uint64_t h = text::Hash64(tokens_.key);
      return h == 0 ? 1 : h;
    }
    parts_ = true;
    words_ = 0;
    key_.clear();
    signature_ = EmptySignature();
    hasher_.Reset();
    std::uint64_t previous = 0;
    Status folded = text::TokenizeNfkcInParts(text_, &tokens_, &scratch_, [&](const text::TokenizedText& part, std::size_t) {
      if (part.tokens.empty()) return;
      if (words_ > 0) hasher_.Add(" ");
      hasher_.Add(part.key);
      AddMinHashes(part, words_ > 0, previous, &signature_);
      if (words_ <= kKeyWordsKept) {
        if (words_ > 0) key_.push_back(' ');
        key_.append(part.key);
      } else if (key_.back() != ' ') {
        key_.push_back(' ');  // More words follow those kept.
      }
      words_ += part.tokens.size();
      previous = part.tokens.back().hash;
    });
    NoteProblem(i, std::move(folded));
    if (words_ == 0) return 0;
    std::uint64_t h = hasher_.Digest();
    return h == 0 ? 1 : h;
  }
  std::size_t words() const { return words_; }
  /// The near-duplicate signature of the unit last passed to Key().
  Signature MinHashSignature() const {
    if (parts_) return signature_;
    Signature sig = EmptySignature();
    AddMinHashes(tokens_, false, 0, &sig);
    return sig;
  }
  /// The text and key of the unit last passed to Key(). Of a long unit
  /// only the start of the key: its first kKeyWordsKept words or more, and
  /// a space when more follow.
  std::string_view text() const { return text_; }
  std::string_view key() const { return parts_ ? std::string_view(key_) : std::string_view(tokens_.key); }
  /// Empty, or where the first key ICU could not fold was, and why: its key
  /// was folded by the tokenizer alone, so dedup may miss its copies.
  const std::string& problem() const { return problem_; }

 private:
  const Document* doc_ = nullptr;
  std::vector<internal::Unit> units_;
  text::TokenizedText tokens_;
  std::string joined_;
  std::string scratch_;
  std::string_view text_;
  std::size_t words_ = 0;
  bool parts_ = false;  // The last unit came in parts.
  std::string key_;     // Its key's start.
  Signature signature_{};
  text::Hasher64 hasher_;
  std::string problem_;

  void NoteProblem(std::size_t i, Status s) {
    if (!s.ok() && problem_.empty()) problem_ = fmt::format("line {}: {}", doc_->blocks[units_[i].first].line, s.message());
  }
};

// One UnitKeys a thread (-j N runs documents on worker threads), started on
// `doc`: its buffers serve document after document without allocating anew.
// The callers use it one at a time and never past their own return.
UnitKeys& ReusedUnitKeys(const Document& doc) {
  thread_local internal::Scratch<UnitKeys> keys;
  keys.Reset(doc);
  return keys;
}

// Near-duplicate candidates by locality-sensitive hashing: the 64 bins of a
// signature are cut into kBands bands of kRows bins, and a kept unit is a
// candidate for a new one only when they agree on every bin of some band.
// Each candidate is then checked with the full estimate (the share of the
// bins either filled on which both agree: SignatureStore::Similarity), so
// the index only decides which pairs are compared, and a unit meets about
// as many candidates as it has near neighbours, not every unit before it.
//
// Two rows a band: at a similarity of 0.7 (the default threshold) a pair
// agrees on a band with probability 0.7^2, so it is missed with probability
// (1 - 0.49)^32, about 5e-10; at 0.5 about 1e-4. A band whose bins are all
// empty says nothing and is not indexed: short units fill few bins, and
// would otherwise all share it.
//
// A band with one bin filled says little more: a unit of a dozen words fills
// about ten of the 64 bins, so most of its bands hold the least hash of one
// word pair and an empty bin. A common pair ("of the") is then the whole key,
// and every short paragraph that has it lands in one bucket; compared with
// the whole bucket, a page of 160,000 such paragraphs took minutes. So a
// bucket is read only as far as its kBucketLookBack newest units (and keeps
// no more: a full list becomes a ring of them, BandIndex::Add), and a
// crowded one (more than kSmallBucket units) gives only the units it shares
// with another bucket of the new unit: a unit met in one crowded bucket
// shares one common word pair with it, while a near duplicate agrees with
// its original on most of the bands either fills (at 0.7, on at least two
// of them unless the two fill four bins or fewer). The comparisons a unit
// makes are then those of its small buckets, and the few units in two of
// its crowded ones: on 10,000, 40,000 and 160,000 paragraphs of very skewed
// prose, 10, 7 and 7 a paragraph (60, 100 and 140 when every one of the 32
// newest of a bucket was compared, 190 and 720 for 10,000 and 40,000 with
// whole buckets). A pair is lost only when every band they share is crowded
// and the original is not among the newest of two of them: none of the
// pages of testdata or of the development set changes, and of the near
// duplicates planted in that prose none of 1,000 is missed, one of 4,000
// and 41 of 16,000 (tests/unit/dedup_test.cc).
constexpr std::size_t kRows = 2;
constexpr std::size_t kBands = kMinHashes / kRows;
static_assert(kBands * kRows == kMinHashes);
constexpr std::size_t kBucketLookBack = 48;
constexpr std::size_t kSmallBucket = 8;
constexpr std::size_t kCrowdedShared = 2;  // Buckets a unit of crowded ones must be in.

// The bucket of one band of a signature, whose bin `row` is row_value(row);
// false when the band's bins are empty.
template <class RowValue>
bool BandKeyOf(RowValue row_value, std::size_t band, std::uint64_t* key) {
  constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  std::uint64_t h = band + 1;
  bool filled = false;
  for (std::size_t row = band * kRows; row < (band + 1) * kRows; ++row) {
    const std::uint32_t value = row_value(row);
    if (value != kEmpty) filled = true;
    h = text::MixWordHash(h, value);
  }
  *key = h;
  return filled;
}

// The signatures of the kept units, each as the mask of its filled bins
// and their values: a unit of a few words fills a few of the 64 bins, and
// keeps 12 bytes and 4 a filled bin rather than 256.
class SignatureStore {
 public:
  /// Forgets every signature, keeping the capacity.
  void Clear() {
    filled_.clear();
    first_.clear();
    values_.clear();
  }
  std::size_t CapacityBytes() const {
    return filled_.capacity() * sizeof(std::uint64_t) +
           (first_.capacity() + values_.capacity()) * sizeof(std::uint32_t);
  }
  /// Room for `units` signatures of a dozen words, untouched until used: a
  /// vector that doubles holds its old and new buffers while it copies.
  void Reserve(std::size_t units) {
    filled_.reserve(units);
    first_.reserve(units);
    values_.reserve(units * 12);
  }

  /// Keeps `sig`; returns its number.
  std::uint32_t Add(const Signature& sig) {
    constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
    std::uint64_t filled = 0;
    first_.push_back(static_cast<std::uint32_t>(values_.size()));
    for (std::size_t k = 0; k < kMinHashes; ++k) {
      if (sig[k] == kEmpty) continue;
      filled |= std::uint64_t{1} << k;
      values_.push_back(sig[k]);
    }
    filled_.push_back(filled);
    return static_cast<std::uint32_t>(filled_.size() - 1);
  }

  /// The key of `band` of signature `number`, as BandKeyOf gives it for the
  /// whole signature.
  std::uint64_t BandKey(std::uint32_t number, std::size_t band) const {
    const std::uint64_t mask = filled_[number];
    const std::uint32_t* values = values_.data() + first_[number];
    std::uint64_t key = 0;
    BandKeyOf(
        [&](std::size_t row) {
          if (((mask >> row) & 1) == 0) return std::numeric_limits<std::uint32_t>::max();
          return values[__builtin_popcountll(mask & ((std::uint64_t{1} << row) - 1))];
        },
        band, &key);
    return key;
  }

  /// Similarity(signature `number`, b), the same to the last bit.
  double Similarity(std::uint32_t number, const Signature& b) const {
    constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
    const std::uint64_t a_mask = filled_[number];
    std::size_t same = 0;
    std::size_t filled = 0;
    std::size_t at = first_[number];
    for (std::size_t k = 0; k < kMinHashes; ++k) {
      const bool a_filled = ((a_mask >> k) & 1) != 0;
      if (!a_filled && b[k] == kEmpty) continue;
      ++filled;
      if (a_filled) same += values_[at++] == b[k];
    }
    return filled == 0 ? 0.0 : static_cast<double>(same) / static_cast<double>(filled);
  }

 private:
  std::vector<std::uint64_t> filled_;  // Bit k: bin k holds a value.
  std::vector<std::uint32_t> first_;   // Where its values start in values_.
  std::vector<std::uint32_t> values_;
};

// A map from 64-bit keys to 32-bit values by open addressing, in two flat
// arrays: a node-based map allocates once a key, this once a growth. Kept at
// most three quarters full, and grown by half (a key's slot is picked by
// multiply-shift, which maps onto any size): 16 to 24 bytes a key (a unit of
// a dozen words has about nine band keys, four of them new on a page of
// such units), and while it grows the old table and one half as large
// again, where doubling made it 16 to 32 bytes a key and the old table and
// one twice as large.
class FlatMap {
 public:
  explicit FlatMap(std::size_t expected) { Reset(expected); }

  std::size_t CapacityBytes() const {
    return (keys_.capacity() + old_keys_.capacity()) * sizeof(std::uint64_t) +
           (values_.capacity() + old_values_.capacity()) * sizeof(std::uint32_t);
  }

  /// Empties the map, sized for `expected` keys; keeps the capacity.
  void Reset(std::size_t expected) {
    std::size_t n = 16;
    while (n * 3 < expected * 4) n += n / 2;
    keys_.assign(n, 0);
    values_.assign(n, 0);
    size_ = 0;
  }

  /// The value of `key`, or nullptr.
  std::uint32_t* Find(std::uint64_t key) {
    for (std::size_t slot = Start(key);; slot = Next(slot)) {
      if (values_[slot] == 0) return nullptr;
      if (keys_[slot] == key) return &values_[slot];
    }
  }

  /// The value of `key`, inserted as `absent` if it is not there.
  /// REQUIRES: absent != 0 (0 marks an empty slot).
  std::uint32_t* FindOrInsert(std::uint64_t key, std::uint32_t absent) {
    if ((size_ + 1) * 4 > keys_.size() * 3) Grow();
    std::size_t slot = Start(key);
    for (; values_[slot] != 0; slot = Next(slot)) {
      if (keys_[slot] == key) return &values_[slot];
    }
    keys_[slot] = key;
    values_[slot] = absent;
    ++size_;
    return &values_[slot];
  }

 private:
  std::size_t Start(std::uint64_t key) const {
    const std::uint64_t bits = (key * 0x9E3779B97F4A7C15ULL) >> 32;
    return static_cast<std::size_t>((bits * keys_.size()) >> 32);
  }
  std::size_t Next(std::size_t slot) const { return slot + 1 == keys_.size() ? 0 : slot + 1; }
  void Grow() {
    // The old arrays go to old_keys_ and old_values_, whose buffers (of an
    // earlier growth or document) serve the new ones when large enough.
    std::vector<std::uint64_t>& keys = old_keys_;
    std::vector<std::uint32_t>& values = old_values_;
    keys.swap(keys_);
    values.swap(values_);
    keys_.assign(keys.size() + keys.size() / 2, 0);
    values_.assign(keys.size() + keys.size() / 2, 0);
    size_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (values[i] != 0) *FindOrInsert(keys[i], values[i]) = values[i];
    }
    // A large page's old arrays are not kept: they would add to its peak.
    if (keys.capacity() * sizeof(std::uint64_t) > internal::kScratchKeepBytes) {
      std::vector<std::uint64_t>().swap(keys);
      std::vector<std::uint32_t>().swap(values);
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;  // 0: empty slot.
  std::size_t size_ = 0;
  std::vector<std::uint64_t> old_keys_;  // Grow's spare buffers.
  std::vector<std::uint32_t> old_values_;
};

// A map from 64-bit keys to 32-bit values that keeps 32 bits of each key,
// 8 bytes a slot: the rest of a key is known from its value, and a caller
// tells whether a value is the key's (`is_key`). The bucket keys of the
// near-duplicate index are its largest table; a slot of FlatMap is 12 bytes.
// Sized and grown as FlatMap is; the slot is picked by the kept bits, so a
// growth needs no full key.
class TagMap {
 public:
  std::size_t CapacityBytes() const { return (slots_.capacity() + old_.capacity()) * sizeof(Slot); }

  /// Empties the map, sized for `expected` keys; keeps the capacity.
  void Reset(std::size_t expected) {
    std::size_t n = 16;
    while (n * 3 < expected * 4) n += n / 2;
    slots_.assign(n, Slot{});
    size_ = 0;
  }

  /// The value of `key`, or nullptr.
  template <class IsKey>
  std::uint32_t* Find(std::uint64_t key, const IsKey& is_key) {
    const std::uint32_t tag = Tag(key);
    for (std::size_t slot = Start(tag);; slot = Next(slot)) {
      Slot& s = slots_[slot];
      if (s.value == 0) return nullptr;
      if (s.tag == tag && is_key(s.value)) return &s.value;
    }
  }

  /// The value of `key`, inserted as `absent` if it is not there.
  /// REQUIRES: absent != 0 (0 marks an empty slot).
  template <class IsKey>
  std::uint32_t* FindOrInsert(std::uint64_t key, std::uint32_t absent, const IsKey& is_key) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    const std::uint32_t tag = Tag(key);
    std::size_t slot = Start(tag);
    for (; slots_[slot].value != 0; slot = Next(slot)) {
      if (slots_[slot].tag == tag && is_key(slots_[slot].value)) return &slots_[slot].value;
    }
    slots_[slot] = Slot{tag, absent};
    ++size_;
    return &slots_[slot].value;
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t value = 0;  // 0: empty slot.
  };
  static std::uint32_t Tag(std::uint64_t key) {
    return static_cast<std::uint32_t>((key * 0x9E3779B97F4A7C15ULL) >> 32);
  }
  std::size_t Start(std::uint32_t tag) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(tag) * slots_.size()) >> 32);
  }
  std::size_t Next(std::size_t slot) const { return slot + 1 == slots_.size() ? 0 : slot + 1; }
  void Grow() {
    old_.swap(slots_);
    slots_.assign(old_.size() + old_.size() / 2, Slot{});
    for (const Slot& s : old_) {
      if (s.value == 0) continue;
      std::size_t slot = Start(s.tag);
      while (slots_[slot].value != 0) slot = Next(slot);
      slots_[slot] = s;
    }
    // A large page's old array is not kept: it would add to its peak.
    if (old_.capacity() * sizeof(Slot) > internal::kScratchKeepBytes) {
      std::vector<Slot>().swap(old_);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::vector<Slot> old_;  // Grow's spare buffer.
};

class BandIndex {
 public:
  /// Sized for `units` of a dozen words: about four new band keys each on
  /// a page of them, and room for about three list entries, untouched
  /// until used.
  explicit BandIndex(std::size_t units) { Reset(units); }

  std::size_t CapacityBytes() const {
    return heads_.CapacityBytes() + entries_.capacity() * sizeof(Entry) + lengths_.capacity() +
           rings_.capacity() * sizeof(Ring);
  }

  /// Empties the index, sized for `units`; keeps the capacity.
  void Reset(std::size_t units) {
    heads_.Reset(units * 4);
    entries_.clear();
    lengths_.clear();
    entries_.reserve(units * 3);
    lengths_.reserve(units * 3);
    free_ = 0;
    rings_.clear();
  }

  /// Sets *out to the units added so far that agree with `sig` on a whole
  /// band, in ascending order and once each: every unit of a bucket of at
  /// most kSmallBucket, and of the kBucketLookBack newest of a larger one,
  /// those that are in kCrowdedShared of the buckets read.
  /// `key_of(unit, band)` is the key of that band of an added unit's
  /// signature (SignatureStore::BandKey).
  template <class KeyOf>
  void Candidates(const Signature& sig, const KeyOf& key_of, std::vector<std::uint32_t>* out) {
    out->clear();
    // The buckets of more than one unit are lists through entries_ or
    // rings, read side by side, a step of each at a time: the loads of
    // different lists overlap, where reading one list after another waits
    // for each entry.
    std::array<std::uint32_t, kBands> next;  // Of each list: 1 + its next entry, 0 at its end.
    std::array<const Ring*, kBands> ring;    // Of each ring, else nullptr.
    std::size_t lists = 0;
    for (std::size_t band = 0; band < kBands; ++band) {
      std::uint64_t key;
      if (!BandKey(sig, band, &key)) continue;
      const std::uint32_t* head =
          heads_.Find(key, [&](std::uint32_t h) { return key_of(UnitOf(h), band) == key; });
      if (head == nullptr) continue;
      if ((*head & kAlone) != 0) {
        out->push_back(*head & kNumber);
      } else if ((*head & kRing) != 0) {
        ring[lists] = &rings_[*head & kNumber];
        next[lists++] = 1;
      } else {
        ring[lists] = nullptr;
        next[lists++] = *head;
      }
    }
    // Unit `step` (0 the newest) of list l; advances next[l], 0 past its end.
    auto take = [&](std::size_t l, std::size_t step) {
      if (ring[l] != nullptr) {
        if (step + 1 == kBucketLookBack) next[l] = 0;
        return ring[l]->units[(ring[l]->newest + kBucketLookBack - step) % kBucketLookBack];
      }
      const Entry& e = entries_[next[l] - 1];
      next[l] = e.next;
      return e.unit;
    };
    // The first kSmallBucket units of each; a list that ends there is small.
    std::array<std::array<std::uint32_t, kSmallBucket>, kBands> start;
    std::array<std::uint8_t, kBands> started{};
    for (std::size_t step = 0; step < kSmallBucket; ++step) {
      for (std::size_t l = 0; l < lists; ++l) {
        if (next[l] != 0) start[l][started[l]++] = take(l, step);
      }
    }
    for (std::size_t l = 0; l < lists; ++l) {
      if (next[l] != 0 && count_units_.empty()) {  // The first crowded bucket.
        count_units_.assign(std::size_t{1} << kCountBits, 0);
        counts_.assign(std::size_t{1} << kCountBits, 0);
      }
      for (std::size_t k = 0; k < started[l]; ++k) {
        if (next[l] == 0) {
          out->push_back(start[l][k]);
        } else {
          CountCrowded(start[l][k], out);
        }
      }
    }
    for (std::size_t step = kSmallBucket; step < kBucketLookBack; ++step) {
      bool more = false;
      for (std::size_t l = 0; l < lists; ++l) {
        if (next[l] == 0) continue;
        CountCrowded(take(l, step), out);
        more = true;
      }
      if (!more) break;
    }
    for (std::uint16_t slot : counted_) count_units_[slot] = 0;
    counted_.clear();
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }

  /// Indexes unit `number` (numbers must grow, below 2^30) by the bands of
  /// `sig`; key_of as for Candidates, for the units added before.
  template <class KeyOf>
  void Add(const Signature& sig, std::uint32_t number, const KeyOf& key_of) {
    assert((number & ~kNumber) == 0);
    for (std::size_t band = 0; band < kBands; ++band) {
      std::uint64_t key;
      if (!BandKey(sig, band, &key)) continue;
      // Most band keys of a page are had by one unit: the head holds it.
      // A bucket of more is a list through entries_, newest first, so that
      // Candidates reads the newest of a bucket without walking the rest.
      std::uint32_t* head = heads_.FindOrInsert(
          key, kAlone | number, [&](std::uint32_t h) { return key_of(UnitOf(h), band) == key; });
      if (*head == (kAlone | number)) continue;  // A new bucket.
      if ((*head & kRing) != 0) {
        Ring& r = rings_[*head & kNumber];
        r.newest = (r.newest + 1) % kBucketLookBack;
        r.units[r.newest] = number;  // In place of the oldest, read no more.
        continue;
      }
      if ((*head & kAlone) != 0) *head = NewEntry(*head & kNumber, 0);
      if (lengths_[*head - 1] < kBucketLookBack) {
        *head = NewEntry(number, *head);
        continue;
      }
      // Candidates reads no more than the kBucketLookBack newest units of
      // a bucket: a full list becomes a ring of them, and its entries serve
      // other lists.
      Ring& r = rings_.emplace_back();
      r.newest = kBucketLookBack - 1;
      r.units[r.newest] = number;
      for (std::uint32_t e = *head, k = 1; e != 0; ++k) {
        const std::uint32_t after = entries_[e - 1].next;
        if (k < kBucketLookBack) r.units[r.newest - k] = entries_[e - 1].unit;
        entries_[e - 1].next = free_;
        free_ = e;
        e = after;
      }
      *head = kRing | static_cast<std::uint32_t>(rings_.size() - 1);
    }
  }

 private:
  static bool BandKey(const Signature& sig, std::size_t band, std::uint64_t* key) {
    return BandKeyOf([&](std::size_t row) { return sig[row]; }, band, key);
  }
  // A unit of the bucket `head` leads to.
  std::uint32_t UnitOf(std::uint32_t head) const {
    if ((head & kAlone) != 0) return head & kNumber;
    if ((head & kRing) != 0) return rings_[head & kNumber].units[0];
    return entries_[head - 1].unit;
  }

  struct Entry {
    std::uint32_t unit;
    std::uint32_t next;  // 1 + the next entry of the bucket; 0 ends it.
  };
  // The kBucketLookBack newest units of a crowded bucket, oldest overwritten.
  struct Ring {
    std::array<std::uint32_t, kBucketLookBack> units;
    std::uint32_t newest;  // Where the newest is in units.
  };
  // 1 + a new entry of `unit` before `next`, a free one if there is one.
  std::uint32_t NewEntry(std::uint32_t unit, std::uint32_t next) {
    const std::uint8_t length = static_cast<std::uint8_t>(next == 0 ? 1 : lengths_[next - 1] + 1);
    if (free_ != 0) {
      const std::uint32_t e = free_;
      free_ = entries_[e - 1].next;
      entries_[e - 1] = Entry{unit, next};
      lengths_[e - 1] = length;
      return e;
    }
    entries_.push_back(Entry{unit, next});
    lengths_.push_back(length);
    return static_cast<std::uint32_t>(entries_.size());
  }
  static_assert(kBucketLookBack < 256);
  // A head with kAlone is a bucket of one unit, with kRing a ring, the
  // other bits its number; else 1 + the newest entry of its list.
  static constexpr std::uint32_t kAlone = std::uint32_t{1} << 31;
  static constexpr std::uint32_t kRing = std::uint32_t{1} << 30;
  static constexpr std::uint32_t kNumber = kRing - 1;
  TagMap heads_;  // Band key -> its head.
  std::vector<Entry> entries_;
  std::vector<std::uint8_t> lengths_;  // Of each entry: the entries from it to its list's end.
  std::uint32_t free_ = 0;  // 1 + the first free entry, its next the next free one; 0: none.
  std::vector<Ring> rings_;

  // How many crowded buckets of the unit asked about each unit was met in,
  // by open addressing in a table at most three eighths full.
  static constexpr std::size_t kCountBits = 12;
  static_assert((std::size_t{1} << kCountBits) * 3 >= kBands * kBucketLookBack * 8);
  std::vector<std::uint32_t> count_units_;  // 1 + unit; made for the first crowded bucket.
  std::vector<std::uint8_t> counts_;
  std::vector<std::uint16_t> counted_;  // The slots taken.
  // Counts `unit`, met in a crowded bucket; appends it to *out when that
  // makes kCrowdedShared.
  void CountCrowded(std::uint32_t unit, std::vector<std::uint32_t>* out) {
    constexpr std::size_t kMask = (std::size_t{1} << kCountBits) - 1;
    std::size_t slot = static_cast<std::size_t>((unit * 0x9E3779B1U) >> (32 - kCountBits));
    for (; count_units_[slot] != 0; slot = (slot + 1) & kMask) {
      if (count_units_[slot] == unit + 1) {
        if (++counts_[slot] == kCrowdedShared) out->push_back(unit);
        return;
      }
    }
    count_units_[slot] = unit + 1;
    counts_[slot] = 1;
    counted_.push_back(static_cast<std::uint16_t>(slot));
  }
};

struct Kept {
  std::uint32_t line;
  std::uint32_t signature = 0;  // 1 + its index in the signatures, 0 for none.
  std::uint32_t words;
};

// The text and key of the last few kept units of at most 20 words (a title
// a later line may repeat): the glued-repeat check looks back at the last
// three kept units only.
struct RecentShort {
  std::size_t kept = 0;  // 1 + its number among the kept units; 0: none.
  std::string text;
  std::string key;
};
constexpr std::size_t kGluedLookBack = 3;

// The units of a document as PrepareUnits left them: the same calls as
// UnitKeys, read rather than worked out.
class PreparedView {
 public:
  explicit PreparedView(const PreparedUnits& prepared) : p_(prepared) {}

  std::size_t size() const { return p_.units.size(); }
  internal::Unit unit(std::size_t i) const { return internal::Unit{p_.units[i].first, p_.units[i].last}; }
  std::uint64_t Key(std::size_t i) {
    current_ = &p_.units[i];
    return current_->fingerprint;
  }
  std::size_t words() const { return current_->words; }
  std::string_view text() const { return std::string_view(p_.texts).substr(current_->text_begin, current_->text_size); }
  std::string_view key() const {
    return std::string_view(p_.texts).substr(current_->text_begin + current_->text_size, current_->key_size);
  }
  const std::string& problem() const { return p_.problem; }
  Signature MinHashSignature() const {
    Signature sig;
    std::copy_n(p_.signatures.begin() + static_cast<std::ptrdiff_t>(current_->signature - 1) * kMinHashes,
                kMinHashes, sig.begin());
    return sig;
  }

 private:
  const PreparedUnits& p_;
  const PreparedUnits::Unit* current_ = nullptr;
};

// How many of the units can have kNearMinWords words: those of at least
// 2 * kNearMinWords - 1 bytes (a word takes a byte, and the next is apart).
template <class Units>
std::size_t UnitsLongEnoughForNear(const Document& doc, const Units& units) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const internal::Unit u = units.unit(i);
    std::size_t bytes = u.last - u.first;  // The spaces that join its lines.
    for (std::uint32_t k = u.first; k <= u.last; ++k) bytes += doc.blocks[k].text.length;
    count += bytes >= 2 * kNearMinWords - 1;
  }
  return count;
}

// What RemoveDuplicates keeps of one document, reused for the next.
struct DedupScratch {
  std::vector<Kept> kept;
  SignatureStore signatures;
  std::array<RecentShort, kGluedLookBack> recent;
  FlatMap kept_lines{0};
  BandIndex bands{0};
  std::vector<std::uint32_t> candidates;

  std::size_t CapacityBytes() const {
    return kept.capacity() * sizeof(Kept) + signatures.CapacityBytes() + kept_lines.CapacityBytes() +
           bands.CapacityBytes() + candidates.capacity() * sizeof(std::uint32_t);
  }
};

// The decisions of dedup, unit by unit, over UnitKeys (worked out as it
// goes) or PreparedView (worked out ahead): one loop, so both give the same.
// `make_units(doc)` gives the units of the document.
template <class MakeUnits>
Document RemoveDuplicates(Document doc, MakeUnits make_units, const DedupOptions& options,
                          const DedupState& state);

}  // namespace

SeenIndex::SeenIndex(bool audit) : shards_(std::size_t{1} << kShardBits), audit_(audit) {
  for (Shard& shard : shards_) {
    shard.keys.assign(8, 0);
    if (audit_) {
      shard.owners.assign(8, 0);
      shard.lines.assign(8, 0);
    }
  }
}

std::uint32_t SeenIndex::AddDocument(std::string_view id) {
  // Only an auditing index names the first copy, so only it keeps ids: a
  // stream of millions of pages would otherwise hold every id for nothing.
  if (audit_) ids_.emplace_back(id);
  return documents_++;
}

bool SeenIndex::Place(Shard* shard, std::uint64_t fingerprint, std::uint32_t owner, std::uint32_t line, bool audit,
                      First* first) {
  // The top bits chose the shard; the next 32 pick the slot, by
  // multiply-shift, which maps onto any size, so a shard can grow by half.
  const std::size_t n = shard->keys.size();
  const std::uint64_t bits = (fingerprint >> (32 - kShardBits)) & 0xFFFFFFFFULL;
  auto slot = static_cast<std::size_t>((bits * static_cast<std::uint64_t>(n)) >> 32);
  while (true) {
    std::uint64_t key = shard->keys[slot];
    if (key == fingerprint) {
      *first = audit ? First{true, shard->owners[slot], shard->lines[slot]} : First{true, 0, 0};
      return false;
    }
    if (key == 0) {
      shard->keys[slot] = fingerprint;
      if (audit) {
        shard->owners[slot] = owner;
        shard->lines[slot] = line;
      }
      ++shard->size;
      *first = First{false, owner, line};
      return true;
    }
    if (++slot == n) slot = 0;
  }
}

SeenIndex::First SeenIndex::Insert(std::uint64_t fingerprint, std::uint32_t owner, std::uint32_t line) {
  if (fingerprint == 0) fingerprint = 1;
  Shard& shard = shards_[fingerprint >> (64 - kShardBits)];
  if ((shard.size + 1) * 100 > shard.keys.size() * 85) Grow(&shard);
  First first;
  if (Place(&shard, fingerprint, owner, line, audit_, &first)) ++size_;
  return first;
}

void SeenIndex::Grow(Shard* shard) {
  Shard old = std::move(*shard);
  const std::size_t n = old.keys.size() + old.keys.size() / 2;
  *shard = Shard{};
  shard->keys.assign(n, 0);
  if (audit_) {
    shard->owners.assign(n, 0);
    shard->lines.assign(n, 0);
  }
  First ignored;
  for (std::size_t i = 0; i < old.keys.size(); ++i) {
    if (old.keys[i] != 0) {
      Place(shard, old.keys[i], audit_ ? old.owners[i] : 0, audit_ ? old.lines[i] : 0, audit_, &ignored);
    }
  }
}

std::size_t SeenIndex::MemoryBytes() const {
  std::size_t bytes = shards_.capacity() * sizeof(Shard);
  for (const Shard& shard : shards_) {
    bytes += shard.keys.capacity() * sizeof(std::uint64_t) +
             (shard.owners.capacity() + shard.lines.capacity()) * sizeof(std::uint32_t);
  }
  for (const std::string& id : ids_) bytes += sizeof(std::string) + (id.capacity() > 15 ? id.capacity() + 1 : 0);
  return bytes;
}

bool DropList::Contains(std::string_view id, std::size_t position) const {
  return entries.count(fmt::format("{}\t{}", id, position)) != 0;
}

namespace {

template <class MakeUnits>
Document RemoveDuplicates(Document doc, MakeUnits make_units, const DedupOptions& options,
                          const DedupState& state) {
  assert(ValidateDedup(options, state).ok());
  auto&& units = make_units(doc);
  internal::BlockRemover remover(&doc, "dedup", options.explain);
  const bool stream = state.ledger == nullptr && options.scope == DedupScope::kStream;
  const std::uint32_t self = stream ? state.index->AddDocument(doc.id) : 0;
  const std::uint32_t ledger_doc = state.ledger != nullptr ? state.ledger->BeginDocument(doc.id) : 0;
  const bool near = options.near_threshold > 0;
  // The tables below are one set a thread, emptied for each document: they
  // keep their capacity from document to document.
  thread_local internal::Scratch<DedupScratch> scratch;
  std::vector<Kept>& kept = scratch.kept;  // This document's units so far, for the near checks.
  kept.clear();
  kept.reserve(units.size());
  // The near-duplicate tables are sized for the units that can have
  // kNearMinWords words: when a table grows it holds its old and new arrays.
  const std::size_t near_units = near ? UnitsLongEnoughForNear(doc, units) : 0;
  SignatureStore& signatures = scratch.signatures;  // Of the kept units of kNearMinWords words or more.
  signatures.Clear();
  signatures.Reserve(near_units);
  std::array<RecentShort, kGluedLookBack>& recent = scratch.recent;  // By kept.size() % kGluedLookBack.
  for (RecentShort& r : recent) r.kept = 0;
  // The same units by fingerprint, for the exact check: one lookup a unit.
  // The value is 1 + the unit's line (0 marks an empty slot). The table
  // grows as needed; a page of many units does not pay for it up front.
  const std::size_t expected = std::min<std::size_t>(units.size(), std::size_t{1} << 14);
  FlatMap& kept_lines = scratch.kept_lines;
  kept_lines.Reset(expected);
  BandIndex& bands = scratch.bands;  // The kept units of kNearMinWords words or more.
  bands.Reset(near_units);
  std::vector<std::uint32_t>& candidates = scratch.candidates;
  std::uint64_t exact = 0, near_drops = 0, listed = 0, in = 0, comparisons = 0;
  auto drop = [&](std::size_t i, std::string_view rule, std::string_view of_id, std::uint32_t of_line) {
    const internal::Unit u = units.unit(i);
    for (std::uint32_t k = u.first; k <= u.last; ++k) remover.Mark(k, rule, of_id, of_line);
  };
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::uint64_t fp = units.Key(i);
    if (fp == 0) continue;
    ++in;
    const std::uint32_t line = doc.blocks[units.unit(i).first].line;
    if (options.drop_list != nullptr && options.drop_list->Contains(doc.id, i)) {
      drop(i, "drop-list", {}, 0);
      ++listed;
      continue;
    }
    if (units.words() < options.min_words) continue;
    // Exact, within the document.
    if (const std::uint32_t* same = kept_lines.Find(fp); same != nullptr) {
      drop(i, "exact-duplicate", doc.id, *same - 1);
      ++exact;
      continue;
    }
    // Exact, in an earlier document of the run.
    if (stream) {
      SeenIndex::First first = state.index->Insert(fp, self, line);
      if (first.seen_before) {
        // Only an auditing index knows where the first copy was.
        std::string_view of = state.index->audit() ? state.index->DocumentId(first.owner) : std::string_view();
        drop(i, "exact-duplicate", of, first.line);
        ++exact;
        continue;
      }
    }
    // A title repeated and glued to a caption fragment: one of the last
    // three units kept.
    const Kept* glued = nullptr;
    for (std::size_t back = 1; back <= kGluedLookBack && back <= kept.size() && glued == nullptr; ++back) {
      const std::size_t number = kept.size() - back;
      const Kept& h = kept[number];
      const RecentShort& r = recent[number % kGluedLookBack];
      if (h.words > 20 || r.kept != number + 1) continue;  // Only short units can be the title.
      if (internal::IsGluedRepeat(r.text, r.key, h.words, units.text(), units.key())) glued = &h;
    }
    if (glued != nullptr) {
      drop(i, "glued-repeat", doc.id, glued->line);
      ++near_drops;
      continue;
    }
    // Owned by another document, in this run or an earlier one.
    if (state.ledger != nullptr) {
      Ledger::Owner owner;
      if (!state.ledger->Claim(fp, ledger_doc, line, &owner)) {
        drop(i, "exact-duplicate", state.ledger->DocumentId(owner.doc), owner.line);
        ++exact;
        continue;
      }
    }
    Kept k{line, 0, static_cast<std::uint32_t>(units.words())};
    if (near && k.words >= kNearMinWords) {
      const Signature signature = units.MinHashSignature();
      // The earliest candidate similar enough (candidates come in input
      // order): the earliest kept unit, as a scan of them all would find it,
      // unless the only bands they share are crowded (kBucketLookBack).
      // Unit kept.size() is this one, once its signature is kept: one of
      // its buckets may meet another of them in Add.
      auto key_of = [&](std::uint32_t unit, std::size_t band) {
        return signatures.BandKey((unit < kept.size() ? kept[unit] : k).signature - 1, band);
      };
      bands.Candidates(signature, key_of, &candidates);
      comparisons += candidates.size();
      auto similar = std::find_if(candidates.begin(), candidates.end(), [&](std::uint32_t c) {
        const Kept& other = kept[c];
        // Only units of comparable length can be that similar.
        const std::uint64_t a = other.words, b = k.words;
        return a * 10 >= b * 7 && b * 10 >= a * 7 &&
               signatures.Similarity(other.signature - 1, signature) >= options.near_threshold;
      });
      if (similar != candidates.end()) {
        drop(i, "near-duplicate", doc.id, kept[*similar].line);
        ++near_drops;
        continue;
      }
      k.signature = signatures.Add(signature) + 1;
      bands.Add(signature, static_cast<std::uint32_t>(kept.size()), key_of);
    }
    if (k.words <= 20) {
      RecentShort& r = recent[kept.size() % kGluedLookBack];
      r.kept = kept.size() + 1;
      r.text.assign(units.text());
      r.key.assign(units.key());
    }
    kept_lines.FindOrInsert(fp, line + 1);
    kept.push_back(k);
  }
  std::uint64_t removed = remover.Finish();
  doc.stats.duplicates += removed;
  doc.stages.emplace_back("dedup");
  if (!units.problem().empty()) doc.SetProblem(units.problem());
  if (state.counters != nullptr) {
    DedupCounters& c = *state.counters;
    ++c.documents;
    c.units_in += in;
    c.units_out += in - exact - near_drops - listed;
    c.exact += exact;
    c.near += near_drops;
    c.dropped_by_list += listed;
    c.near_comparisons += comparisons;
  }
  internal::ReleaseLargeScratch();
  return doc;
}

}  // namespace

Status ValidateDedup(const DedupOptions& options, const DedupState& state) {
  if (options.scope == DedupScope::kStream && state.index == nullptr && state.ledger == nullptr) {
    return Status::InvalidArgument("dedup with scope stream needs a seen index (or a ledger) for the run");
  }
  return Status::Ok();
}

Document RemoveDuplicateParagraphs(Document doc, const DedupOptions& options, const DedupState& state) {
  return RemoveDuplicates(
      std::move(doc), [](const Document& d) -> UnitKeys& { return ReusedUnitKeys(d); }, options, state);
}

void PreparedUnits::Clear() {
  units.clear();
  texts.clear();
  signatures.clear();
  problem.clear();
}

void PrepareUnits(const Document& doc, const DedupOptions& options, PreparedUnits* out) {
  out->Clear();
  UnitKeys& units = ReusedUnitKeys(doc);
  out->units.resize(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    PreparedUnits::Unit& u = out->units[i];
    u.first = units.unit(i).first;
    u.last = units.unit(i).last;
    u.fingerprint = units.Key(i);
    if (u.fingerprint == 0) continue;
    u.words = static_cast<std::uint32_t>(units.words());
    u.text_begin = static_cast<std::uint32_t>(out->texts.size());
    u.text_size = static_cast<std::uint32_t>(units.text().size());
    u.key_size = static_cast<std::uint32_t>(units.key().size());
    out->texts.append(units.text());
    out->texts.append(units.key());
    // As RemoveDuplicates asks for it: near checks on, units of 8 words or more.
    if (options.near_threshold > 0 && u.words >= kNearMinWords) {
      Signature sig = units.MinHashSignature();
      out->signatures.insert(out->signatures.end(), sig.begin(), sig.end());
      u.signature = static_cast<std::uint32_t>(out->signatures.size() / kMinHashes);
    }
  }
  out->problem = units.problem();
  internal::ReleaseLargeScratch();
}

Document RemoveDuplicateParagraphs(Document doc, const PreparedUnits& prepared, const DedupOptions& options,
                                   const DedupState& state) {
  return RemoveDuplicates(
      std::move(doc), [&prepared](const Document&) { return PreparedView(prepared); }, options, state);
}

Result<DropList> ParseDropList(std::string_view text, std::string_view source) {
  DropList list;
  text::LineCursor lines(text);
  std::string_view line;
  while (lines.Next(&line)) {
    const std::uint64_t line_no = lines.number();
    if (line.empty()) continue;
    std::size_t last_tab = line.rfind('\t');
    if (last_tab == std::string_view::npos || last_tab == 0) {
      return Status::InvalidInput("expected ID<TAB>POSITION").At(std::string(source), line_no);
    }
    std::string_view position = line.substr(last_tab + 1);
    std::string_view head = line.substr(0, last_tab);
    std::size_t id_tab = head.rfind('\t');
    std::string_view id = id_tab == std::string_view::npos ? head : head.substr(id_tab + 1);
    if (position.empty() || position.find_first_not_of("0123456789") != std::string_view::npos) {
      return Status::InvalidInput(fmt::format("the position \"{}\" is not a whole number", position))
          .At(std::string(source), line_no);
    }
    list.entries.insert(fmt::format("{}\t{}", text::UnescapeTsvField(id), position));
  }
  return list;
}

std::vector<UnitFingerprint> UnitFingerprints(const Document& doc, std::size_t min_words) {
  UnitKeys units(doc);
  std::vector<UnitFingerprint> out;
  out.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::uint64_t fp = units.Key(i);
    if (fp == 0 || units.words() < min_words) continue;
    out.push_back(UnitFingerprint{fp, static_cast<std::uint32_t>(i), doc.blocks[units.unit(i).first].line});
  }
  return out;
}

void AppendFingerprints(const Document& doc, std::size_t min_words, std::string* out) {
  for (const UnitFingerprint& u : UnitFingerprints(doc, min_words)) {
    fmt::format_to(std::back_inserter(*out), "{:016x}\t", u.fingerprint);
    text::AppendTsvField(doc.id, out);  // An id with a tab must stay one field.
    fmt::format_to(std::back_inserter(*out), "\t{}\n", u.position);
  }
}

}  // namespace pagewash
