// The near-duplicate index of dedup: MinHash signatures of a document's
// kept units, and the buckets of their bands, which say which earlier units
// a new one is compared with (locality-sensitive hashing). dedup decides;
// this keeps what it needs to, in as few bytes a unit as that allows.
#ifndef PAGEWASH_NEAR_INDEX_H_
#define PAGEWASH_NEAR_INDEX_H_

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "text/tokenize.h"

namespace pagewash::internal {

inline constexpr std::size_t kMinHashes = 64;

/// The least hash each of the 64 bins got; kEmptyBin when it got none.
using Signature = std::array<std::uint32_t, kMinHashes>;
inline constexpr std::uint32_t kEmptyBin = std::numeric_limits<std::uint32_t>::max();

inline Signature EmptySignature() {
  Signature sig;
  sig.fill(kEmptyBin);
  return sig;
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
inline constexpr std::size_t kRows = 2;
inline constexpr std::size_t kBands = kMinHashes / kRows;
static_assert(kBands * kRows == kMinHashes);
inline constexpr std::size_t kBucketLookBack = 48;
inline constexpr std::size_t kSmallBucket = 8;
inline constexpr std::size_t kCrowdedShared = 2;  // Buckets a unit of crowded ones must be in.

// The bucket of one band of a signature, whose bin `row` is row_value(row);
// false when the band's bins are empty.
template <class RowValue>
bool BandKeyOf(RowValue row_value, std::size_t band, std::uint64_t* key) {
  std::uint64_t h = band + 1;
  bool filled = false;
  for (std::size_t row = band * kRows; row < (band + 1) * kRows; ++row) {
    const std::uint32_t value = row_value(row);
    if (value != kEmptyBin) filled = true;
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
  std::uint32_t Add(const Signature& sig);

  /// The key of `band` of signature `number`, as BandKeyOf gives it for the
  /// whole signature.
  std::uint64_t BandKey(std::uint32_t number, std::size_t band) const {
    const std::uint64_t mask = filled_[number];
    const std::uint32_t* values = values_.data() + first_[number];
    std::uint64_t key = 0;
    BandKeyOf(
        [&](std::size_t row) {
          if (((mask >> row) & 1) == 0) return kEmptyBin;
          return values[__builtin_popcountll(mask & ((std::uint64_t{1} << row) - 1))];
        },
        band, &key);
    return key;
  }

  /// Similarity(signature `number`, b), the same to the last bit.
  double Similarity(std::uint32_t number, const Signature& b) const {
    const std::uint64_t a_mask = filled_[number];
    std::size_t same = 0;
    std::size_t filled = 0;
    std::size_t at = first_[number];
    for (std::size_t k = 0; k < kMinHashes; ++k) {
      const bool a_filled = ((a_mask >> k) & 1) != 0;
      if (!a_filled && b[k] == kEmptyBin) continue;
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
// multiply-shift, which maps onto any size): 16 to 24 bytes a key, and while
// it grows the old table and one half as large again, where doubling made it
// 16 to 32 bytes a key and the old table and one twice as large. dedup keeps
// the fingerprints of a document's kept units in one.
class FlatMap {
 public:
  explicit FlatMap(std::size_t expected) { Reset(expected); }

  std::size_t CapacityBytes() const {
    return (keys_.capacity() + old_keys_.capacity()) * sizeof(std::uint64_t) +
           (values_.capacity() + old_values_.capacity()) * sizeof(std::uint32_t);
  }

  /// Empties the map, sized for `expected` keys; keeps the capacity.
  void Reset(std::size_t expected);

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
  void Grow();

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;  // 0: empty slot.
  std::size_t size_ = 0;
  std::vector<std::uint64_t> old_keys_;  // Grow's spare buffers.
  std::vector<std::uint32_t> old_values_;
};

// A map from the bucket keys of BandIndex (a 64-bit key of one band) to
// 32-bit values that keeps a 32-bit tag of each key, 8 bytes a slot: the
// rest of a key is known from its value, and the caller tells whether the
// bucket a value leads to has that key in that band (`is_key`). A tag holds
// the band, so a slot whose tag matches is of the same band, and a unit of
// its bucket with the key in that band proves the bucket is the key's. The
// bucket keys are the near-duplicate index's largest table; a slot of
// FlatMap is 12 bytes. Sized and grown as FlatMap is; the slot is picked by
// the tag, so a growth needs no full key.
class TagMap {
 public:
  /// 27 bits of the key and the band (5 bits): two bands of one unit never
  /// share a tag, so a unit of the slot's bucket that has `key` in `band`
  /// proves the bucket is `key`'s.
  static std::uint32_t Tag(std::uint64_t key, std::size_t band) {
    static_assert(kBands <= 32);
    return (static_cast<std::uint32_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & ~std::uint32_t{31}) |
           static_cast<std::uint32_t>(band);
  }

  std::size_t CapacityBytes() const { return (slots_.capacity() + old_.capacity()) * sizeof(Slot); }

  /// Empties the map, sized for `expected` keys; keeps the capacity.
  void Reset(std::size_t expected);

  /// The value of `key` of `band`, or nullptr.
  template <class IsKey>
  std::uint32_t* Find(std::uint64_t key, std::size_t band, const IsKey& is_key) {
    const std::uint32_t tag = Tag(key, band);
    for (std::size_t slot = Start(tag);; slot = Next(slot)) {
      Slot& s = slots_[slot];
      if (s.value == 0) return nullptr;
      if (s.tag == tag && is_key(s.value)) return &s.value;
    }
  }

  /// The value of `key`, inserted as `absent` if it is not there.
  /// REQUIRES: absent != 0 (0 marks an empty slot).
  template <class IsKey>
  std::uint32_t* FindOrInsert(std::uint64_t key, std::size_t band, std::uint32_t absent,
                              const IsKey& is_key) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    const std::uint32_t tag = Tag(key, band);
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
  std::size_t Start(std::uint32_t tag) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(tag) * slots_.size()) >> 32);
  }
  std::size_t Next(std::size_t slot) const { return slot + 1 == slots_.size() ? 0 : slot + 1; }
  void Grow();

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::vector<Slot> old_;  // Grow's spare buffer.
};

class BandIndex {
 public:
  /// Units are numbered below this. A document of the CLI's largest size
  /// (kMaxDocumentBytesLimit, 1 GiB) has fewer blocks than that.
  static constexpr std::size_t kMaxUnits = std::size_t{1} << 30;

  /// Sized for `units` of a dozen words: about four new band keys each on
  /// a page of them, and room for about three list entries, untouched
  /// until used.
  explicit BandIndex(std::size_t units) { Reset(units); }

  std::size_t CapacityBytes() const {
    return heads_.CapacityBytes() + entries_.capacity() * sizeof(Entry) + lengths_.capacity() +
           rings_.capacity() * sizeof(Ring);
  }

  /// Empties the index, sized for `units`; keeps the capacity.
  void Reset(std::size_t units);

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
    // Of each list: 1 + its next entry, 0 at its end; of a ring, nonzero
    // until its kBucketLookBack units are read.
    std::array<std::uint32_t, kBands> next;
    std::array<const Ring*, kBands> ring;    // Of each ring, else nullptr.
    std::size_t lists = 0;
    for (std::size_t band = 0; band < kBands; ++band) {
      std::uint64_t key;
      if (!BandKey(sig, band, &key)) continue;
      const std::uint32_t* head =
          heads_.Find(key, band, [&](std::uint32_t h) { return key_of(UnitOf(h), band) == key; });
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
    assert(number < kMaxUnits);
    for (std::size_t band = 0; band < kBands; ++band) {
      std::uint64_t key;
      if (!BandKey(sig, band, &key)) continue;
      // Most band keys of a page are had by one unit: the head holds it.
      // A bucket of more is a list through entries_, newest first, so that
      // Candidates reads the newest of a bucket without walking the rest;
      // one of kBucketLookBack units becomes a ring (below).
      std::uint32_t* head = heads_.FindOrInsert(key, band, kAlone | number, [&](std::uint32_t h) {
        return key_of(UnitOf(h), band) == key;
      });
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
  std::uint32_t NewEntry(std::uint32_t unit, std::uint32_t next);
  static_assert(kBucketLookBack < 256);
  // A head with kAlone is a bucket of one unit, with kRing a ring, the
  // other bits its number; else 1 + the newest entry of its list.
  static constexpr std::uint32_t kAlone = std::uint32_t{1} << 31;
  static constexpr std::uint32_t kRing = std::uint32_t{1} << 30;
  static constexpr std::uint32_t kNumber = kRing - 1;
  static_assert(kMaxUnits == kRing);
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
  void CountCrowded(std::uint32_t unit, std::vector<std::uint32_t>* out);
};

}  // namespace pagewash::internal

#endif  // PAGEWASH_NEAR_INDEX_H_
