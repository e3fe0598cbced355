#include "near_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <unordered_map>
#include <vector>

namespace pagewash::internal {
namespace {

std::uint64_t KeyOfBand(const Signature& sig, std::size_t band, bool* filled) {
  std::uint64_t key = 0;
  *filled = BandKeyOf([&](std::size_t row) { return sig[row]; }, band, &key);
  return key;
}

// The candidates BandIndex::Candidates promises, from every unit of every
// bucket kept in full: all units of a bucket of at most kSmallBucket, and of
// the kBucketLookBack newest of a larger one those in kCrowdedShared of the
// buckets read.
class UnboundedIndex {
 public:
  std::vector<std::uint32_t> Candidates(const Signature& sig) const {
    std::vector<std::uint32_t> out;
    std::map<std::uint32_t, std::size_t> crowded;
    for (std::size_t band = 0; band < kBands; ++band) {
      bool filled = false;
      const std::uint64_t key = KeyOfBand(sig, band, &filled);
      if (!filled) continue;
      auto it = buckets_.find(key);
      if (it == buckets_.end()) continue;
      const std::vector<std::uint32_t>& units = it->second;  // Oldest first.
      if (units.size() <= kSmallBucket) {
        out.insert(out.end(), units.begin(), units.end());
        continue;
      }
      const std::size_t read = std::min(units.size(), kBucketLookBack);
      for (std::size_t k = units.size() - read; k < units.size(); ++k) {
        if (++crowded[units[k]] == kCrowdedShared) out.push_back(units[k]);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  std::size_t LargestBucket() const {
    std::size_t largest = 0;
    for (const auto& [key, units] : buckets_) largest = std::max(largest, units.size());
    return largest;
  }
  void Add(const Signature& sig, std::uint32_t number) {
    for (std::size_t band = 0; band < kBands; ++band) {
      bool filled = false;
      const std::uint64_t key = KeyOfBand(sig, band, &filled);
      if (filled) buckets_[key].push_back(number);
    }
  }

 private:
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets_;
};

// Both indexes fed the same signatures, each unit asked about before it is
// added, as dedup does.
struct Pair {
  BandIndex index{0};
  UnboundedIndex reference;
  SignatureStore store;
  std::size_t asked = 0;

  void AskAndAdd(const Signature& sig) {
    auto key_of = [&](std::uint32_t unit, std::size_t band) { return store.BandKey(unit, band); };
    std::vector<std::uint32_t> got;
    index.Candidates(sig, key_of, &got);
    ASSERT_EQ(got, reference.Candidates(sig)) << "unit " << asked;
    const std::uint32_t number = store.Add(sig);
    index.Add(sig, number, key_of);
    reference.Add(sig, number);
    ++asked;
  }
};

// Signatures over few values, so that buckets fill past kSmallBucket and
// kBucketLookBack, with copies of earlier ones a few bins apart.
TEST(BandIndexTest, GivesTheCandidatesOfBucketsKeptWhole) {
  std::mt19937_64 rng(7);
  Pair pair;
  pair.index.Reset(3000);
  std::vector<Signature> made;
  for (int i = 0; i < 3000; ++i) {
    Signature sig = EmptySignature();
    if (!made.empty() && rng() % 4 == 0) {
      sig = made[rng() % made.size()];
      for (int k = 0; k < 3; ++k) sig[rng() % kMinHashes] = static_cast<std::uint32_t>(rng() % 5);
    } else {
      for (std::size_t bin = 0; bin < kMinHashes; ++bin) {
        if (rng() % 10 < 3) sig[bin] = static_cast<std::uint32_t>(rng() % (bin < 16 ? 2 : 400));
      }
    }
    made.push_back(sig);
    pair.AskAndAdd(sig);
    if (HasFailure()) return;
  }
  // The case the ring is for: buckets of more units than a lookup reads.
  EXPECT_GT(pair.reference.LargestBucket(), 4 * kBucketLookBack);
}

// A bucket of exactly kSmallBucket units, of one more, of exactly
// kBucketLookBack and of one more: the edges of "crowded" and of the ring.
TEST(BandIndexTest, BucketsAtTheirEdgesGiveWhatWholeBucketsGive) {
  for (std::size_t size : {kSmallBucket, kSmallBucket + 1, kBucketLookBack, kBucketLookBack + 1,
                           2 * kBucketLookBack + 3}) {
    Pair pair;
    // Every unit shares bands 0 and 3 (crowded buckets once there are
    // more than kSmallBucket units: a unit among the newest kBucketLookBack
    // of both is a candidate), and unit i with unit i + 1 band 1 (a small
    // bucket: both are candidates).
    for (std::size_t i = 0; i < size; ++i) {
      Signature sig = EmptySignature();
      sig[0] = 1;
      sig[2] = static_cast<std::uint32_t>(i / 2);
      sig[4] = static_cast<std::uint32_t>(100 + i);
      sig[6] = 1;
      pair.AskAndAdd(sig);
      ASSERT_FALSE(HasFailure()) << "bucket of " << size;
    }
    for (std::uint32_t i = 0; i < size; ++i) {
      Signature probe = EmptySignature();
      probe[0] = 1;
      probe[2] = i / 2;
      probe[6] = 1;
      std::vector<std::uint32_t> got;
      auto key_of = [&](std::uint32_t unit, std::size_t b) { return pair.store.BandKey(unit, b); };
      pair.index.Candidates(probe, key_of, &got);
      EXPECT_EQ(got, pair.reference.Candidates(probe)) << "bucket of " << size << ", probe " << i;
    }
  }
}

// Two bands of one unit whose keys agree on the bits a tag keeps of a key:
// each keeps its own bucket, and a later unit finds the first through the
// band it shares with it.
TEST(BandIndexTest, TwoBandsOfOneUnitWhoseKeysShareATagKeepTheirBuckets) {
  // Values of band 0 by the key bits their key leaves in a tag, then values
  // of band 1 until one's key leaves the same bits: about 2^27 / 2^15 tries.
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> band0;
  std::mt19937_64 rng(11);
  auto band_sig = [](std::size_t band, std::uint32_t a, std::uint32_t b) {
    Signature sig = EmptySignature();
    sig[band * kRows] = a;
    sig[band * kRows + 1] = b;
    return sig;
  };
  auto key_bits = [](const Signature& sig, std::size_t band) {
    bool filled = false;
    return TagMap::Tag(KeyOfBand(sig, band, &filled), 0);
  };
  for (int i = 0; i < (1 << 15); ++i) {
    const auto a = static_cast<std::uint32_t>(rng()), b = static_cast<std::uint32_t>(rng());
    band0.emplace(key_bits(band_sig(0, a, b), 0), std::make_pair(a, b));
  }
  Signature both = EmptySignature();
  bool found = false;
  for (int i = 0; i < (1 << 24) && !found; ++i) {
    const auto a = static_cast<std::uint32_t>(rng()), b = static_cast<std::uint32_t>(rng());
    auto it = band0.find(key_bits(band_sig(1, a, b), 1));
    if (it == band0.end()) continue;
    both[0] = it->second.first;
    both[1] = it->second.second;
    both[2] = a;
    both[3] = b;
    found = true;
  }
  ASSERT_TRUE(found);
  ASSERT_EQ(key_bits(both, 0), key_bits(both, 1));
  Signature only1 = EmptySignature(), only0 = EmptySignature();
  only1[2] = both[2];
  only1[3] = both[3];
  only1[8] = 5;  // A band of its own.
  only0[0] = both[0];
  only0[1] = both[1];
  only0[10] = 6;
  Pair pair;
  pair.AskAndAdd(both);
  pair.AskAndAdd(only1);  // Candidate: `both`, by band 1.
  pair.AskAndAdd(only0);  // Candidate: `both`, by band 0, and not `only1`.
  EXPECT_EQ(pair.asked, 3u);
}

TEST(SignatureStoreTest, KeepsWhatTheWholeSignatureSays) {
  std::mt19937_64 rng(3);
  SignatureStore store;
  std::vector<Signature> kept;
  for (int i = 0; i < 500; ++i) {
    Signature sig = EmptySignature();
    for (std::size_t bin = 0; bin < kMinHashes; ++bin) {
      if (rng() % 3 == 0) sig[bin] = static_cast<std::uint32_t>(rng() % 4);
    }
    kept.push_back(sig);
    ASSERT_EQ(store.Add(sig), static_cast<std::uint32_t>(i));
  }
  for (std::uint32_t n = 0; n < kept.size(); ++n) {
    for (std::size_t band = 0; band < kBands; ++band) {
      bool filled = false;
      const std::uint64_t key = KeyOfBand(kept[n], band, &filled);
      EXPECT_EQ(store.BandKey(n, band), key) << n << " " << band;
    }
    const Signature& other = kept[(n * 7 + 1) % kept.size()];
    std::size_t same = 0, either = 0;
    for (std::size_t bin = 0; bin < kMinHashes; ++bin) {
      if (kept[n][bin] == kEmptyBin && other[bin] == kEmptyBin) continue;
      ++either;
      same += kept[n][bin] == other[bin];
    }
    EXPECT_EQ(store.Similarity(n, other), either == 0 ? 0.0 : static_cast<double>(same) / static_cast<double>(either)) << n;
  }
}

TEST(TagMapTest, FindsEveryKeyAfterGrowing) {
  // Values lead to their keys through this table, as BandIndex's heads lead
  // to a signature.
  std::vector<std::uint64_t> key_of_value{0};
  TagMap map;
  map.Reset(4);
  std::mt19937_64 rng(5);
  for (std::uint32_t v = 1; v <= 20000; ++v) {
    const std::uint64_t key = rng();
    key_of_value.push_back(key);
    const std::size_t band = v % kBands;
    auto is_key = [&](std::uint32_t value) { return key_of_value[value] == key; };
    ASSERT_EQ(*map.FindOrInsert(key, band, v, is_key), v);
  }
  for (std::uint32_t v = 1; v < key_of_value.size(); ++v) {
    const std::uint64_t key = key_of_value[v];
    auto is_key = [&](std::uint32_t value) { return key_of_value[value] == key; };
    const std::uint32_t* found = map.Find(key, v % kBands, is_key);
    ASSERT_NE(found, nullptr) << v;
    EXPECT_EQ(*found, v);
    EXPECT_EQ(map.Find(key, (v + 1) % kBands, is_key), nullptr) << "the same key in another band";
  }
}

}  // namespace
}  // namespace pagewash::internal
