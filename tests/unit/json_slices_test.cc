// The stream record of schema 1.2: each block gives the byte length of its
// text, which is the next slice of the record's "text" (json.h), and the
// reader's checks of that. Records of 1.1, whose blocks carry their text,
// are still read.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "pagewash/document.h"
#include "pagewash/json.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

Block MakeBlock(Document* doc, BlockKind kind, std::string_view text, bool gap = false) {
  Block b;
  b.kind = kind;
  b.text = doc->AddText(text);
  b.gap = gap;
  if (kind == BlockKind::kHeading) b.level = 2;
  if (kind == BlockKind::kListItem) b.marker = doc->AddText("•");
  return b;
}

// A segmented page with every separator ComposeText puts between blocks,
// text that JSON escapes, and bytes of several lengths.
Document SegmentedPage() {
  Document doc;
  doc.id = "p";
  doc.source = "p.txt";
  doc.stages = {"strip", "dedup", "segment"};
  doc.title = "Opening \"hours\"";
  doc.blocks.push_back(MakeBlock(&doc, BlockKind::kHeading, "Opening \"hours\""));
  doc.blocks.push_back(
      MakeBlock(&doc, BlockKind::kParagraph, "Mon\tto Fri: 9–17 \xE2\x80\xA8 ünd"));
  doc.blocks.push_back(MakeBlock(&doc, BlockKind::kListItem, "your ID card;"));
  doc.blocks.push_back(MakeBlock(&doc, BlockKind::kListItem, "a photo."));
  doc.blocks.push_back(MakeBlock(&doc, BlockKind::kListItem, "after a gap", /*gap=*/true));
  doc.blocks.push_back(MakeBlock(&doc, BlockKind::kParagraph, "\\ back slash"));
  return doc;
}

std::string Record(const Document& doc) {
  std::string out;
  WriteStreamRecord(doc, &out);
  out.pop_back();  // The '\n'.
  return out;
}

TEST(JsonSlicesTest, BlocksGiveLengthsNotText) {
  Document doc = SegmentedPage();
  const std::string record = Record(doc);
  EXPECT_NE(record.find(R"("schema_version":"1.2")"), std::string::npos);
  EXPECT_NE(record.find(R"({"type":"heading","length":15,"level":2})"), std::string::npos)
      << record;
  EXPECT_NE(record.find(R"({"type":"list_item","length":8,"ordered":false,"marker":"•"})"),
            std::string::npos)
      << record;
  // The text is written once: as the top-level "text".
  EXPECT_EQ(record.find("your ID card;"), record.rfind("your ID card;"));
  EXPECT_EQ(record.find(R"("text")"), record.rfind(R"("text")"));
}

TEST(JsonSlicesTest, RecordRoundTripsWithOneCopyOfTheText) {
  Document doc = SegmentedPage();
  doc.SetMetadata("language", "en");
  Removal r;
  r.stage = "strip";
  r.rule = "cookie-notice";
  r.text = doc.AddText("We use cookies");
  r.line = 1;
  doc.removed.push_back(r);
  const std::string first = Record(doc);

  StreamDecoder decoder;
  Document back;
  Status s = decoder.Decode(first, &back);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(back.blocks.size(), doc.blocks.size());
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    EXPECT_EQ(back.Text(back.blocks[i]), doc.Text(doc.blocks[i])) << i;
    EXPECT_EQ(back.blocks[i].kind, doc.blocks[i].kind) << i;
    EXPECT_EQ(back.blocks[i].gap, doc.blocks[i].gap) << i;
  }
  EXPECT_EQ(back.Text(back.removed[0].text), "We use cookies");
  EXPECT_EQ(Record(back), first);

  // The arena holds the composed text once, the blocks pointing into it,
  // and besides it only the markers and the removed text.
  std::string composed;
  ComposeText(doc, &composed);
  EXPECT_EQ(back.ArenaSize(), composed.size() + 3 * std::string_view("•").size() + 14);
  for (std::size_t i = 1; i < back.blocks.size(); ++i) {
    EXPECT_EQ(back.blocks[i].text.offset, back.blocks[i - 1].text.offset +
                                              back.blocks[i - 1].text.length +
                                              SeparatorBefore(back, i).size())
        << i;
  }
}

