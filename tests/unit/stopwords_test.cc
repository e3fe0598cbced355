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

TEST(StopwordsTest, BadJsonGivesAnEmptyIndex) {
  EXPECT_EQ(StopwordIndex::FromJson("not json").size(), 0u);
  EXPECT_EQ(StopwordIndex::FromJson("{\"en\": [").size(), 0u);
}

}  // namespace
}  // namespace pagewash::text
