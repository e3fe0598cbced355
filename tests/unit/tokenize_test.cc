#include "text/tokenize.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace pagewash::text {
namespace {

// The tokens of `text` as TokenizeInParts gives them, with offsets into the
// whole key and text, as Tokenize gives them.
TokenizedText Joined(std::string_view text, bool nfkc, std::size_t* parts) {
  TokenizedText all;
  TokenizedText part;
  std::string scratch;
  *parts = 0;
  auto add = [&](const TokenizedText& p, std::size_t source_offset) {
    ++*parts;
    for (std::size_t k = 0; k < p.tokens.size(); ++k) {
      if (!all.key.empty()) all.key.push_back(' ');
      Token t = p.tokens[k];
      t.begin = static_cast<std::uint32_t>(all.key.size());
      t.end = static_cast<std::uint32_t>(t.begin + p.Word(k).size());
      t.source_begin += static_cast<std::uint32_t>(source_offset);
      t.source_end += static_cast<std::uint32_t>(source_offset);
      all.key.append(p.Word(k));
      all.tokens.push_back(t);
    }
  };
  if (nfkc) {
    EXPECT_TRUE(TokenizeNfkcInParts(text, &part, &scratch, add).ok());
  } else {
    TokenizeInParts(text, &part, add);
  }
  return all;
}

// Text of `bytes` bytes or more from `pieces`, chosen at random.
std::string Text(const std::vector<std::string>& pieces, std::size_t bytes, unsigned seed) {
  std::mt19937 rng(seed);
  std::string out;
  while (out.size() < bytes) out += pieces[rng() % pieces.size()];
  return out;
}

void ExpectSameTokens(std::string_view text, std::size_t min_parts) {
  TokenizedText whole;
  Tokenize(text, &whole);
  std::size_t parts = 0;
  TokenizedText joined = Joined(text, false, &parts);
  EXPECT_GE(parts, min_parts);
  EXPECT_EQ(joined.key, whole.key);
  ASSERT_EQ(joined.tokens.size(), whole.tokens.size());
  for (std::size_t i = 0; i < whole.tokens.size(); ++i) {
    EXPECT_EQ(joined.tokens[i].hash, whole.tokens[i].hash) << i;
    EXPECT_EQ(joined.tokens[i].source_begin, whole.tokens[i].source_begin) << i;
    EXPECT_EQ(joined.tokens[i].source_end, whole.tokens[i].source_end) << i;
  }
  // NFKC: the same key, part by part, as mapped whole.
  std::string scratch;
  ASSERT_TRUE(TokenizeNfkc(text, &whole, &scratch).ok());
  joined = Joined(text, true, &parts);
  EXPECT_EQ(joined.key, whole.key);
  ASSERT_EQ(joined.tokens.size(), whole.tokens.size());
  for (std::size_t i = 0; i < whole.tokens.size(); ++i) EXPECT_EQ(joined.tokens[i].hash, whole.tokens[i].hash) << i;
}

TEST(TokenizeInPartsTest, PartsGiveTheTokensOfTheWhole) {
  // Words, punctuation, invisible characters inside words (a part must not
  // cut there), combining marks, forms NFKC maps (ligatures, "…", circled
  // digits, which NFKC makes a letter or digit), and runs of a script
  // without spaces.
  const std::vector<std::string> pieces = {
      "word ", "Word, ", "x", "-", "soft\u00adhyphen ", "zero\u200bwidth", "e\u0301 ", "\u2026", "\uFB01nal ",
      "\u2460", "\u216B ", "\u6211\u4EEC\u7684", "\uFF0C", "\u3002", "\n", "  ", "1999", "\u00AB ", "\u00BB"};
  ExpectSameTokens(Text(pieces, 400000, 1), 3);
  ExpectSameTokens(Text(pieces, 400000, 2), 3);
  // A short text is one part.
  ExpectSameTokens("Hello, world", 1);
  ExpectSameTokens("", 1);
}

TEST(TokenizeInPartsTest, TextWithoutSeparatorsOrOnlyOthers) {
  // One word longer than a part: the part takes it whole.
  ExpectSameTokens(std::string(300000, 'a'), 1);
  // No ASCII at all: parts are cut before other separators ("，").
  ExpectSameTokens(Text({"\u6211\u4EEC\u7684", "\uFF0C", "\u7F51\u7AD9", "\u3002"}, 300000, 3), 3);
}

TEST(Hasher64Test, PiecesHashAsTheWhole) {
  const std::string text = Text({"abc ", "de", "\u00e9 "}, 10000, 4);
  Hasher64 h;
  for (std::size_t at = 0; at < text.size(); at += 777) h.Add(std::string_view(text).substr(at, 777));
  EXPECT_EQ(h.Digest(), Hash64(text));
  h.Reset();
  h.Add(text);
  EXPECT_EQ(h.Digest(), Hash64(text));
}

}  // namespace
}  // namespace pagewash::text

namespace pagewash::text {
namespace {

// The count eight bytes at a time gives the count a byte at a time: every
// byte but a continuation byte, on any bytes, UTF-8 or not.
TEST(CodePointsTest, CountsWhatAByteLoopCounts) {
  auto by_byte = [](std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  EXPECT_EQ(CodePoints(""), 0u);
  EXPECT_EQ(CodePoints("A line of plain ASCII text."), 27u);
  EXPECT_EQ(CodePoints("Žluťoučký kůň úpěl ďábelské ódy — 宇航员"), 37u);
  std::uint64_t state = 1;
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::size_t length = (state >> 33) % 41;
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      s.push_back(static_cast<char>(state >> 56));
    }
    ASSERT_EQ(CodePoints(s), by_byte(s)) << round;
  }
}

}  // namespace
}  // namespace pagewash::text
