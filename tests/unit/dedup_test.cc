#include "pagewash/dedup.h"

#include <gtest/gtest.h>

#include "pagewash/segment.h"
#include "tests/support/testdata.h"

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

TEST(DedupTest, MinWords) {
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

TEST(DedupTest, WorksAfterSegment) {
  Document doc = SegmentSections(FromText("Title\n\nSame text here.\n\nSame text here."), {});
  doc = RemoveDuplicateParagraphs(std::move(doc), {});
  EXPECT_EQ(DebugString(doc), "H1 Title\n| P Same text here.\n");
}

}  // namespace
}  // namespace pagewash
