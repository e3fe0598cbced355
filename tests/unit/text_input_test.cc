#include "pagewash/text_input.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/icu_failure.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

using testing::DebugString;

struct Case {
  std::string_view name;
  std::string_view in;
  std::string_view want;  // DebugString of the result.
};

TEST(TextInputTest, NormalisesLineEndsSpacesAndUnicode) {
  const Case cases[] = {
      {"plain", "Hello world.", "line Hello world.\n"},
      {"bom", "\xEF\xBB\xBFHello", "line Hello\n"},
      {"crlf", "a\r\nb\r\n", "line a\nline b\n"},
      {"cr", "a\rb", "line a\nline b\n"},
      {"blank lines set gap", "a\n\n\n b", "line a\n| line b\n"},
      {"leading blank lines", "\n\n a", "line a\n"},
      {"spaces collapse", "a  \t b   ", "line a b\n"},
      {"nbsp and thin space", "a\xC2\xA0" "b\xE2\x80\x89" "c", "line a b c\n"},
      {"zero width and soft hyphen removed", "co\xE2\x80\x8Bop\xC2\xAD" "er\xE2\x81\xA0" "ate",
       "line cooperate\n"},
      {"zwj kept", "a\xE2\x80\x8D" "b", "line a\xE2\x80\x8D" "b\n"},
      {"nfc", "e\xCC\x81t\xC3\xA9", "line \xC3\xA9t\xC3\xA9\n"},
      {"line separator splits", "a\xE2\x80\xA8" "b", "line a\nline b\n"},
      {"control characters dropped", std::string_view("a\x01" "b\x00" "c", 5), "line abc\n"},
      {"c1 control dropped", "a\xC2\x85" "b", "line a b\n"},
      {"invalid utf8 replaced", "a\xFF" "b", "line a\xEF\xBF\xBD" "b\n"},
      {"only spaces is blank", "a\n   \t\nb", "line a\n| line b\n"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DebugString(testing::FromText(c.in)), c.want) << c.name;
  }
}

// What the reader makes of ASCII, said the simplest way: lines end at \n,
// \r\n or \r; other control characters and DEL are dropped; spaces, tabs,
// \v and \f before the first character are the indent, and between words
// one space; a line of no word is no block.
std::vector<std::pair<std::string, std::uint16_t>> ReadAscii(std::string_view page) {
  std::vector<std::pair<std::string, std::uint16_t>> lines;
  std::size_t pos = 0;
  while (pos < page.size()) {
    std::string text;
    std::uint16_t indent = 0;
    bool leading = true, space = false;
    for (; pos < page.size() && page[pos] != '\n' && page[pos] != '\r'; ++pos) {
      const char c = page[pos];
      if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
        indent += leading;
        space = !leading;
      } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
        if (space) text += ' ';
        text += c;
        leading = space = false;
      }
    }
    if (!text.empty()) lines.emplace_back(text, indent);
    if (pos < page.size() && page[pos] == '\r' && pos + 1 < page.size() && page[pos + 1] == '\n') ++pos;
    ++pos;
  }
  return lines;
}

TEST(TextInputTest, AsciiIsReadAsTheSimplestReaderReadsIt) {
  // Random ASCII with runs of words, single and double spaces, tabs and
  // control characters at every offset, so that the eight-byte steps over
  // words meet each case at each position of a step.
  std::mt19937 rng(7);
  const std::string_view alphabet = "abcdefgh.,ABC  \t\x01\x7f\n\r";
  const std::string_view words = "The council said on Monday that the new bus routes would run ";
  for (int trial = 0; trial < 3000; ++trial) {
    std::string page;
    const int pieces = static_cast<int>(rng() % 40);
    for (int k = 0; k < pieces; ++k) {
      if (rng() % 3 == 0) {
        page += words.substr(rng() % words.size(), rng() % 24);
      } else {
        page += alphabet[rng() % alphabet.size()];
      }
    }
    Document doc = testing::FromText(page);
    std::vector<std::pair<std::string, std::uint16_t>> got;
    for (const Block& b : doc.blocks) got.emplace_back(std::string(doc.Text(b)), b.indent);
    ASSERT_EQ(got, ReadAscii(page)) << "page: \"" << page << "\"";
  }
}

TEST(TextInputTest, RecordsIndentLineAndSpan) {
  Document doc = testing::FromText("Title\n\n    indented line\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].indent, 4);
  EXPECT_EQ(doc.blocks[1].line, 3u);
  EXPECT_EQ(doc.blocks[1].span.begin, 7u);
  EXPECT_EQ(doc.blocks[1].span.end, 24u);
  EXPECT_TRUE(doc.blocks[1].gap);
  EXPECT_EQ(doc.stats.input_lines, 2u);
  EXPECT_EQ(doc.stats.input_bytes, 25u);
}

TEST(TextInputTest, ReportsInvalidUtf8Once) {
  Document doc;
  TextReader reader;
  TextInputReport report = reader.Read("ok\nbad \xC3\x28 and \xFF\xFE", &doc);
  EXPECT_EQ(report.invalid_utf8, 3u);
  EXPECT_EQ(report.first_invalid_offset, 7u);
  EXPECT_EQ(doc.stats.invalid_utf8, 3u);
}

// The text stays as read, valid UTF-8, but out of NFC: the document is one
// the driver reports and skips, naming the line.
TEST(TextInputTest, ALineIcuCannotNormaliseIsAProblemForTheDocument) {
  Document doc;
  TextReader reader;
  {
    testing::FailIcuAllocations failing;
    (void)reader.Read("Fine.\n" + testing::NeedsIcuMemory() + "\n", &doc);
  }
  doc.id = "p";
  EXPECT_EQ(doc.problem().ToString(),
            "document \"p\": line 2: ICU could not put it in NFC (U_MEMORY_ALLOCATION_ERROR); it is skipped");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.Text(doc.blocks[1]), testing::NeedsIcuMemory());
}

}  // namespace
}  // namespace pagewash
