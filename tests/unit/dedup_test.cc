#include "pagewash/dedup.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <unordered_set>

#include "pagewash/json.h"
#include "pagewash/segment.h"
#include "pagewash/strip.h"
#include "tests/support/icu_failure.h"
#include "tests/support/testdata.h"
#include "text/tokenize.h"

namespace pagewash {
namespace {

using testing::DebugString;
using testing::FromText;

std::string Dedup(std::string_view text, DedupOptions options = {}) {
  return DebugString(RemoveDuplicateParagraphs(FromText(text), options));
}

TEST(DedupTest, DropsRepeats) {
  struct Case {
    std::string_view name, in, want;
  };
  const Case cases[] = {
      {"exact paragraph", "Alpha beta gamma.\n\nOther.\n\nAlpha beta gamma.",
       "line Alpha beta gamma.\n| line Other.\n"},
      {"case, punctuation and spacing", "Alpha beta, gamma!\n\nALPHA  beta gamma", "line Alpha beta, gamma!\n"},
      {"compatibility forms", "ﬁnal report\n\nfinal report", "line ﬁnal report\n"},
      {"repeated heading", "International Cooperation\n\nText one.\n\nInternational Cooperation\n\nText two.",
       "line International Cooperation\n| line Text one.\n| line Text two.\n"},
      {"short units are kept", "Yes\n\nYes", "line Yes\n| line Yes\n"},
      {"heading then paragraph starting with it",
       "The civilian dimension\n\nThe civilian dimension is the EU's course.",
       "line The civilian dimension\n| line The civilian dimension is the EU's course.\n"},
      {"a wrapped paragraph is one unit",
       "This paragraph was wrapped by a mail client at a short width and\ngoes on here.\n\n"
       "This paragraph was wrapped by a mail client at a short width and\ngoes on here.",
       "line This paragraph was wrapped by a mail client at a short width and\nline goes on here.\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dedup(c.in), c.want) << c.name;
}

TEST(DedupTest, MinWordsOneComparesOneWordParagraphs) {
  DedupOptions options;
  options.min_words = 1;
  EXPECT_EQ(Dedup("Yes\n\nYes", options), "line Yes\n");
}

TEST(DedupTest, ExplainNamesTheKeptCopy) {
  DedupOptions options;
  options.explain = true;
  Document doc = RemoveDuplicateParagraphs(FromText("Alpha beta.\n\nGamma.\n\nAlpha beta."), options);
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.removed[0].stage, "dedup");
  EXPECT_EQ(doc.removed[0].rule, "exact-duplicate");
  EXPECT_EQ(doc.removed[0].duplicate_of_id, "t");
  EXPECT_EQ(doc.removed[0].duplicate_of_line, 1u);
  EXPECT_EQ(doc.removed[0].line, 5u);
  EXPECT_EQ(doc.stats.duplicates, 1u);
}

TEST(DedupTest, RemovesARepeatedParagraphOfASegmentedDocument) {
  Document doc = SegmentSections(FromText("Title\n\nSame text here.\n\nSame text here."), {});
  doc = RemoveDuplicateParagraphs(std::move(doc), {});
  EXPECT_EQ(DebugString(doc), "H1 Title\n| P Same text here.\n");
}

}  // namespace
}  // namespace pagewash

namespace pagewash {
namespace {

TEST(DedupNearTest, OneWordChangedIsANearDuplicate) {
  DedupOptions options;
  options.explain = true;
  Document doc = RemoveDuplicateParagraphs(
      testing::FromText("Bijplaatsingen trekken ongedierte aan en u kunt er een boete voor krijgen.\n\n"
                        "Other text in between here.\n\n"
                        "Bijplaatsingen trekken ongedierte aan en u kunt er een flinke boete voor krijgen."),
      options);
  EXPECT_EQ(testing::DebugString(doc),
            "line Bijplaatsingen trekken ongedierte aan en u kunt er een boete voor krijgen.\n"
            "| line Other text in between here.\n");
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.removed[0].rule, "near-duplicate");
  EXPECT_EQ(doc.removed[0].duplicate_of_line, 1u);
}

TEST(DedupNearTest, TitleGluedToACaptionFragment) {
  DedupOptions options;
  options.explain = true;
  Document doc = RemoveDuplicateParagraphs(
      testing::FromText("Ukraine and Poland sign an agreement\n\n"
                        "Ukraine and Poland sign an agreement President of Ukraine Volodymyr Zelenskyy (\n\n"
                        "Ukraine and Poland sign an agreement that binds both for ten years."),
      options);
  EXPECT_EQ(testing::DebugString(doc),
            "line Ukraine and Poland sign an agreement\n"
            "| line Ukraine and Poland sign an agreement that binds both for ten years.\n");
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.removed[0].rule, "glued-repeat");
}

// A paragraph longer than a tokenizer part is read in parts: its
// fingerprint, signature and glued-repeat check are those of the whole.
TEST(DedupNearTest, LongParagraphsAreComparedAsWholes) {
  std::string para;
  for (int i = 0; para.size() < 3 * text::kTokenizePartBytes; ++i) {
    para += fmt::format("w{} \uFB01ne word\u2026 ", (i * 7919) % 10007);  // Some need NFKC mapping.
  }
  std::string near = para;
  near.replace(near.find("w700 "), 4, "x700");
  DedupOptions options;
  options.explain = true;
  Document doc = RemoveDuplicateParagraphs(
      testing::FromText("Long title words\n\n" + para + "\n\nOther.\n\n" + para + "\n\n" + near +
                        "\n\nLong title words " + para + " and on"),
      options);
  ASSERT_EQ(doc.removed.size(), 3u);
  EXPECT_EQ(doc.removed[0].rule, "exact-duplicate");
  EXPECT_EQ(doc.removed[1].rule, "near-duplicate");
  EXPECT_EQ(doc.removed[1].duplicate_of_line, 3u);
  // A title glued to the start of a long paragraph that ends no sentence.
  EXPECT_EQ(doc.removed[2].rule, "glued-repeat");
  // The fingerprint is the hash of the whole key.
  text::TokenizedText tokens;
  std::string scratch;
  ASSERT_TRUE(text::TokenizeNfkc(para, &tokens, &scratch).ok());
  std::vector<UnitFingerprint> fps = UnitFingerprints(testing::FromText(para), 1);
  ASSERT_EQ(fps.size(), 1u);
  EXPECT_EQ(fps[0].fingerprint, text::Hash64(tokens.key));
}

TEST(DedupNearTest, DifferentParagraphsAndThresholdZeroStay) {
  const char* text =
      "The agreement was signed in Warsaw on Monday by both prime ministers.\n\n"
      "The agreement will be ratified in Kyiv next month by the national parliament.";
  EXPECT_EQ(RemoveDuplicateParagraphs(testing::FromText(text), {}).blocks.size(), 2u);
  DedupOptions off;
  off.near_threshold = 0;
  const char* near = "One two three four five six seven eight nine.\n\nOne two three four five six seven eight ten.";
  EXPECT_EQ(RemoveDuplicateParagraphs(testing::FromText(near), off).blocks.size(), 2u);
}

TEST(DedupStreamTest, FirstInInputOrderIsKeptAcrossDocuments) {
  SeenIndex index(/*audit=*/true);
  DedupCounters counters;
  DedupOptions options;
  options.scope = DedupScope::kStream;
  options.explain = true;
  const DedupState state{.index = &index, .counters = &counters};
  Document a = testing::FromText("Unique to the first page.\n\nShared footer for every page.");
  a.id = "a";
  Document b = testing::FromText("Unique to the second page.\n\nShared footer for every page.");
  b.id = "b";
  a = RemoveDuplicateParagraphs(std::move(a), options, state);
  b = RemoveDuplicateParagraphs(std::move(b), options, state);
  EXPECT_EQ(a.blocks.size(), 2u);
  ASSERT_EQ(b.blocks.size(), 1u);
  ASSERT_EQ(b.removed.size(), 1u);
  EXPECT_EQ(b.removed[0].duplicate_of_id, "a");
  EXPECT_EQ(b.removed[0].duplicate_of_line, 3u);
  EXPECT_EQ(counters.documents, 2u);
  EXPECT_EQ(counters.units_in, 4u);
  EXPECT_EQ(counters.units_out, 3u);
  EXPECT_EQ(counters.exact, 1u);
  EXPECT_EQ(index.size(), 3u);
}

TEST(DedupStreamTest, IndexGrowsAndKeepsEveryFingerprint) {
  SeenIndex index;
  std::uint32_t doc = index.AddDocument("d");
  for (std::uint64_t i = 1; i <= 100000; ++i) {
    ASSERT_FALSE(index.Insert(i * 0x9E3779B97F4A7C15ULL, doc, 0).seen_before);
  }
  EXPECT_EQ(index.size(), 100000u);
  EXPECT_LE(index.MemoryBytes(), 100000u * 15);
  for (std::uint64_t i = 1; i <= 100000; ++i) {
    ASSERT_TRUE(index.Insert(i * 0x9E3779B97F4A7C15ULL, 7, 0).seen_before);
  }
  EXPECT_EQ(index.size(), 100000u);
}

TEST(DedupListTest, FingerprintsAndDropList) {
  Document doc = testing::FromText("First paragraph here.\n\nSecond paragraph here.\n\nYes");
  doc.id = "p";
  std::string out;
  AppendFingerprints(doc, 2, &out);
  // Two lines: the one-word unit is below min_words.
  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 2) << out;
  std::size_t nl = out.find('\n');
  std::string first = out.substr(0, nl);
  std::string second = out.substr(nl + 1, out.size() - nl - 2);
  EXPECT_EQ(first.size(), 16u + 4u);
  EXPECT_EQ(first.substr(16), "\tp\t0");
  EXPECT_EQ(second.substr(16), "\tp\t1");
  EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), 16u);
  DropList list;
  list.entries.insert("p\t1");
  DedupOptions options;
  options.drop_list = &list;
  options.explain = true;
  doc = RemoveDuplicateParagraphs(std::move(doc), options);
  EXPECT_EQ(testing::DebugString(doc), "line First paragraph here.\n| line Yes\n");
  EXPECT_EQ(doc.removed[0].rule, "drop-list");
}

}  // namespace
}  // namespace pagewash

