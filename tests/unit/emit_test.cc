#include "pagewash/emit.h"

#include <gtest/gtest.h>

#include <regex>

#include "pagewash/content_hash.h"
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

// Hashes are masked here; content_hash_test.cc says what they must be.
std::string MaskHashes(const std::string& json) {
  return std::regex_replace(json, std::regex("\"hash\":\"[0-9a-f]{16}\""), "\"hash\":\"H\"");
}

TEST(EmitTest, JsonHoldsSectionsMetadataTextAndStats) {
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

// The document's, each section's and each block's "hash" are their content
// hashes (content_hash.h), which a manifest keeps.
TEST(EmitTest, JsonHashesAreTheContentHashes) {
  const Document doc = Sample();
  std::string out;
  EmitDocument(doc, {}, &out);
  const DocumentHashes h = ComputeHashes(doc);
  std::string want = R"("hash":")" + HashString(h.hash) + "\"";
  for (const SectionHashes& s : h.sections) {
    want += R"(.*"hash":")" + HashString(s.hash) + "\"";
    for (std::uint64_t b : s.blocks) want += R"(.*"hash":")" + HashString(b) + "\"";
  }
  EXPECT_TRUE(std::regex_search(out, std::regex(want))) << out;
}

// EmitOptions::fields writes only the fields asked for, id always; without
// `hash`, the sections and blocks have none either.
TEST(EmitTest, JsonFields) {
  const Document doc = Sample();
  std::string out;
  EmitDocument(doc, EmitOptions{.fields = kFieldText}, &out);
  EXPECT_EQ(out, R"({"id":"t","text":"Intro line.\n\nTitle\n\nBody one.\n\na;\nb.\n\nSection\n\nEnd."})" "\n");
  out.clear();
  EmitDocument(doc, EmitOptions{.fields = 0}, &out);
  EXPECT_EQ(out, "{\"id\":\"t\"}\n");
  out.clear();
  EmitDocument(doc, EmitOptions{.fields = kFieldSections | kFieldStats}, &out);
  EXPECT_EQ(out,
            R"({"id":"t","sections":[)"
            R"({"heading":null,"level":null,"path":[],"blocks":[{"type":"paragraph","text":"Intro line."}]},)"
            R"({"heading":"Title","level":1,"path":["Title"],"blocks":[{"type":"paragraph","text":"Body one."},)"
            R"({"type":"list_item","text":"a;","ordered":false,"marker":"•"},)"
            R"({"type":"list_item","text":"b.","ordered":false,"marker":"•"}]},)"
            R"({"heading":"Section","level":2,"path":["Title","Section"],"blocks":[{"type":"paragraph","text":"End."}]}],)"
            R"("stats":{"input_bytes":59,"input_lines":7,"invalid_utf8":0,"stripped":0,"duplicates":0}})"
            "\n");
  // Every field: the same bytes as by default.
  std::string all;
  EmitDocument(doc, {}, &all);
  out.clear();
  EmitDocument(doc, EmitOptions{.fields = kAllOutputFields}, &out);
  EXPECT_EQ(out, all);
}

// A pass-through field of the input record stays whatever --fields says.
TEST(EmitTest, JsonFieldsKeepPassThrough) {
  Document doc = Sample();
  doc.extra.push_back(ExtraField{"added", "\"2024-01-01\""});
  std::string out;
  EmitDocument(doc, EmitOptions{.fields = kFieldSource}, &out);
  EXPECT_EQ(out, R"({"id":"t","source":"test","added":"2024-01-01"})" "\n");
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

TEST(EmitTest, MarkdownMarksHeadingsByLevelAndItemsWithDashes) {
  EmitOptions options;
  options.format = OutputFormat::kMarkdown;
  std::string out;
  EmitDocument(Sample(), options, &out);
  EXPECT_EQ(out, "<!-- t -->\n\nIntro line.\n\n# Title\n\nBody one.\n\n- a;\n- b.\n\n## Section\n\nEnd.\n\n");
}

TEST(EmitTest, TextIsTheBlocksBetweenBlankLines) {
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
