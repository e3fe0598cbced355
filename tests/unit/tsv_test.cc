#include "text/tsv.h"

#include <gtest/gtest.h>

#include <string>

namespace pagewash::text {
namespace {

TEST(TsvTest, EscapesWhatWouldSplitAField) {
  std::string out;
  AppendTsvField("a\tb\nc\rd\\e", &out);
  EXPECT_EQ(out, "a\\tb\\nc\\rd\\\\e");
}

TEST(TsvTest, UnescapeUndoesAppend) {
  for (std::string_view s : {"", "plain", "a\tb", "\\t is not a tab", "x\\", "line\nbreak\r\n"}) {
    std::string field;
    AppendTsvField(s, &field);
    EXPECT_EQ(UnescapeTsvField(field), s) << field;
  }
  EXPECT_EQ(UnescapeTsvField("trailing\\"), "trailing\\");
  EXPECT_EQ(UnescapeTsvField("\\q"), "q");
}

}  // namespace
}  // namespace pagewash::text