namespace pagewash {
namespace {

// A page of `n` distinct 20-word paragraphs from a large vocabulary, every
// tenth one a copy of an earlier paragraph with its last word changed (a
// near duplicate: 18 of its 20 word pairs are the earlier one's).
std::string NearDuplicatePage(std::size_t n, std::size_t* planted) {
  std::uint64_t state = 0x2545F4914F6CDD1DULL;
  auto next = [&state]() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto word = [&]() {
    std::string w;
    for (std::uint64_t x = next() % 50000 + 50000; x > 0; x /= 26) w.push_back(static_cast<char>('a' + x % 26));
    return w;
  };
  std::vector<std::string> paragraphs;
  std::vector<std::size_t> originals;
  *planted = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 10 == 9) {
      std::string copy = paragraphs[originals[static_cast<std::size_t>(next() % originals.size())]];
      copy.resize(copy.rfind(' ') + 1);
      copy += word() + ".";
      paragraphs.push_back(copy);
      ++*planted;
      continue;
    }
    std::string p;
    for (int k = 0; k < 20; ++k) p += (k > 0 ? " " : "") + word();
    originals.push_back(paragraphs.size());
    paragraphs.push_back(p + ".");
  }
  std::string page;
  for (const std::string& p : paragraphs) page += p + "\n\n";
  return page;
}

