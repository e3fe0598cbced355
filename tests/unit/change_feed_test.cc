#include "pagewash/change_feed.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "pagewash/segment.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

// DiffHashes on hashes written by hand: sections by heading, blocks by hash.
DocumentHashes Hashes(std::uint64_t hash, std::vector<SectionHashes> sections) {
  return DocumentHashes{"t", hash, std::move(sections)};
}

using Sections = std::vector<SectionChange>;
using Places = std::vector<BlockPlace>;
using Removed = std::vector<std::uint64_t>;

TEST(ChangeFeedTest, DiffOfADocumentNotInTheManifestAddsEverything) {
  DocumentHashes now = Hashes(1, {{10, "", {100}}, {11, "Title", {101, 102}}});
  DocumentChanges c = DiffHashes(now, nullptr);
  EXPECT_EQ(c.change, DocumentChange::kAdded);
  EXPECT_EQ(c.hash, 1u);
  EXPECT_EQ(c.previous_hash, 0u);
  EXPECT_EQ(c.sections_added, (Sections{{"", 0, 10}, {"Title", 0, 11}}));
  EXPECT_EQ(c.sections_removed, Sections{});
  EXPECT_EQ(c.sections_changed, Sections{});
  EXPECT_EQ(c.blocks_added, (Places{{0, 0, 100}, {1, 0, 101}, {1, 1, 102}}));
  EXPECT_EQ(c.blocks_removed, Removed{});
}

// The document's hash covers everything: equal hashes list nothing.
TEST(ChangeFeedTest, DiffOfAnEqualHashIsUnchangedAndListsNothing) {
  DocumentHashes now = Hashes(1, {{10, "Title", {100}}});
  DocumentHashes before = Hashes(1, {{10, "Title", {100}}});
  DocumentChanges c = DiffHashes(now, &before);
  EXPECT_EQ(c.change, DocumentChange::kUnchanged);
  EXPECT_EQ(c.previous_hash, 1u);
  EXPECT_EQ(c.sections_added, Sections{});
  EXPECT_EQ(c.blocks_added, Places{});
  EXPECT_EQ(c.blocks_removed, Removed{});
}

TEST(ChangeFeedTest, DiffMatchesSectionsByHeadingAndBlocksByHash) {
  DocumentHashes before =
      Hashes(1, {{10, "", {100}}, {11, "Title", {101, 102}}, {12, "Section", {103}}});
  DocumentHashes now =
      Hashes(2, {{10, "", {100}}, {21, "Title", {104, 102}}, {22, "Contact", {105}}});
  DocumentChanges c = DiffHashes(now, &before);
  EXPECT_EQ(c.change, DocumentChange::kChanged);
  EXPECT_EQ(c.hash, 2u);
  EXPECT_EQ(c.previous_hash, 1u);
  EXPECT_EQ(c.sections_added, (Sections{{"Contact", 0, 22}}));
  EXPECT_EQ(c.sections_removed, (Sections{{"Section", 0, 12}}));
  EXPECT_EQ(c.sections_changed, (Sections{{"Title", 0, 21}}));  // The hash it has now.
  EXPECT_EQ(c.blocks_added, (Places{{1, 0, 104}, {2, 0, 105}}));
  EXPECT_EQ(c.blocks_removed, (Removed{101, 103}));
}

// Sections of one heading ("FAQ" three times) are told apart by occurrence.
TEST(ChangeFeedTest, DiffTellsRepeatedHeadingsApartByOccurrence) {
  DocumentHashes before = Hashes(1, {{10, "FAQ", {}}, {11, "FAQ", {}}});
  DocumentHashes now = Hashes(2, {{10, "FAQ", {}}, {21, "FAQ", {}}, {22, "FAQ", {}}});
  DocumentChanges c = DiffHashes(now, &before);
  EXPECT_EQ(c.sections_added, (Sections{{"FAQ", 2, 22}}));
  EXPECT_EQ(c.sections_changed, (Sections{{"FAQ", 1, 21}}));
  EXPECT_EQ(c.sections_removed, Sections{});
  c = DiffHashes(before, &now);
  EXPECT_EQ(c.sections_removed, (Sections{{"FAQ", 2, 22}}));
  EXPECT_EQ(c.sections_changed, (Sections{{"FAQ", 1, 11}}));
}