TEST(JsonSlicesTest, FieldsInAnyOrder) {
  StreamDecoder decoder;
  Document doc;
  Status s = decoder.Decode(
      R"({"blocks":[{"length":2,"type":"line"},{"gap":true,"type":"line","length":3}],"text":"ab\n\ncde"})",
      &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(testing::DebugString(doc), "line ab\n| line cde\n");
}

TEST(JsonSlicesTest, EmptyDocument) {
  StreamDecoder decoder;
  Document doc;
  ASSERT_TRUE(
      decoder.Decode(R"({"id":"e","text":"","schema_version":"1.2","blocks":[]})", &doc).ok());
  EXPECT_TRUE(doc.blocks.empty());
  EXPECT_NE(Record(doc).find(R"("text":"")"), std::string::npos);
}

TEST(JsonSlicesTest, OldRecordsWithBlockTextAreRead) {
  StreamDecoder decoder;
  Document doc;
  // Schema 1.1: the blocks carry their text and the top-level "text" is
  // ignored, whatever it holds.
  Status s = decoder.Decode(
      R"({"text":"stale","schema_version":"1.1","blocks":[{"type":"line","text":"a b"},)"
      R"({"type":"line","text":"c","gap":true}]})",
      &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(testing::DebugString(doc), "line a b\n| line c\n");
  // Written again, it is a 1.2 record that reads the same.
  const std::string record = Record(doc);
  EXPECT_NE(record.find(R"("text":"a b\n\nc")"), std::string::npos) << record;
  EXPECT_NE(record.find(R"({"type":"line","length":3})"), std::string::npos) << record;
  Document again;
  ASSERT_TRUE(decoder.Decode(record, &again).ok());
  EXPECT_EQ(testing::DebugString(again), testing::DebugString(doc));
  // A record without a schema version, as written by hand.
  ASSERT_TRUE(
      decoder.Decode(R"({"id":"h","text":"","blocks":[{"type":"line","text":"x"}]})", &doc).ok());
  EXPECT_EQ(doc.Text(doc.blocks[0]), "x");
  // Another minor version is read; another major is not.
  EXPECT_TRUE(
      decoder
          .Decode(R"({"text":"x","schema_version":"1.9","blocks":[{"type":"line","length":1}]})",
                  &doc)
          .ok());
  EXPECT_EQ(
      decoder
          .Decode(R"({"text":"x","schema_version":"2.0","blocks":[{"type":"line","length":1}]})",
                  &doc)
          .message(),
      "schema_version 2.0 is not supported (this pagewash reads 1.x)");
}

TEST(JsonSlicesTest, BlockWithTextAndLength) {
  StreamDecoder decoder;
  Document doc;
  // Both: the text is read, and the length must be its byte count.
  ASSERT_TRUE(
      decoder.Decode(R"({"text":"","blocks":[{"type":"line","text":"ünd","length":4}]})", &doc)
          .ok());
  EXPECT_EQ(doc.Text(doc.blocks[0]), "ünd");
  EXPECT_EQ(
      decoder.Decode(R"({"text":"","blocks":[{"type":"line","length":3,"text":"ünd"}]})", &doc)
          .message(),
      "field \"blocks[].length\" is 3, but \"blocks[].text\" has 4 bytes");
  // Mixed with blocks of "length" alone: every block is a slice of "text",
  // and a block's own text must equal its slice.
  Status s = decoder.Decode(
      R"({"text":"ab\ncd","blocks":[{"type":"line","text":"ab"},{"type":"line","length":2}]})",
      &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(testing::DebugString(doc), "line ab\nline cd\n");
  EXPECT_EQ(
      decoder
          .Decode(
              R"({"text":"ab\ncd","blocks":[{"type":"line","text":"xy"},{"type":"line","length":2}]})",
              &doc)
          .message(),
      "field \"blocks[].text\" of blocks[0] differs from its slice of \"text\"");
}

TEST(JsonSlicesTest, TextKeyDoesNotMoveTheSlices) {
  StreamDecoder decoder;
  decoder.SetTextKey("content");
  Document doc;
  Status s = decoder.Decode(
      R"({"content":"other","text":"ab","blocks":[{"type":"line","length":2}]})", &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.Text(doc.blocks[0]), "ab");
  ASSERT_TRUE(decoder.Decode(R"({"text":"ab","blocks":[{"type":"line","length":2}]})", &doc).ok());
  EXPECT_EQ(doc.Text(doc.blocks[0]), "ab");
  EXPECT_EQ(
      decoder.Decode(R"({"content":"ab","blocks":[{"type":"line","length":2}]})", &doc).message(),
      "field \"text\" is missing: the blocks are slices of it");
}

TEST(JsonSlicesTest, TextThatDoesNotMatchItsBlocksIsAnError) {
  struct Case {
    std::string_view line, message;
  };
  const Case cases[] = {
      {R"({"text":"a","blocks":[{"type":"line","length":0}]})",
       "field \"blocks[].length\" must be at least 1"},
      {R"({"text":"a","blocks":[{"type":"line","length":-1}]})",
       "field \"blocks[].length\" must be a non-negative integer"},
      {R"({"text":"a","blocks":[{"type":"line","length":4294967296}]})",
       "field \"blocks[].length\" is out of range (at most 4294967295)"},
      {R"({"text":"a","blocks":[{"type":"line"}]})",
       "field \"blocks[].length\" is missing, and so is \"blocks[].text\""},
      {R"({"blocks":[{"type":"line","length":1}]})", "field \"text\" is missing"},
      {R"({"text":"ab","blocks":[{"type":"line","length":3}]})",
       "field \"blocks[].length\" runs past the end of \"text\" (2 bytes) at blocks[0]"},
      {R"({"text":"a\n","blocks":[{"type":"line","length":1},{"type":"line","length":1}]})",
       "field \"blocks[].length\" runs past the end of \"text\" (2 bytes) at blocks[1]"},
      {R"({"text":"a\nb","blocks":[{"type":"line","length":1},{"type":"line","length":2}]})",
       "field \"blocks[].length\" runs past the end of \"text\" (3 bytes) at blocks[1]"},
      {R"({"text":"a\nb","blocks":[{"type":"line","length":3}]})",
       "field \"blocks[].length\" of blocks[0] takes in a line end of \"text\" (bytes 0 to 3): a "
       "block is one line"},
      {R"({"text":"ab","blocks":[{"type":"line","length":1},{"type":"line","length":1}]})",
       "field \"text\" has no line end between blocks[0] and blocks[1] (byte 1)"},
      {R"({"text":"a\n\n\nb","blocks":[{"type":"line","length":1},{"type":"line","length":1,"gap":true}]})",
       "field \"text\" has more than two line ends between blocks[0] and blocks[1] (byte 1)"},
      {R"({"text":"a\n\nb","blocks":[{"type":"line","length":1},{"type":"line","length":1}]})",
       "field \"text\" has \"\\n\\n\" between blocks[0] and blocks[1] (byte 1), where their "
       "\"type\" and \"gap\" "
       "call for \"\\n\""},
      {R"({"text":"a\nb","blocks":[{"type":"heading","length":1},{"type":"paragraph","length":1}]})",
       "field \"text\" has \"\\n\" between blocks[0] and blocks[1] (byte 1), where their \"type\" "
       "and \"gap\" "
       "call for \"\\n\\n\""},
      {R"({"text":"a\nbc","blocks":[{"type":"line","length":1},{"type":"line","length":1}]})",
       "field \"text\" has 1 byte after the last block (from byte 3)"},
      {R"({"text":"a\n\n","blocks":[{"type":"line","length":1}]})",
       "field \"text\" has 2 bytes after the last block (from byte 1)"},
  };
  StreamDecoder decoder;
  for (const Case& c : cases) {
    Document doc;
    Status s = decoder.Decode(c.line, &doc);
    EXPECT_EQ(s.message(), c.message) << c.line;
  }
}

TEST(JsonSlicesTest, TextOverTheArenaLimitIsTheDocumentsProblem) {
  StreamDecoder decoder;
  Document doc;
  doc.SetTextLimitForTesting(4);
  Status s = decoder.Decode(R"({"id":"big","text":"abc\ndef","blocks":[{"type":"line","length":3},)"
                            R"({"type":"line","length":3}]})",
                            &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(doc.problem().ok());
  for (const Block& b : doc.blocks) EXPECT_EQ(b.text.length, 0u);
}

}  // namespace
}  // namespace pagewash