TEST(DedupTest, NearDuplicateComparisonsGrowLinearly) {
  DedupCounters small, large;
  std::size_t planted_small = 0, planted_large = 0;
  DedupOptions options;
  RemoveDuplicateParagraphs(FromText(NearDuplicatePage(10000, &planted_small)), options, {.counters = &small});
  RemoveDuplicateParagraphs(FromText(NearDuplicatePage(40000, &planted_large)), options, {.counters = &large});
  EXPECT_EQ(small.near, planted_small);
  EXPECT_EQ(large.near, planted_large);
  // Every near duplicate was compared with its original at least.
  EXPECT_GE(small.near_comparisons, planted_small);
  // Four times the paragraphs: about four times the comparisons (a scan of
  // every earlier paragraph would make it sixteen).
  EXPECT_LT(large.near_comparisons, 8 * small.near_comparisons)
      << small.near_comparisons << " comparisons for 10,000 paragraphs, " << large.near_comparisons
      << " for 40,000";
}

// A page of `n` short paragraphs of prose (8 to 16 words), drawn as
// tests/cli/growth_test.py draws them: stop words 45% of the time, the rest
// made-up words of a skewed frequency, so that a few word pairs ("the
// kalo", "kalo kalo") are in a large share of the paragraphs. Every tenth
// paragraph is a near duplicate: an earlier one of 12 words or more with its
// last word changed (at least 10 of its 12 word pairs are the earlier one's).
std::string ShortProsePage(std::size_t n, std::size_t* planted) {
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&state]() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto uniform = [&]() { return static_cast<double>(next() >> 11) / 9007199254740992.0; };  // [0, 1)
  static const char* const kStop[] = {"the",  "of",   "and", "to",   "in",   "a",     "is",    "that", "for",
                                      "it",   "as",   "was", "with", "be",   "by",    "on",    "not",  "he",
                                      "this", "are",  "or",  "his",  "from", "at",    "which", "but",  "have",
                                      "an",   "they", "you", "were", "her",  "she",   "there", "been", "one",
                                      "all",  "we",   "their"};
  static const char* const kSyllables[] = {"ka", "lo", "min", "ter", "sa", "vel", "dor", "ni",
                                           "pra", "sto", "qui", "ben", "ra", "mo", "tel"};
  std::vector<std::string> made(50000);
  for (std::string& w : made) {
    for (std::uint64_t k = 2 + next() % 3; k > 0; --k) w += kSyllables[next() % 15];
  }
  auto word = [&]() -> std::string {
    if (uniform() < 0.45) return kStop[next() % std::size(kStop)];
    if (uniform() < 0.5) {
      // Pareto with shape 0.9, as Python's random.paretovariate(0.9).
      const double x = std::pow(1.0 - uniform(), -1.0 / 0.9);
      return made[static_cast<std::size_t>(std::min(x - 1.0, static_cast<double>(made.size() - 1)))];
    }
    return made[next() % made.size()];
  };
  std::vector<std::string> long_ones;  // Originals of 12 words or more.
  std::string page;
  *planted = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::string p;
    if (i % 10 == 9 && !long_ones.empty()) {
      p = long_ones[next() % long_ones.size()];
      p.resize(p.rfind(' ') + 1);
      p += made[next() % made.size()] + ".";
      ++*planted;
    } else {
      const std::uint64_t words = 8 + next() % 9;
      for (std::uint64_t k = words; k > 0; --k) p += (p.empty() ? "" : " ") + word();
      p += ".";
      if (words >= 12) long_ones.push_back(p);
    }
    page += p + "\n\n";
  }
  return page;
}

