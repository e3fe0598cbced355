#include "text/stopwords.h"

#include <gtest/gtest.h>

namespace pagewash::text {
namespace {

TEST(StopwordsTest, EmbeddedCollectionHasFiftyLanguagesOrMore) {
  const StopwordIndex& index = StopwordIndex::Get();
  EXPECT_GE(index.size(), 50u);
  EXPECT_GE(index.Find("en"), 0);
  EXPECT_GE(index.Find("zh"), 0);
  EXPECT_EQ(index.Find("xx"), -1);
}

TEST(StopwordsTest, CountsStopwordsOfOneLanguage) {
  const StopwordIndex& index = StopwordIndex::Get();
  TokenizedText t;
  Tokenize("The cat sat on the mat", &t);
  StopwordCount en = CountStopwords(index, t, index.Find("en"));
  EXPECT_EQ(en.words, 6u);
  EXPECT_EQ(en.stopwords, 3u);  // the, on, the
  StopwordCount none = CountStopwords(index, t, -1);
  EXPECT_EQ(none.words, 6u);
  EXPECT_EQ(none.stopwords, 0u);
}

TEST(StopwordsTest, CaseDoesNotMatter) {
  const StopwordIndex& index = StopwordIndex::Get();
  TokenizedText t;
  Tokenize("THE And", &t);
  EXPECT_EQ(CountStopwords(index, t, index.Find("en")).stopwords, 2u);
}

TEST(StopwordsTest, NoSpaceScriptsCountCharacters) {
  StopwordIndex index = StopwordIndex::FromJson(R"({"zh": ["的", "是", "我们"]})");
  TokenizedText t;
  Tokenize("这是我的书", &t);  // One token for the tokenizer, five characters.
  StopwordCount c = CountStopwords(index, t, 0);
  EXPECT_EQ(c.words, 5u);
  EXPECT_EQ(c.stopwords, 2u);  // 是, 的; 我们 is two characters, not one word.
}

TEST(StopwordsTest, HitsPerLanguage) {
  StopwordIndex index = StopwordIndex::FromJson(R"({"en": ["the", "and"], "de": ["der", "und", "the"]})");
  TokenizedText t;
  Tokenize("der Hund und the cat and", &t);
  std::vector<std::uint32_t> hits(index.size(), 0);
  AddStopwordHits(index, t, &hits);
  EXPECT_EQ(hits[0], 2u);  // the, and
  EXPECT_EQ(hits[1], 3u);  // der, und, the
}

TEST(StopwordsTest, LanguageSetIdsStandForTheLanguagesOfAWord) {
  StopwordIndex index = StopwordIndex::FromJson(R"({"en": ["the", "and"], "de": ["der", "und", "the"]})");
  TokenizedText t;
  Tokenize("der Hund und the cat and", &t);
  std::vector<std::uint16_t> sets;
  std::uint32_t words = 0;
  AppendStopwordLanguageSets(index, t, &sets, &words);
  EXPECT_EQ(words, 6u);
  ASSERT_EQ(sets.size(), 4u);  // der, und, the, and; Hund and cat are no stop words.
  EXPECT_EQ(index.LanguageSet(sets[0]), 0b10u);   // der: de
  EXPECT_EQ(index.LanguageSet(sets[1]), 0b10u);   // und: de
  EXPECT_EQ(index.LanguageSet(sets[2]), 0b11u);   // the: en and de
  EXPECT_EQ(index.LanguageSet(sets[3]), 0b01u);   // and: en
  EXPECT_EQ(sets[0], sets[1]);  // One id a distinct set.
  EXPECT_NE(sets[0], sets[2]);
  EXPECT_EQ(index.LanguageSetId(WordHash("hund")), 0u);
  EXPECT_EQ(index.LanguageSet(0), 0u);
}

TEST(StopwordsTest, EveryWordsSetIdGivesItsLanguages) {
  const StopwordIndex& index = StopwordIndex::Get();
  TokenizedText t;
  Tokenize("the der le la el de и в 的 and und et y o a", &t);
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    const std::uint64_t h = t.tokens[i].hash;
    EXPECT_NE(index.Languages(h), 0u) << t.Word(i);
    EXPECT_EQ(index.LanguageSet(index.LanguageSetId(h)), index.Languages(h)) << t.Word(i);
  }
}

TEST(StopwordsTest, BadJsonGivesAnEmptyIndex) {
  EXPECT_EQ(StopwordIndex::FromJson("not json").size(), 0u);
  EXPECT_EQ(StopwordIndex::FromJson("{\"en\": [").size(), 0u);
}

}  // namespace
}  // namespace pagewash::text