// Added sections come in page order; removed and changed ones by heading
// (the section before the first heading, "", first), then occurrence.
TEST(ChangeFeedTest, DiffListsSectionsInAFixedOrder) {
  DocumentHashes before =
      Hashes(1, {{10, "b", {}}, {11, "a", {}}, {12, "", {}}, {13, "c", {}}, {14, "d", {}}});
  DocumentHashes now = Hashes(2, {{24, "d", {}}, {23, "c", {}}, {25, "z", {}}, {26, "y", {}}});
  DocumentChanges c = DiffHashes(now, &before);
  EXPECT_EQ(c.sections_added, (Sections{{"z", 0, 25}, {"y", 0, 26}}));
  EXPECT_EQ(c.sections_removed, (Sections{{"", 0, 12}, {"a", 0, 11}, {"b", 0, 10}}));
  EXPECT_EQ(c.sections_changed, (Sections{{"c", 0, 23}, {"d", 0, 24}}));
}

// A block is matched copy for copy: two copies before and one now is one
// removed; one before and three now is two added, the later ones.
TEST(ChangeFeedTest, DiffMatchesBlocksCopyForCopy) {
  struct Case {
    std::vector<std::uint64_t> before, now;
    Places added;
    Removed removed;
  };
  const Case cases[] = {
      {{7, 7, 8}, {7, 9}, {{0, 1, 9}}, {7, 8}},
      {{7}, {7, 7, 7}, {{0, 1, 7}, {0, 2, 7}}, {}},
      {{9, 3, 5}, {}, {}, {3, 5, 9}},
      {{5, 5}, {5, 5}, {}, {}},
  };
  for (const Case& k : cases) {
    DocumentHashes before = Hashes(1, {{10, "", k.before}});
    DocumentHashes now = Hashes(2, {{11, "", k.now}});
    DocumentChanges c = DiffHashes(now, &before);
    EXPECT_EQ(c.blocks_added, k.added);
    EXPECT_EQ(c.blocks_removed, k.removed);
  }
}

Document FromPage(std::string_view page) {
  Document doc = SegmentSections(testing::FromText(page), {});
  doc.SetMetadata("author", "Ann Lee");
  return doc;
}

std::string MaskHashes(const std::string& json) {
  return std::regex_replace(json, std::regex("\"hash\":\"[0-9a-f]{16}\""), "\"hash\":\"H\"");
}

TEST(ChangeFeedTest, RecordOfAChangedDocument) {
  Document before = FromPage("Intro line.\n\nTitle\n\nBody one.\n\n• a;\n• b.\n\nSection\n\nEnd.");
  Manifest manifest;
  manifest.Put(ComputeHashes(before));
  Document after =
      FromPage("Intro line.\n\nTitle\n\nBody two.\n\n• a;\n• b.\n\nContact\n\nCall us.");
  std::string out;
  AppendChangeRecord(after, &manifest, &out);
  EXPECT_EQ(
      MaskHashes(out),
      R"({"id":"t","change":"changed","hash":"H","previous_hash":")" +
          HashString(ComputeHashes(before).hash) +
          R"(","sections":{"added":[{"heading":"Contact","hash":"H"}],)"
          R"("removed":[{"heading":"Section","hash":"H"}],"changed":[{"heading":"Title","hash":"H"}]},)"
          R"("blocks":{"added":[{"hash":"H","section":"Title","type":"paragraph","text":"Body two."},)"
          R"({"hash":"H","section":"Contact","type":"paragraph","text":"Call us."}],)"
          R"("removed":[")" +
          HashString(BlockHash(before, before.blocks[2])) + R"(",")" +
          HashString(BlockHash(before, before.blocks[6])) + "\"]}}\n");
  // The manifest moved on: the same document again is unchanged.
  ASSERT_NE(manifest.Find("t"), nullptr);
  EXPECT_EQ(manifest.Find("t")->hash, ComputeHashes(after).hash);
  out.clear();
  AppendChangeRecord(after, &manifest, &out);
  EXPECT_EQ(out, R"({"id":"t","change":"unchanged","hash":")" +
                     HashString(ComputeHashes(after).hash) + "\"}\n");
}

// An added document has no previous_hash; the section before the first
// heading is written with a null heading, in sections and in blocks.
TEST(ChangeFeedTest, RecordOfAnAddedDocument) {
  Document doc = FromPage("Intro line.\n\nTitle\n\nBody one.");
  const std::vector<Section> sections = BuildSections(doc);
  std::string out;
  WriteChangeRecord(doc, sections, DiffHashes(ComputeHashes(doc, sections), nullptr), &out);
  EXPECT_EQ(
      MaskHashes(out),
      R"({"id":"t","change":"added","hash":"H","sections":{"added":[{"heading":null,"hash":"H"},)"
      R"({"heading":"Title","hash":"H"}],"removed":[],"changed":[]},)"
      R"("blocks":{"added":[{"hash":"H","section":null,"type":"paragraph","text":"Intro line."},)"
      R"({"hash":"H","section":"Title","type":"paragraph","text":"Body one."}],"removed":[]}})"
      "\n");
}

}  // namespace
}  // namespace pagewash
