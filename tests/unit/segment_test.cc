#include "pagewash/segment.h"

#include <gtest/gtest.h>

#include "tests/support/testdata.h"

namespace pagewash {
namespace {

using testing::DebugString;
using testing::FromText;

std::string Segment(std::string_view text) { return DebugString(SegmentSections(FromText(text), {})); }

struct Case {
  std::string_view name, in, want;
};

TEST(SegmentTest, Structure) {
  const Case cases[] = {
      {"title and paragraphs", "Global security\n\nPoland is a member.\n\nSecond paragraph.",
       "H1 Global security\n| P Poland is a member.\n| P Second paragraph.\n"},
      {"one-line paragraphs without a blank line", "Title\n\nFirst sentence ends.\nSecond starts here.",
       "H1 Title\n| P First sentence ends.\n| P Second starts here.\n"},
      {"wrapped paragraph joined",
       "Title\n\nThis is a paragraph that a mail client wrapped at about seventy-two\n"
       "columns, so the second line continues the first one and the third\nends it.",
       "H1 Title\n| P This is a paragraph that a mail client wrapped at about seventy-two columns, "
       "so the second line continues the first one and the third ends it.\n"},
      {"bullets with an introducing line",
       "Title\n\nThe support includes:\n  • first item;\n  • second item.",
       "H1 Title\n| P The support includes:\n| L• first item;\nL• second item.\n"},
      {"numbered items with blank lines", "Title\n\n1. first item;\n\n2. second item.",
       "H1 Title\n| L1. first item;\nL2. second item.\n"},
      {"hanging indent continues an item",
       "Title\n\n  * The first item wraps onto\n    an indented line\n  * Second",
       "H1 Title\n| L* The first item wraps onto an indented line\nL* Second\n"},
      {"label above the title", "International Cooperation\n\nInternational Police Cooperation\n\nText.",
       "H1 International Cooperation\n| H1 International Police Cooperation\n| P Text.\n"},
      {"second heading is level 2", "Title\n\nText.\n\nSection\n\nMore text.",
       "H1 Title\n| P Text.\n| H2 Section\n| P More text.\n"},
      {"numbered heading", "Title\n\nText.\n\n2.1 Scope\n\nThe scope.",
       "H1 Title\n| P Text.\n| H3 2.1 Scope\n| P The scope.\n"},
      {"question heading", "Title\n\nHow do I apply?\n\nFill in the form.",
       "H1 Title\n| H2 How do I apply?\n| P Fill in the form.\n"},
      {"colon line is not a heading", "Title\n\nThe list follows:\n\nSomething.",
       "H1 Title\n| P The list follows:\n| P Something.\n"},
      {"dash speech is not a list", "Title\n\n– We are ready – said the minister.\n\nMore.",
       "H1 Title\n| P – We are ready – said the minister.\n| P More.\n"},
      {"a decimal number is not a list marker", "Title\n\n1.5 million people voted.\n\nMore.",
       "H1 Title\n| P 1.5 million people voted.\n| P More.\n"},
      {"last short line is not a heading", "Title\n\nText.\n\nThe end", "H1 Title\n| P Text.\n| P The end\n"},
      {"three headings in a row are links, not headings",
       "Title\n\nText.\n\nFirst Story Title\n\nSecond Story Title\n\nThird Story Title\n\nIts text.",
       "H1 Title\n| P Text.\n| P First Story Title\n| P Second Story Title\n| H2 Third Story Title\n| P Its text.\n"},
      {"one block a line, no blank lines (WET)",
       "Night buses start on Monday\nThe council said that the buses would run all night from Monday, "
       "because the people who work late had asked for them.\nWhere they go\nThey go to the station and back.",
       "H1 Night buses start on Monday\n| P The council said that the buses would run all night from Monday, "
       "because the people who work late had asked for them.\n| H2 Where they go\n| P They go to the station "
       "and back.\n"},
      {"markdown headings", "# Title\n\nText.\n\n### Details of it\n\nMore.",
       "H1 Title\n| P Text.\n| H3 Details of it\n| P More.\n"},
      {"a hash before a sentence is text", "Title\n\n# 1 best seller, sold out again.\n\nMore.",
       "H1 Title\n| P # 1 best seller, sold out again.\n| P More.\n"},
      {"lynx nested bullets are items of their own",
       "Title\n\n     * Blogs\n          + Speak Freely\n               o Archive\n",
       "H1 Title\n| L* Blogs\nL+ Speak Freely\nLo Archive\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(Segment(c.in), c.want) << c.name;
}

TEST(SegmentTest, TitleAndIdempotence) {
  Document doc = SegmentSections(FromText("Label\n\nThe Title\n\nBody text."), {});
  EXPECT_EQ(doc.title, "The Title");
  std::string once = DebugString(doc);
  doc = SegmentSections(std::move(doc), {});
  EXPECT_EQ(DebugString(doc), once);
  EXPECT_EQ(doc.title, "The Title");
}

TEST(SegmentTest, ListMarkerKeptSeparately) {
  Document doc = SegmentSections(FromText("T\n\n3) third thing;\n4) fourth thing."), {});
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.Text(doc.blocks[1]), "third thing;");
  EXPECT_EQ(doc.Text(doc.blocks[1].marker), "3)");
  EXPECT_TRUE(doc.blocks[1].ordered);
}

}  // namespace
}  // namespace pagewash
