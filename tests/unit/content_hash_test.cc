#include "pagewash/content_hash.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pagewash/segment.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

// "Hello." before any heading, then the heading "Title" (level 1) over one
// list item, "a;", with an author: built by hand, so that no stage's
// choices (the language it adds to metadata, say) reach the hashes.
Document HandMade() {
  Document doc;
  doc.id = "t";
  doc.title = "Title";
  doc.SetMetadata("author", "Ann Lee");
  auto add = [&](BlockKind kind, std::string_view text, std::uint8_t level = 0) {
    Block b;
    b.kind = kind;
    b.text = doc.AddText(text);
    b.level = level;
    doc.blocks.push_back(b);
  };
  add(BlockKind::kParagraph, "Hello.");
  add(BlockKind::kHeading, "Title", 1);
  add(BlockKind::kListItem, "a;");
  return doc;
}

// The values are XXH3-64 of the bytes content_hash.h lists, computed apart
// from pagewash (a few lines against libxxhash): a change to what goes into
// a hash, which would make every manifest report every document changed,
// fails here first.
TEST(ContentHashTest, KnownValues) {
  const Document doc = HandMade();
  EXPECT_EQ(HashString(BlockHash(doc, doc.blocks[0])), "d0f116c5b1d14ebd");  // paragraph\0Hello.\0
  EXPECT_EQ(HashString(BlockHash(doc, doc.blocks[2])), "6bf646839e694a43");  // list_item\0a;\0
  DocumentHashes d = ComputeHashes(doc);
  EXPECT_EQ(d.id, "t");
  ASSERT_EQ(d.sections.size(), 2u);
  EXPECT_EQ(d.sections[0].heading, "");
  EXPECT_EQ(HashString(d.sections[0].hash), "11a8869a55f4a9e2");
  EXPECT_EQ(d.sections[1].heading, "Title");
  EXPECT_EQ(HashString(d.sections[1].hash), "31d5969f332b32a6");
  EXPECT_EQ(d.sections[1].blocks, std::vector<std::uint64_t>{0x6bf646839e694a43u});
  EXPECT_EQ(HashString(d.hash), "76fefa6985901603");
}

// Each field ends with a 0 byte: moving bytes from one field to the next
// ("ab", "c" against "a", "bc") changes the hash.
TEST(ContentHashTest, FieldsAreSeparated) {
  auto hash = [](std::string_view title, std::string_view key, std::string_view value) {
    Document doc;
    doc.title = title;
    doc.SetMetadata(key, value);
    return ComputeHashes(doc).hash;
  };
  EXPECT_NE(hash("ab", "c", "d"), hash("a", "bc", "d"));
  EXPECT_NE(hash("a", "bc", "d"), hash("a", "b", "cd"));
  EXPECT_EQ(hash("a", "b", "cd"), hash("a", "b", "cd"));
  Document doc;
  Block paragraph;
  paragraph.kind = BlockKind::kParagraph;
  paragraph.text = doc.AddText("x");
  Block item = paragraph;
  item.kind = BlockKind::kListItem;
  EXPECT_NE(BlockHash(doc, paragraph), BlockHash(doc, item));
}

TEST(ContentHashTest, OnlyTheEditedSectionAndBlockChange) {
  auto sample = [](std::string_view body) {
    Document doc =
        SegmentSections(testing::FromText("Intro line.\n\nTitle\n\n" + std::string(body) +
                                          "\n\n• a;\n• b.\n\nSection\n\nEnd."),
                        {});
    doc.SetMetadata("author", "Ann Lee");
    return doc;
  };
  DocumentHashes a = ComputeHashes(sample("Body one."));
  EXPECT_EQ(a.hash, ComputeHashes(sample("Body one.")).hash);
  DocumentHashes b = ComputeHashes(sample("Body two."));
  ASSERT_EQ(a.sections.size(), 3u);
  ASSERT_EQ(b.sections.size(), 3u);
  EXPECT_NE(a.hash, b.hash);
  EXPECT_EQ(a.sections[0].hash, b.sections[0].hash);  // Untouched sections keep their hash.
  EXPECT_NE(a.sections[1].hash, b.sections[1].hash);  // The one with the edit changes...
  EXPECT_NE(a.sections[1].blocks[0], b.sections[1].blocks[0]);
  EXPECT_EQ(a.sections[1].blocks[1], b.sections[1].blocks[1]);  // ...but not its other blocks.
  EXPECT_EQ(a.sections[2].hash, b.sections[2].hash);
}

