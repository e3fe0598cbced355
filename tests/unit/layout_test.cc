#include "layout.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/testdata.h"

namespace pagewash::internal {
namespace {

TEST(LayoutTest, ListMarkers) {
  struct Case {
    std::string_view line;
    bool is_marker;
    std::string_view marker;
    bool ordered;
    char style;
    bool heading_only = false;
  };
  const Case cases[] = {
      {"• item", true, "•", false, 'b'},
      {"- item", true, "-", false, 'b'},
      {"* item", true, "*", false, 'b'},
      {"– item", true, "–", false, 'b'},
      {"○ item", true, "○", false, 'b'},
      {"1. item", true, "1.", true, '1'},
      {"12) item", true, "12)", true, '1'},
      {"a) item", true, "a)", true, 'a'},
      {"iv. item", true, "iv.", true, 'i'},
      {"IV. Results", true, "IV.", true, 'I'},
      {"(3) item", true, "(3)", true, '1'},
      {"2.1 Scope", true, "2.1", true, 's', true},
      {"1.5 million people came", true, "1.5", true, 's', true},
      {"1.2.3. Deep", true, "1.2.3.", true, 's'},
      {"а) пункт", true, "а)", true, 'a'},
      {"2024. was a good year", false, "", false, 'b'},
      {"Poland is a member.", false, "", false, 'b'},
      {"A. Smith said so.", false, "", false, 'b'},
      {"-dash without space", false, "", false, 'b'},
      {"•", false, "", false, 'b'},
  };
  for (const Case& c : cases) {
    ListMarker m;
    EXPECT_EQ(ParseListMarker(c.line, &m), c.is_marker) << c.line;
    if (!c.is_marker) continue;
    EXPECT_EQ(m.marker, c.marker) << c.line;
    EXPECT_EQ(m.ordered, c.ordered) << c.line;
    EXPECT_EQ(m.style, c.style) << c.line;
    EXPECT_EQ(m.heading_only, c.heading_only) << c.line;
  }
}

TEST(LayoutTest, EndsSentence) {
  for (std::string_view yes : {"End.", "Really?", "Wow!", "Wait…", "List:", "item;", "He said “yes.”",
                               "(see above.)", "«Так.»"}) {
    EXPECT_TRUE(EndsSentence(yes)) << yes;
  }
  for (std::string_view no : {"Global security", "Thanks,", "(CSDP)", "Zelenskyy (", "“Quoted title”"}) {
    EXPECT_FALSE(EndsSentence(no)) << no;
  }
}

TEST(LayoutTest, AtxPrefixLength) {
  EXPECT_EQ(AtxPrefixLength("# Title"), 2u);
  EXPECT_EQ(AtxPrefixLength("### Scope"), 4u);
  EXPECT_EQ(AtxPrefixLength("#hashtag"), 0u);
  EXPECT_EQ(AtxPrefixLength("# "), 0u);
  EXPECT_EQ(AtxPrefixLength("Title #1"), 0u);
}

TEST(LayoutTest, HasYear) {
  EXPECT_TRUE(HasYear("Jane Doe - Apr 16, 2015 8:02 pm"));
  EXPECT_TRUE(HasYear("1999"));
  EXPECT_FALSE(HasYear("Minecraft 1.8 - The Bountiful Update"));
  EXPECT_FALSE(HasYear("120 millones"));
  EXPECT_FALSE(HasYear("20155 visitors"));
  EXPECT_FALSE(HasYear("12015"));
}

TEST(LayoutTest, HangingItemLinesStayTogether) {
  // An item without a marker: its first line starts 2 columns further right
  // than the lines under it, all of which belong to it.
  Document doc = pagewash::testing::FromText(
      "     ^ Smith, John (2004). \"A long title of a paper about the trams of\n"
      "   the city and of the buses that run beside them at night\". Journal\n"
      "   Press. 2011.\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_TRUE(IsHangingUnder(doc.blocks[0], doc.blocks[1], doc));
  EXPECT_FALSE(IsHangingUnder(doc.blocks[1], doc.blocks[2], doc));
  std::vector<Unit> units = SplitUnits(doc);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].last, 2u);
  // A wrapped line under such an item goes on at its second line's indent,
  // even when it starts with a number.
  Document numbered = pagewash::testing::FromText(
      "     ^ Bathgate, John. \"The Pamphlet Collection of Sir Robert Stout:Volume\n"
      "   44. Chapter 1, Discovery and Settlement\". NZETC. Retrieved 17 August\n"
      "   2018.\n");
  units = SplitUnits(numbered);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].last, 2u);
  // A first line at the margin over indented lines is none.
  Document code = pagewash::testing::FromText("Title\n   indented text\n");
  EXPECT_FALSE(IsHangingUnder(code.blocks[0], code.blocks[1], code));
}

TEST(LayoutTest, MeasureBody) {
  std::string lynx;
  std::string flat;
  for (int i = 0; i < 6; ++i) {
    lynx += "   the night buses run from the station to the hospital and back again, for all\n";
    flat += "the night buses run from the station to the hospital and back again, for all\n";
  }
  Document indented = pagewash::testing::FromText("Title\n\n" + lynx + "\n   Share\n\n" +
                                                  std::string(32, ' ') + "Centred heading\n");
  BodyLayout body = MeasureBody(indented);
  EXPECT_EQ(body.indent, 3u);
  EXPECT_EQ(body.width, 79u);
  EXPECT_TRUE(AtHeadingIndent(indented, indented.blocks[0], body));                             // Title
  EXPECT_FALSE(AtHeadingIndent(indented, indented.blocks[7], body));                            // Share
  EXPECT_TRUE(AtHeadingIndent(indented, indented.blocks[8], body)) << indented.blocks[8].indent;  // Centred
  EXPECT_EQ(MeasureBody(pagewash::testing::FromText(flat)).indent, 0u);
  EXPECT_EQ(MeasureBody(pagewash::testing::FromText("   one short line\n")).indent, 0u);  // Too little prose.
}

}  // namespace
}  // namespace pagewash::internal
