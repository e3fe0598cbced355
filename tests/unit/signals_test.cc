#include "pagewash/signals.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/support/testdata.h"

namespace pagewash {
namespace {

struct Line {
  BlockKind kind;
  std::string_view text;
};

// A segmented document: a blank line before every block but a list item
// that continues a list, as segment makes them.
Document Page(std::initializer_list<Line> lines) {
  Document doc;
  for (const Line& line : lines) {
    Block b;
    b.kind = line.kind;
    b.text = doc.AddText(line.text);
    b.gap = !doc.blocks.empty() &&
            !(b.kind == BlockKind::kListItem && doc.blocks.back().kind == BlockKind::kListItem);
    doc.blocks.push_back(b);
  }
  return doc;
}

constexpr BlockKind kH = BlockKind::kHeading;
constexpr BlockKind kP = BlockKind::kParagraph;
constexpr BlockKind kL = BlockKind::kListItem;

// The text is
//   "Title\n\nthe cat sat on the mat.\n\none...\ntwo #tag\n\nthe cat sat on the mat."
// 72 characters; 16 words of 54 characters: Title(5) the cat sat on the
// mat.(18) one...(6) two(3) #tag(4) the cat sat on the mat.(18).
// docs/signals.md works the n-gram values out by hand.
TEST(SignalsTest, ValuesWorkedOutByHandForASmallPage) {
  Signals s = ComputeSignals(Page({{kH, "Title"},
                                   {kP, "the cat sat on the mat."},
                                   {kL, "one..."},
                                   {kL, "two #tag"},
                                   {kP, "the cat sat on the mat."}}));
  EXPECT_EQ(s.characters, 72u);
  EXPECT_EQ(s.words, 16u);
  EXPECT_DOUBLE_EQ(s.mean_word_length, 54.0 / 16);
  EXPECT_DOUBLE_EQ(s.hash_word_ratio, 1.0 / 16);
  EXPECT_DOUBLE_EQ(s.ellipsis_word_ratio, 1.0 / 16);
  EXPECT_EQ(s.lines, 5u);
  EXPECT_DOUBLE_EQ(s.lines_ending_with_ellipsis, 1.0 / 5);
  EXPECT_DOUBLE_EQ(s.lines_starting_with_bullet, 2.0 / 5);              // The two list items.
  EXPECT_DOUBLE_EQ(s.lines_ending_with_terminal_punctuation, 3.0 / 5);  // "one..." ends with '.'.
  EXPECT_DOUBLE_EQ(s.duplicate_lines, 1.0 / 5);
  EXPECT_DOUBLE_EQ(s.duplicate_line_chars, 23.0 / 72);
  EXPECT_EQ(s.paragraphs, 4u);  // The list is one paragraph.
  EXPECT_DOUBLE_EQ(s.duplicate_paragraphs, 1.0 / 4);
  EXPECT_DOUBLE_EQ(s.duplicate_paragraph_chars, 23.0 / 72);
  // Every repeated 2-gram occurs twice; the longest is "the mat." (3 + 4).
  EXPECT_DOUBLE_EQ(s.top_ngram_chars[0], 14.0 / 54);
  // "the cat sat" and "on the mat." tie at 9 characters: the first wins.
  EXPECT_DOUBLE_EQ(s.top_ngram_chars[1], 18.0 / 54);
  // "sat on the mat." (12) beats "the cat sat on" and "cat sat on the" (11).
  EXPECT_DOUBLE_EQ(s.top_ngram_chars[2], 24.0 / 54);
  // The 5- and 6-grams inside the repeated sentence cover both copies of it.
  EXPECT_DOUBLE_EQ(s.duplicate_ngram_chars[0], 36.0 / 54);
  EXPECT_DOUBLE_EQ(s.duplicate_ngram_chars[1], 36.0 / 54);
  // A sentence of 6 words has no repeated 7-gram.
  for (std::size_t n = 7; n <= 10; ++n) EXPECT_EQ(s.duplicate_ngram_chars[n - 5], 0) << n;
  EXPECT_EQ(s.gopher_stop_words, 1u);           // "the".
  EXPECT_FALSE(s.stop_word_ratio.has_value());  // No metadata.language.
  EXPECT_DOUBLE_EQ(s.alphabetic_words, 1.0);
  EXPECT_EQ(s.curly_brackets, 0u);
  EXPECT_FALSE(s.lorem_ipsum);
}

TEST(SignalsTest, OverlappingRepeatsCountOnce) {
  // "a a a a a a": the 2-gram "a a" occurs 5 times but covers 6 characters.
  Signals s = ComputeSignals(Page({{kP, "a a a a a a"}}));
  EXPECT_DOUBLE_EQ(s.top_ngram_chars[0], 1.0);
  EXPECT_DOUBLE_EQ(s.duplicate_ngram_chars[0], 1.0);  // "a a a a a" twice, overlapping.
  EXPECT_DOUBLE_EQ(s.duplicate_ngram_chars[1], 0);    // One 6-gram only.
}

TEST(SignalsTest, WordsLettersAndC4) {
  // Words: "Price:" "25" "€" "2024" "ok" "Lorem" "Ipsum" "{x}": 5 of 8 have a letter.
  Signals s = ComputeSignals(Page({{kP, "Price: 25 € 2024 ok"}, {kP, "Lorem Ipsum {x}"}}));
  EXPECT_EQ(s.words, 8u);
  EXPECT_DOUBLE_EQ(s.alphabetic_words, 5.0 / 8);
  EXPECT_EQ(s.curly_brackets, 1u);
  EXPECT_TRUE(s.lorem_ipsum);
  EXPECT_DOUBLE_EQ(s.lines_ending_with_terminal_punctuation, 0);
  EXPECT_DOUBLE_EQ(s.top_ngram_chars[0], 0);  // Nothing repeats.
}

TEST(SignalsTest, BulletsAndEllipses) {
  // A line of text that starts with a bullet counts, as does an unordered
  // list item; a numbered item does not.
  Document doc = Page({{kP, "• Home"}, {kP, "Read more…"}, {kL, "first"}, {kP, "1. numbered"}});
  doc.blocks[2].ordered = true;
  Signals s = ComputeSignals(doc);
  EXPECT_DOUBLE_EQ(s.lines_starting_with_bullet, 1.0 / 4);
  EXPECT_DOUBLE_EQ(s.lines_ending_with_ellipsis, 1.0 / 4);
  EXPECT_DOUBLE_EQ(s.ellipsis_word_ratio, 1.0 / 7);
}

TEST(SignalsTest, StopWordsOfThePageLanguage) {
  Document doc = Page({{kP, "The zebra, and the xylophone."}});
  Signals s = ComputeSignals(doc);
  EXPECT_EQ(s.gopher_stop_words, 2u);  // "the" (any case) and "and".
  EXPECT_FALSE(s.stop_word_ratio.has_value());
  doc.SetMetadata("language", "en");
  s = ComputeSignals(doc);
  ASSERT_TRUE(s.stop_word_ratio.has_value());
  EXPECT_DOUBLE_EQ(*s.stop_word_ratio, 3.0 / 5);  // the, and, the of 5 tokens.
}

TEST(SignalsTest, EmptyDocument) {
  Signals s = ComputeSignals(Document{});
  EXPECT_EQ(s.words, 0u);
  EXPECT_EQ(s.lines, 0u);
  EXPECT_EQ(s.mean_word_length, 0);
  EXPECT_EQ(s.duplicate_lines, 0);
}

TEST(SignalsTest, JsonInMetadataOrder) {
  Document doc = Page({{kP, "Hello there."}});
  doc.SetMetadata("author", "Ann");
  doc.SetMetadata("url", "https://example.org");
  doc.SetMetadata("signals", "{\"stale\":1}", /*raw_json=*/true);
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject();
  WriteMetadataWithSignals(doc, &w);
  w.EndObject();
  EXPECT_EQ(
      out,
      R"({"metadata":{"author":"Ann","signals":{"characters":12,"words":2,"mean_word_length":5.5,)"
      R"("hash_word_ratio":0,"ellipsis_word_ratio":0,"lines":1,"lines_ending_with_ellipsis":0,)"
      R"("lines_starting_with_bullet":0,"lines_ending_with_terminal_punctuation":1,"duplicate_lines":0,)"
      R"("duplicate_line_chars":0,"paragraphs":1,"duplicate_paragraphs":0,"duplicate_paragraph_chars":0,)"
      R"("top_2gram_chars":0,"top_3gram_chars":0,"top_4gram_chars":0,"duplicate_5gram_chars":0,)"
      R"("duplicate_6gram_chars":0,"duplicate_7gram_chars":0,"duplicate_8gram_chars":0,)"
      R"("duplicate_9gram_chars":0,"duplicate_10gram_chars":0,"gopher_stop_words":0,)"
      R"("stop_word_ratio":null,"alphabetic_words":1,"curly_brackets":0,"lorem_ipsum":false},)"
      R"("url":"https://example.org"}})");
}

}  // namespace
}  // namespace pagewash