// Short paragraphs fill few of the 64 bins, so many of their bands hold one
// word pair: a pair common in the text puts a large share of the page in one
// bucket. Comparing a unit with the whole bucket made the work grow with the
// square of the page; it must grow with the page, and still find every near
// duplicate.
// The first paragraph's keys of bands 0 and 1 leave the same bits in a
// bucket-key tag, were the band not part of it: the second paragraph, which
// shares band 1 only, then joined band 0's bucket, and the third, a near
// duplicate of the first, found that bucket led by the second and missed
// the first (tests/unit/near_index_test.cc has the case in the index).
TEST(DedupTest, ANearDuplicateIsFoundWhenTwoBandsOfItsOriginalShareTagBits) {
  DedupCounters counters;
  Document doc = RemoveDuplicateParagraphs(
      FromText("Wtox qbwoli zphs ceczk hpnle xroh jsmd nvdulk mokl.\n\n"
               "Wtox qbwoli zphs ceczk zgfg vkwuz hgpv wpuohgi ztmefgg.\n\n"
               "Wtox qbwoli zphs ceczk hpnle xroh jsmd nvdulk mokl xsdxjxr.\n"),
      DedupOptions{}, {.counters = &counters});
  EXPECT_EQ(counters.near, 1u);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.Text(doc.blocks[1]), "Wtox qbwoli zphs ceczk zgfg vkwuz hgpv wpuohgi ztmefgg.");
}

TEST(DedupTest, NearDuplicateComparisonsGrowLinearlyOnShortProse) {
  DedupCounters small, large;
  std::size_t planted_small = 0, planted_large = 0;
  DedupOptions options;
  RemoveDuplicateParagraphs(FromText(ShortProsePage(10000, &planted_small)), options, {.counters = &small});
  RemoveDuplicateParagraphs(FromText(ShortProsePage(40000, &planted_large)), options, {.counters = &large});
  // Of a bucket of more than 8 units (a common word pair), a unit is
  // compared only with those of its 48 newest that are in another of its
  // buckets: about 10 comparisons a paragraph here for 10,000 paragraphs, 7
  // for 40,000 (2.8 times the comparisons for 4 times the page). Comparing
  // with the newest 32 of every bucket made it 60 and 100 (6.8 times), with
  // whole buckets 190 and 720 (16 times).
  EXPECT_LT(large.near_comparisons, 4 * small.near_comparisons)
      << small.near_comparisons << " comparisons for 10,000 paragraphs, " << large.near_comparisons
      << " for 40,000";
  EXPECT_LT(large.near_comparisons, 40000u * 20u) << large.near_comparisons;
  // The near duplicates are still found (a changed word may be the word it
  // replaced: an exact duplicate then). The whole buckets find all of them;
  // one of the 4,000 on the larger page is missed, an original whose every
  // band is a pair of words this page repeats in thousands of paragraphs.
  EXPECT_EQ(small.near + small.exact, planted_small);
  EXPECT_GE(large.near + large.exact, planted_large - 1);
}