TEST(ContentHashTest, ComputeHashesFollowsTheSectionsItIsGiven) {
  const Document doc = HandMade();
  EXPECT_EQ(ComputeHashes(doc, BuildSections(doc)).hash, ComputeHashes(doc).hash);
  EXPECT_EQ(ComputeHashes(doc, {}).sections.size(), 0u);
}

// The flat form emit writes from: the same sections as BuildSections and
// the same hashes as ComputeHashes, on pages with and without text before
// the first heading, and on an empty one; its buffers are reused.
TEST(ContentHashTest, FlatHashesAreComputeHashes) {
  std::vector<SectionSpan> spans;
  FlatHashes flat;
  const Document pages[] = {
      HandMade(),
      SegmentSections(testing::FromText("Guide\n\nIntro.\n\n2. Scope\n\nText.\n\n• a;\n• b.\n\n3. Costs\n\nFree."), {}),
      Document{},
  };
  for (const Document& doc : pages) {
    BuildSectionSpans(doc, &spans);
    const std::vector<Section> sections = BuildSections(doc);
    ASSERT_EQ(spans.size(), sections.size());
    for (std::size_t s = 0; s < spans.size(); ++s) {
      EXPECT_EQ(spans[s].heading, sections[s].heading);
      std::vector<std::uint32_t> blocks;
      for (std::uint32_t b = spans[s].begin; b < spans[s].end; ++b) blocks.push_back(b);
      EXPECT_EQ(blocks, sections[s].blocks);
    }
    ComputeFlatHashes(doc, spans, &flat);
    const DocumentHashes want = ComputeHashes(doc);
    EXPECT_EQ(flat.hash, want.hash);
    ASSERT_EQ(flat.sections.size(), want.sections.size());
    ASSERT_EQ(flat.blocks.size(), doc.blocks.size());
    for (std::size_t s = 0; s < spans.size(); ++s) {
      EXPECT_EQ(flat.sections[s], want.sections[s].hash);
      for (std::uint32_t b = spans[s].begin; b < spans[s].end; ++b) {
        EXPECT_EQ(flat.blocks[b], want.sections[s].blocks[b - spans[s].begin]);
      }
    }
  }
  EXPECT_GT(pages[1].blocks.size(), 4u);
}

TEST(ContentHashTest, HashTextIsSixteenLowerCaseDigits) {
  EXPECT_EQ(HashString(0xabc), "0000000000000abc");
  EXPECT_EQ(HashText(0xabc).view(), "0000000000000abc");
  EXPECT_EQ(HashText(~std::uint64_t{0}).view(), "ffffffffffffffff");
  EXPECT_EQ(HashText(0).view(), "0000000000000000");
}

TEST(ContentHashTest, ParseHashTextTakesExactlySixteenDigits) {
  struct Case {
    std::string_view text;
    bool ok;
    std::uint64_t want;
  };
  const Case cases[] = {
      {"0000000000000abc", true, 0xabc},
      {"FFFFFFFFFFFFFFFF", true, ~std::uint64_t{0}},
      {"d0f116c5b1d14ebd", true, 0xd0f116c5b1d14ebd},
      {"abc", false, 0},
      {"0000000000000abcd", false, 0},
      {"000000000000abcg", false, 0},
      {"-000000000000abc", false, 0},
      {"+000000000000abc", false, 0},
      {"0x00000000000abc", false, 0},
      {"", false, 0},
  };
  for (const Case& c : cases) {
    std::uint64_t got = 0;
    EXPECT_EQ(ParseHashText(c.text, &got), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(got, c.want) << c.text;
    }
  }
  for (std::uint64_t v :
       {std::uint64_t{0}, std::uint64_t{1}, 0x0123456789abcdefu, ~std::uint64_t{0}}) {
    std::uint64_t back = 0;
    ASSERT_TRUE(ParseHashText(HashText(v).view(), &back));
    EXPECT_EQ(back, v);
  }
}

}  // namespace
}  // namespace pagewash
