#include "pagewash/document.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "pagewash/segment.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

static_assert(Document::kMaxTextBytes == std::numeric_limits<std::uint32_t>::max(),
              "every slice of the arena must fit TextRef's 32-bit offset and length");

TEST(DocumentTest, AddTextUpToTheLimitFits) {
  Document doc;
  doc.SetTextLimitForTesting(10);
  TextRef a = doc.AddText("12345");
  TextRef b = doc.AddText("67890");  // Ends at the limit exactly.
  EXPECT_EQ(doc.Text(a), "12345");
  EXPECT_EQ(doc.Text(b), "67890");
  EXPECT_EQ(doc.ArenaSize(), 10u);
  EXPECT_TRUE(doc.problem().ok());
}

// Past the limit a 32-bit offset would wrap and name other text; the text is
// not added, and the document has a problem the driver reports.
TEST(DocumentTest, AddTextPastTheLimitIsAProblemNotAWrap) {
  Document doc;
  doc.id = "big";
  doc.SetTextLimitForTesting(10);
  TextRef a = doc.AddText("12345");
  TextRef b = doc.AddText("678901");
  EXPECT_EQ(b.offset, 0u);
  EXPECT_EQ(b.length, 0u);
  EXPECT_EQ(doc.ArenaSize(), 5u);
  EXPECT_EQ(doc.Text(a), "12345");
  Status s = doc.problem();
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.ToString(),
            "document \"big\": its text grew past 10 bytes, more than a document can hold; it is skipped");
  // Smaller text still fits, but the document stays one to skip.
  EXPECT_EQ(doc.Text(doc.AddText("x")), "x");
  EXPECT_FALSE(doc.problem().ok());
}

TEST(DocumentTest, TheFirstProblemIsKept) {
  Document doc;
  doc.id = "t";
  doc.SetProblem("line 2: first");
  doc.SetProblem("line 9: second");
  EXPECT_EQ(doc.problem().message(), "document \"t\": line 2: first; it is skipped");
}

TEST(DocumentTest, ClearForgetsTheProblemAndKeepsTheLimit) {
  Document doc;
  doc.SetTextLimitForTesting(4);
  (void)doc.AddText("12345");
  ASSERT_FALSE(doc.problem().ok());
  doc.Clear();
  EXPECT_TRUE(doc.problem().ok());
  EXPECT_EQ(doc.TextLimit(), 4u);
  doc.SetTextLimitForTesting(std::numeric_limits<std::size_t>::max());
  EXPECT_EQ(doc.TextLimit(), Document::kMaxTextBytes);
}

// segment copies each joined paragraph into the arena: a page that fits
// when read can outgrow it there.
TEST(DocumentTest, AStageThatOutgrowsTheArenaLeavesAProblem) {
  Document doc = testing::FromText("A paragraph wrapped\nover two lines.\n");
  doc.SetTextLimitForTesting(doc.ArenaSize() + 10);
  doc = SegmentSections(std::move(doc), {});
  EXPECT_EQ(doc.problem().ToString(),
            "document \"t\": its text grew past " + std::to_string(doc.TextLimit()) +
                " bytes, more than a document can hold; it is skipped");
}

}  // namespace
}  // namespace pagewash