// Preparing the units ahead (on any thread) and deciding afterwards, as -j N
// does for --scope stream and --state, gives the same documents, counters,
// index and ledger as the one-call function, over every page of testdata.
TEST(DedupTest, PreparedUnitsGiveWhatTheOneCallGives) {
  std::vector<std::string> pages;
  for (const char* dir : {"pages", "corpus/pages", "dialects/lynx", "dialects/w3m", "dialects/markdown",
                          "dialects/wet"}) {
    for (const std::string& p : testing::ListFiles(testing::TestdataPath(dir), ".txt")) pages.push_back(p);
  }
  ASSERT_GT(pages.size(), 40u);
  StripOptions strip;
  strip.explain = true;
  std::vector<Document> docs;
  for (const std::string& p : pages) {
    Document doc = StripBoilerplate(testing::ReadPage(p), strip);
    docs.push_back(doc);
    // Twice, so that the stream scope has whole documents to drop; and once
    // segmented, so that units are blocks rather than lines.
    docs.push_back(doc);
    docs.push_back(SegmentSections(doc, SegmentOptions{}));
  }
  struct Mode {
    std::string name;
    DedupScope scope;
    bool ledger;
    bool audit;
    double near;
  };
  const Mode modes[] = {{"document", DedupScope::kDocument, false, false, 0.7},
                        {"document, no near", DedupScope::kDocument, false, false, 0},
                        {"stream", DedupScope::kStream, false, false, 0.7},
                        {"stream, explained", DedupScope::kStream, false, true, 0.5},
                        {"ledger", DedupScope::kStream, true, false, 0.7}};
  for (const Mode& mode : modes) {
    std::string out[2];
    DedupCounters counters[2];
    std::string ledgers[2];
    std::size_t seen[2];
    for (int split = 0; split < 2; ++split) {
      SeenIndex index(mode.audit);
      Ledger ledger;
      DedupOptions options;
      options.scope = mode.scope;
      options.explain = true;
      options.near_threshold = mode.near;
      const DedupState state{
          .index = &index, .ledger = mode.ledger ? &ledger : nullptr, .counters = &counters[split]};
      PreparedUnits prepared;
      for (const Document& doc : docs) {
        Document result;
        if (split == 0) {
          result = RemoveDuplicateParagraphs(doc, options, state);
        } else {
          PrepareUnits(doc, options, &prepared);
          result = RemoveDuplicateParagraphs(doc, prepared, options, state);
        }
        WriteStreamRecord(result, &out[split]);
      }
      ledgers[split] = ledger.Serialize();
      seen[split] = index.size();
    }
    EXPECT_EQ(out[0], out[1]) << mode.name;
    EXPECT_EQ(ledgers[0], ledgers[1]) << mode.name;
    EXPECT_EQ(seen[0], seen[1]) << mode.name;
    EXPECT_EQ(counters[0].units_out, counters[1].units_out) << mode.name;
    EXPECT_EQ(counters[0].exact, counters[1].exact) << mode.name;
    EXPECT_EQ(counters[0].near, counters[1].near) << mode.name;
    EXPECT_EQ(counters[0].near_comparisons, counters[1].near_comparisons) << mode.name;
    EXPECT_GT(counters[0].exact + counters[0].near, 0u) << mode.name;
  }
}

}  // namespace
}  // namespace pagewash

