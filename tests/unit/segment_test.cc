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

TEST(SegmentTest, FindsHeadingsParagraphsAndListItems) {
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

// Five wrapped lines of prose at `indent` columns, as lynx sets a paragraph.
std::string Prose(std::string_view indent) {
  std::string out;
  for (int i = 0; i < 5; ++i) {
    out += indent;
    out += i < 4 ? "the night buses run from the station to the hospital and back again, for all"
                 : "night.";
    out += '\n';
  }
  return out;
}

TEST(SegmentTest, ItemsWithoutMarkers) {
  // lynx leaves out the numbers of a reference list: each item's first line
  // starts further right than the lines under it.
  std::string refs =
      "     ^ Smith, John (2004). \"A long title of a paper about the trams of\n"
      "   the city\". Journal of Urban Transport. Retrieved 7 January 2011.\n\n"
      "     ^ Brown 2003, p. 122.\n\n"
      "     ^ Green, Anne (1999). \"Buses at night and in the day in the towns\n"
      "   of the north\". City Press. pp. 71 and 73.\n";
  EXPECT_EQ(Segment("Title\n\n" + refs),
            "H1 Title\n| L ^ Smith, John (2004). \"A long title of a paper about the trams of the city\". "
            "Journal of Urban Transport. Retrieved 7 January 2011.\nL ^ Brown 2003, p. 122.\nL ^ Green, Anne "
            "(1999). \"Buses at night and in the day in the towns of the north\". City Press. pp. 71 and 73.\n");
  // Two are not yet a list.
  std::string two = refs.substr(0, refs.find("     ^ Green"));
  EXPECT_EQ(Segment("Title\n\n" + two).find("| L"), std::string::npos) << Segment("Title\n\n" + two);
  // Chinese paragraphs open with a full-width indent: paragraphs, not items.
  std::string cjk;
  for (int i = 0; i < 3; ++i) {
    cjk += "   \u3000\u3000宇航员在太空中喝酒会怎么样？后果很严重，这是一项艰苦卓绝的工作。这让人感到巨大压力和\n"
           "   极度恐慌。\n\n";
  }
  EXPECT_EQ(Segment("Title\n\n" + cjk).find("| L"), std::string::npos) << Segment("Title\n\n" + cjk);
}

// An item found by its hanging indent takes off the marker its line opens
// with, even one the line's own dash made read as speech, not a list: the
// marker read from a line stays with it whatever decided its kind.
TEST(SegmentTest, AnItemWithoutAMarkerStillTakesOffWhatItsLineOpensWith) {
  EXPECT_EQ(Segment("Some introduction to the references of this article, which is long enough to be prose.\n\n"
                    "     12345. Smith, J. (2001) A book about things\n   and its long subtitle that goes on\n\n"
                    "     - Jones, K. \u2013 2003 \u2013 Another book\n   with a subtitle that goes on too\n\n"
                    "     99999. Brown, L. (2005) A third one\n   and the rest of its title here\n\n"
                    "     ^ Green, M. (2007) The fourth\n   and its title\n"),
            "P Some introduction to the references of this article, which is long enough to be prose.\n"
            "| L12345. Smith, J. (2001) A book about things and its long subtitle that goes on\n"
            "| L- Jones, K. \u2013 2003 \u2013 Another book with a subtitle that goes on too\n"
            "| L99999. Brown, L. (2005) A third one and the rest of its title here\n"
            "| L ^ Green, M. (2007) The fourth and its title\n");
}

TEST(SegmentTest, HeadingsStandLeftOfIndentedProse) {
  // lynx sets prose 3 columns in and headings at the margin, or centres
  // them: a short line at the prose's indent is a label, not a heading.
  std::string page = "Night buses\n\n" + Prose("   ") + "\n   Share this story\n\n" + Prose("   ") +
                     "\nWhere they go\n\n" + Prose("   ") + "\n" + std::string(31, ' ') + "Fares and tickets\n\n" +
                     Prose("   ");
  std::string got = Segment(page);
  EXPECT_NE(got.find("| P Share this story\n"), std::string::npos) << got;
  EXPECT_NE(got.find("| H2 Where they go\n"), std::string::npos) << got;
  EXPECT_NE(got.find("| H2 Fares and tickets\n"), std::string::npos) << got;
  // Where the prose stands at the margin, the same line is a heading.
  std::string flat = "Night buses\n\n" + Prose("") + "\nShare this story\n\n" + Prose("");
  EXPECT_NE(Segment(flat).find("| H2 Share this story\n"), std::string::npos) << Segment(flat);
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
