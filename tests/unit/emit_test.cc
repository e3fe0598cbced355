#include "pagewash/emit.h"

#include <gtest/gtest.h>

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

TEST(EmitTest, Json) {
  std::string out;
  EmitDocument(Sample(), {}, &out);
  EXPECT_EQ(out,
            R"({"id":"t","source":"test","title":"Title","sections":[)"
            R"({"heading":null,"level":null,"blocks":[{"type":"paragraph","text":"Intro line."}]},)"
            R"({"heading":"Title","level":1,"blocks":[{"type":"paragraph","text":"Body one."},)"
            R"({"type":"list_item","text":"a;","ordered":false,"marker":"•"},)"
            R"({"type":"list_item","text":"b.","ordered":false,"marker":"•"}]},)"
            R"({"heading":"Section","level":2,"blocks":[{"type":"paragraph","text":"End."}]}],)"
            R"("metadata":{"author":"Ann Lee"},)"
            R"("text":"Intro line.\n\nTitle\n\nBody one.\n\na;\nb.\n\nSection\n\nEnd.",)"
            R"("schema_version":"1.0",)"
            R"("stats":{"input_bytes":59,"input_lines":7,"invalid_utf8":0,"stripped":0,"duplicates":0}})"
            "\n");
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
  EXPECT_EQ(out.substr(0, 70), "{\n  \"id\": \"t\",\n  \"source\": \"test\",\n  \"title\": \"Title\",\n  \"sections\": [");
}

}  // namespace
}  // namespace pagewash