namespace pagewash {
namespace {

// The recipe of a distributed dedup (UnitFingerprints, grouped outside,
// then a drop list per document) gives the documents --scope stream gives:
// checked on hand-made documents that mix exact repeats within and across
// documents, near duplicates and short units, and on every stripped page of
// testdata, each given twice.
std::vector<std::string> StreamAndListed(const std::vector<Document>& docs, std::size_t min_words) {
  SeenIndex index;
  DedupOptions stream;
  stream.scope = DedupScope::kStream;
  const DedupState stream_state{.index = &index};
  stream.min_words = min_words;
  std::unordered_set<std::uint64_t> seen;
  std::vector<std::string> out;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    DropList list;
    for (const UnitFingerprint& u : UnitFingerprints(docs[d], min_words)) {
      if (!seen.insert(u.fingerprint).second) list.entries.insert(fmt::format("{}\t{}", docs[d].id, u.position));
    }
    DedupOptions listed;
    listed.min_words = min_words;
    listed.drop_list = &list;
    Document a = RemoveDuplicateParagraphs(docs[d], stream, stream_state);
    Document b = RemoveDuplicateParagraphs(docs[d], listed);
    EXPECT_EQ(DebugString(a), DebugString(b)) << docs[d].id;
    EXPECT_EQ(a.stats.duplicates, b.stats.duplicates) << docs[d].id;
    out.push_back(DebugString(a));
  }
  return out;
}

TEST(DedupListTest, FingerprintRecipeEqualsStreamScope) {
  const std::string_view texts[] = {
      "Shared paragraph that several pages carry along.\n\nOnly in the first.\n\n"
      "The committee met on Tuesday to discuss the new budget for schools.\n\n"
      "The committee met on Monday to discuss the new budget for schools.",
      "The committee met on Monday to discuss the new budget for schools.\n\n"
      "Shared paragraph that several pages carry along.\n\nYes\n\nYes\n\nOnly in the second.\n\n"
      "Only in the second.",
      "Only in the first.\n\nA fresh paragraph of its own.\n\nShared paragraph that several pages carry along."};
  std::vector<Document> docs;
  for (std::size_t i = 0; i < std::size(texts); ++i) {
    docs.push_back(FromText(texts[i]));
    docs.back().id = fmt::format("d{}", i);
  }
  for (std::size_t min_words : {1, 2, 5}) StreamAndListed(docs, min_words);
  std::vector<std::string> got = StreamAndListed(docs, 2);
  // The near duplicate dropped in d0 still counts as seen in d1.
  EXPECT_EQ(got[1], "line Yes\n| line Yes\n| line Only in the second.\n");
}

TEST(DedupListTest, FingerprintRecipeEqualsStreamScopeOnTestdata) {
  std::vector<Document> docs;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& path : testing::ListFiles(testing::TestdataPath("pages"), ".txt")) {
      docs.push_back(StripBoilerplate(testing::ReadPage(path), StripOptions{}));
    }
  }
  ASSERT_GE(docs.size(), 10u);
  StreamAndListed(docs, 2);
}

// Without ICU's fold the key is the tokenizer's alone, and dedup could miss
// a copy: the document is reported, naming the paragraph's line.
TEST(DedupTest, AKeyIcuCannotFoldIsAProblemForTheDocument) {
  Document doc;
  doc.id = "t";
  auto add = [&](const std::string& text, std::uint32_t line) {
    Block b;
    b.text = doc.AddText(text);
    b.line = line;
    b.gap = line > 1;
    doc.blocks.push_back(b);
  };
  add("One paragraph here.", 1);
  add("\xEF\xAC\x81nd " + testing::NeedsIcuMemory(), 3);  // The "fi" ligature: not in NFKC.
  {
    testing::FailIcuAllocations failing;
    doc = RemoveDuplicateParagraphs(std::move(doc), {});
  }
  EXPECT_EQ(doc.problem().ToString(),
            "document \"t\": line 3: ICU could not case-fold it (U_MEMORY_ALLOCATION_ERROR); it is skipped");
}

}  // namespace
}  // namespace pagewash

namespace pagewash {
namespace {

// Stream scope needs the run's index (or a ledger, which takes its place):
// without one it is refused when the run is set up, not run as document
// scope.
TEST(DedupStateTest, StreamScopeRequiresAnIndexOrALedger) {
  DedupOptions stream;
  stream.scope = DedupScope::kStream;
  Status s = ValidateDedup(stream, {});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "dedup with scope stream needs a seen index (or a ledger) for the run");
  SeenIndex index;
  Ledger ledger;
  EXPECT_TRUE(ValidateDedup(stream, {.index = &index}).ok());
  EXPECT_TRUE(ValidateDedup(stream, {.ledger = &ledger}).ok());
  EXPECT_TRUE(ValidateDedup(DedupOptions{}, {}).ok());
}

}  // namespace
}  // namespace pagewash
