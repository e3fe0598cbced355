#include "near_index.h"

#include <cassert>

#include "scratch.h"

namespace pagewash::internal {

std::uint32_t SignatureStore::Add(const Signature& sig) {
  std::uint64_t filled = 0;
  first_.push_back(static_cast<std::uint32_t>(values_.size()));
  for (std::size_t k = 0; k < kMinHashes; ++k) {
    if (sig[k] == kEmptyBin) continue;
    filled |= std::uint64_t{1} << k;
    values_.push_back(sig[k]);
  }
  filled_.push_back(filled);
  return static_cast<std::uint32_t>(filled_.size() - 1);
}

void FlatMap::Reset(std::size_t expected) {
  std::size_t n = 16;
  while (n * 3 < expected * 4) n += n / 2;
  keys_.assign(n, 0);
  values_.assign(n, 0);
  size_ = 0;
}

void FlatMap::Grow() {
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

void TagMap::Reset(std::size_t expected) {
  std::size_t n = 16;
  while (n * 3 < expected * 4) n += n / 2;
  slots_.assign(n, Slot{});
  size_ = 0;
}

void TagMap::Grow() {
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

void BandIndex::Reset(std::size_t units) {
  heads_.Reset(units * 4);
  entries_.clear();
  lengths_.clear();
  entries_.reserve(units * 3);
  lengths_.reserve(units * 3);
  free_ = 0;
  rings_.clear();
}

void BandIndex::CountCrowded(std::uint32_t unit, std::vector<std::uint32_t>* out) {
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

std::uint32_t BandIndex::NewEntry(std::uint32_t unit, std::uint32_t next) {
  const std::uint8_t length = static_cast<std::uint8_t>(next == 0 ? 1 : lengths_[next - 1] + 1);
  if (free_ != 0) {
    const std::uint32_t e = free_;
    free_ = entries_[e - 1].next;
    entries_[e - 1] = Entry{unit, next};
    lengths_[e - 1] = length;
    return e;
  }
  // Heads tell entries from rings by bit 30: a document of the CLI's
  // largest size has fewer entries (a unit has one a word at most).
  assert(entries_.size() + 1 < kRing);
  entries_.push_back(Entry{unit, next});
  lengths_.push_back(length);
  return static_cast<std::uint32_t>(entries_.size());
}

}  // namespace pagewash::internal
