#include "pagewash/emit.h"

#include <gtest/gtest.h>

#include <regex>

#include "pagewash/manifest.h"

#include "pagewash/dedup.h"
#include "pagewash/segment.h"
#include "pagewash/strip.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

Document Sample() {
  Document doc = SegmentSections(
      testing::FromText("Intro line.\n\nTitle\n\nBody one.\n\n• a;\n• b.\n\nSection\n\nEnd."), {});
  doc.SetMetadata("author", "Ann Lee");
  return doc;
}

// Hashes are masked here; HashesAreStable says what they must do.
std::string MaskHashes(const std::string& json) {
  return std::regex_replace(json, std::regex("\"hash\":\"[0-9a-f]{16}\""), "\"hash\":\"H\"");
}

TEST(EmitTest, Json) {
  std::string out;
  EmitDocument(Sample(), {}, &out);
  EXPECT_EQ(MaskHashes(out),
            R"({"id":"t","source":"test","title":"Title","hash":"H","sections":[)"
            R"({"hash":"H","heading":null,"level":null,"path":[],"blocks":[{"hash":"H","type":"paragraph","text":"Intro line."}]},)"
            R"({"hash":"H","heading":"Title","level":1,"path":["Title"],"blocks":[{"hash":"H","type":"paragraph","text":"Body one."},)"
            R"({"hash":"H","type":"list_item","text":"a;","ordered":false,"marker":"•"},)"
            R"({"hash":"H","type":"list_item","text":"b.","ordered":false,"marker":"•"}]},)"
            R"({"hash":"H","heading":"Section","level":2,"path":["Title","Section"],"blocks":[{"hash":"H","type":"paragraph","text":"End."}]}],)"
            R"("metadata":{"author":"Ann Lee","language":"en","language_score":0.97},)"
            R"("text":"Intro line.\n\nTitle\n\nBody one.\n\na;\nb.\n\nSection\n\nEnd.",)"
            R"("schema_version":"1.1",)"
            R"("stats":{"input_bytes":59,"input_lines":7,"invalid_utf8":0,"stripped":0,"duplicates":0}})"
            "\n");
}

TEST(EmitTest, PathFollowsLevels) {
  Document doc = SegmentSections(
      testing::FromText("Guide\n\nIntro.\n\n2. Scope\n\nText.\n\n2.1 Details\n\nMore.\n\n3. Costs\n\nFree."), {});
  std::string out;
  EmitDocument(doc, {}, &out);
  EXPECT_NE(out.find(R"("heading":"2.1 Details","level":3,"path":["Guide","2. Scope","2.1 Details"])"),
            std::string::npos) << out;
  EXPECT_NE(out.find(R"("heading":"3. Costs","level":2,"path":["Guide","3. Costs"])"), std::string::npos) << out;
}

TEST(EmitTest, HashesAreStable) {
  DocumentHashes a = ComputeHashes(Sample());
  DocumentHashes again = ComputeHashes(Sample());
  EXPECT_EQ(a.hash, again.hash);
  Document changed = SegmentSections(
      testing::FromText("Intro line.\n\nTitle\n\nBody two.\n\n• a;\n• b.\n\nSection\n\nEnd."), {});
  changed.SetMetadata("author", "Ann Lee");
  DocumentHashes b = ComputeHashes(changed);
  ASSERT_EQ(a.sections.size(), 3u);
  ASSERT_EQ(b.sections.size(), 3u);
  EXPECT_NE(a.hash, b.hash);
  EXPECT_EQ(a.sections[0].hash, b.sections[0].hash);  // Untouched sections keep their hash.
  EXPECT_NE(a.sections[1].hash, b.sections[1].hash);  // The one with the edit changes...
  EXPECT_NE(a.sections[1].blocks[0], b.sections[1].blocks[0]);
  EXPECT_EQ(a.sections[1].blocks[1], b.sections[1].blocks[1]);  // ...but not its other blocks.
  EXPECT_EQ(a.sections[2].hash, b.sections[2].hash);
  EXPECT_EQ(HashString(0xabc), "0000000000000abc");
  EXPECT_EQ(HashText(0xabc).view(), "0000000000000abc");
  EXPECT_EQ(HashText(~std::uint64_t{0}).view(), "ffffffffffffffff");
}

TEST(EmitTest, ChangeFeedAgainstAManifest) {
  Document before = Sample();
  Manifest manifest;
  manifest.Put(ComputeHashes(before));
  Document after = SegmentSections(
      testing::FromText("Intro line.\n\nTitle\n\nBody two.\n\n• a;\n• b.\n\nContact\n\nCall us."), {});
  after.SetMetadata("author", "Ann Lee");
  std::string out;
  AppendChangeRecord(after, ComputeHashes(after), manifest.Find("t"), &out);
  EXPECT_EQ(MaskHashes(out),
            R"({"id":"t","change":"changed","hash":"H","previous_hash":")" +
                HashString(ComputeHashes(before).hash) +
                R"(","sections":{"added":[{"heading":"Contact","hash":"H"}],)"
                R"("removed":[{"heading":"Section","hash":"H"}],"changed":[{"heading":"Title","hash":"H"}]},)"
                R"("blocks":{"added":[{"hash":"H","section":"Title","type":"paragraph","text":"Body two."},)"
                R"({"hash":"H","section":"Contact","type":"paragraph","text":"Call us."}],)"
                R"("removed":[")" +
                HashString(BlockHash(before, before.blocks[2])) + R"(",")" +
                HashString(BlockHash(before, before.blocks[6])) + "\"]}}\n");
  Result<Manifest> back = Manifest::Parse(manifest.Serialize(), "m");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), manifest.Serialize());
}

TEST(EmitTest, Markdown) {
  EmitOptions options;
  options.format = OutputFormat::kMarkdown;
  std::string out;
  EmitDocument(Sample(), options, &out);
  EXPECT_EQ(out, "<!-- t -->\n\nIntro line.\n\n# Title\n\nBody one.\n\n- a;\n- b.\n\n## Section\n\nEnd.\n\n");
}

TEST(EmitTest, Text) {
  EmitOptions options;
  options.format = OutputFormat::kText;
  std::string out;
  EmitDocument(Sample(), options, &out);
  EXPECT_EQ(out, "Intro line.\n\nTitle\n\nBody one.\n\na;\nb.\n\nSection\n\nEnd.\n\n");
}

TEST(EmitTest, DiffShowsKeptAndRemovedInInputOrder) {
  StripOptions strip;
  strip.explain = true;
  DedupOptions dedup;
  dedup.explain = true;
  Document doc = StripBoilerplate(testing::FromText("Back to top\nTitle\n\nSame words here.\n\nSame words here."), strip);
  doc = SegmentSections(RemoveDuplicateParagraphs(std::move(doc), dedup), {});
  EmitOptions options;
  options.format = OutputFormat::kDiff;
  std::string out;
  EmitDocument(doc, options, &out);
  EXPECT_EQ(out,
            "--- t (test)\n"
            "-     1  Back to top  [strip back-link]\n"
            "      2  Title\n"
            "      4  Same words here.\n"
            "-     6  Same words here.  [dedup exact-duplicate] (duplicate of line 4)\n"
            "\n");
}

TEST(EmitTest, PrettyJsonIsIndented) {
  EmitOptions options;
  options.pretty = true;
  std::string out;
  EmitDocument(Sample(), options, &out);
  EXPECT_EQ(out.substr(0, 55), "{\n  \"id\": \"t\",\n  \"source\": \"test\",\n  \"title\": \"Title\",\n");
}

}  // namespace
}  // namespace pagewash
