// The JSON of a large document handed to a JsonSink as it is written: the
// same bytes as the JSON made whole, in pieces that keep the writer's buffer
// near JsonWriter::kFlushBytes however large the document or its blocks.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "pagewash/dedup.h"
#include "pagewash/emit.h"
#include "pagewash/json.h"
#include "pagewash/segment.h"
#include "pagewash/strip.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

// Keeps what it is given, and how: the number of pieces and the largest.
class RecordingSink : public JsonSink {
 public:
  void Write(std::string_view bytes) override {
    EXPECT_FALSE(bytes.empty());
    ++writes;
    largest = std::max(largest, bytes.size());
    text.append(bytes);
  }
  std::string text;
  std::size_t writes = 0;
  std::size_t largest = 0;
};

// The buffer may pass kFlushBytes by what one step writes before it is
// handed on: a piece of a string escaped (six times kStringPiece at worst),
// a key, a hash.
constexpr std::size_t kMostBuffered = JsonWriter::kFlushBytes + 6 * JsonWriter::kStringPiece + 4096;

std::string Emitted(const Document& doc, const EmitOptions& options) {
  std::string out;
  EmitDocument(doc, options, &out);
  return out;
}

// Streams `doc`, checks the bytes against the whole JSON and the pieces
// against the bound; returns the sink for more checks.
RecordingSink ExpectStreamedLikeWhole(const Document& doc, const EmitOptions& options) {
  const std::string whole = Emitted(doc, options);
  RecordingSink sink;
  std::string buffer;
  EmitDocument(doc, options, &buffer, &sink);
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(sink.text.size(), whole.size());
  EXPECT_TRUE(sink.text == whole);  // Not EXPECT_EQ: a failure would print megabytes.
  EXPECT_LE(sink.largest, kMostBuffered);
  // Every piece but the last one holds at least kFlushBytes.
  EXPECT_GE(sink.writes, 1u);
  EXPECT_LE(sink.writes, whole.size() / JsonWriter::kFlushBytes + 1);
  return sink;
}

// A sentence of made-up words, different for each `n` (dedup would take
// sentences that differ in a number only for near duplicates).
std::string Sentence(std::uint64_t n) {
  static constexpr std::string_view kSyllables[] = {"ka", "lo", "min", "ter", "sa", "vel", "dor", "ni",
                                                    "pra", "sto", "qui", "ben", "ra", "mo", "tel", "\"q\""};
  std::string s;
  std::uint64_t x = n * 0x9E3779B97F4A7C15u + 1;
  for (int w = 0; w < 10; ++w) {
    if (w > 0) s += w == 5 ? "\t" : " ";
    for (int k = 0; k < 3; ++k) {
      x ^= x >> 29;
      x *= 0xBF58476D1CE4E5B9u;
      x ^= x >> 32;
      s += kSyllables[x % std::size(kSyllables)];
    }
  }
  return s + ".";
}

// A page of many short paragraphs: 40,000 blocks, over 6 MiB of JSON.
Document MakeManyParagraphs(bool explain) {
  std::string page = "Title\n\n";
  for (int i = 0; i < 40000; ++i) {
    page += Sentence(static_cast<std::uint64_t>(i)) + "\n\n";
    if (i % 1000 == 0) page += "Repeated line of the page, kept once.\n\n";
  }
  StripOptions strip;
  strip.explain = explain;
  DedupOptions dedup;
  dedup.explain = explain;
  Document doc = testing::FromText(page);
  doc = StripBoilerplate(std::move(doc), strip);
  doc = RemoveDuplicateParagraphs(std::move(doc), dedup);
  return SegmentSections(std::move(doc), {});
}

const Document& ManyParagraphs(bool explain) {
  static const Document plain = MakeManyParagraphs(false);
  static const Document explained = MakeManyParagraphs(true);
  return explain ? explained : plain;
}

TEST(JsonStreamTest, ManyBlocksStreamAsTheWholeJson) {
  const Document& doc = ManyParagraphs(/*explain=*/false);
  RecordingSink sink = ExpectStreamedLikeWhole(doc, {});
  EXPECT_GE(sink.writes, 6u);
  // Pretty, a few fields, signals.
  ExpectStreamedLikeWhole(doc, EmitOptions{.pretty = true});
  ExpectStreamedLikeWhole(doc, EmitOptions{.fields = kFieldText | kFieldStats});
  ExpectStreamedLikeWhole(doc, EmitOptions{.fields = kFieldSections});
  ExpectStreamedLikeWhole(doc, EmitOptions{.signals = true});
}

TEST(JsonStreamTest, RemovalsStreamAsTheWholeJson) {
  const Document& doc = ManyParagraphs(/*explain=*/true);
  ASSERT_FALSE(doc.removed.empty());
  ExpectStreamedLikeWhole(doc, {});
}

TEST(JsonStreamTest, StreamRecordStreamsAsTheWholeRecord) {
  const Document& doc = ManyParagraphs(/*explain=*/true);
  std::string whole;
  WriteStreamRecord(doc, &whole);
  RecordingSink sink;
  std::string buffer;
  WriteStreamRecord(doc, &buffer, &sink);
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(sink.text.size(), whole.size());
  EXPECT_TRUE(sink.text == whole);
  EXPECT_LE(sink.largest, kMostBuffered);
  EXPECT_GE(sink.writes, whole.size() / kMostBuffered);
}

// A page that is one line of 5 MiB: one block, which alone would fill the
// buffer, is escaped a piece at a time. Escapes of one, two and three
// bytes (a control character, a C1 control, U+2028) sit across every piece
// boundary.
TEST(JsonStreamTest, OneHugeBlockStreamsInPieces) {
  std::string line;
  while (line.size() < (std::size_t{5} << 20)) line += "Words of a sentence, \"quoted\", and more words. ";
  const std::string_view escapes[] = {"\t", "\xC2\x85", "\xE2\x80\xA8", "\xC2\xA9", "\xE2\x80\x93"};
  std::size_t k = 0;
  for (std::size_t at = JsonWriter::kStringPiece - 4; at + 8 < line.size(); at += JsonWriter::kStringPiece) {
    for (std::size_t d = 0; d < 6; ++d, ++k) {
      const std::string_view e = escapes[k % std::size(escapes)];
      line.replace(at + d, e.size(), e);
    }
  }
  Document doc;
  doc.id = "huge";
  Block block;
  block.kind = BlockKind::kParagraph;
  block.text = doc.AddText(line);
  doc.blocks.push_back(block);
  RecordingSink sink = ExpectStreamedLikeWhole(doc, {});
  EXPECT_GE(sink.writes, 10u);  // The text twice: in "sections" and in "text".
  ExpectStreamedLikeWhole(doc, EmitOptions{.pretty = true});
  std::string whole;
  WriteStreamRecord(doc, &whole);
  RecordingSink record;
  std::string buffer;
  WriteStreamRecord(doc, &buffer, &record);
  EXPECT_TRUE(record.text == whole);
  EXPECT_LE(record.largest, kMostBuffered);
}

// Escaped in pieces, a string is the same bytes wherever a piece ends,
// even in a multi-byte escape, or in bytes that are not UTF-8.
TEST(JsonStreamTest, StringPiecesEndAnywhere) {
  const std::string_view tails[] = {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85", "\xC2\xA0", "\x01",
                                    "\xE2\x80",     "\xC2",         "\xC2" "A", "\xE2\x80" "A"};
  for (std::string_view tail : tails) {
    for (std::size_t before = JsonWriter::kStringPiece - 3; before <= JsonWriter::kStringPiece + 1; ++before) {
      std::string s(before, 'a');
      s.append(tail);
      s.append(JsonWriter::kStringPiece + 5, 'b');
      std::string whole;
      AppendJsonString(s, &whole);
      RecordingSink sink;
      std::string buffer;
      JsonWriter w(&buffer, 0, &sink);
      w.String(s);
      w.Flush();
      EXPECT_TRUE(buffer.empty());
      EXPECT_TRUE(sink.text == whole) << "tail of " << tail.size() << " bytes after " << before;
    }
  }
}

// A pass-through field's raw JSON is handed on in pieces too.
TEST(JsonStreamTest, LargeRawValueStreams) {
  Document doc = testing::FromText("Short text.\n");
  std::string raw = "[";
  while (raw.size() < (std::size_t{3} << 20)) raw += "\"an element of a long list\",";
  raw += "0]";
  doc.extra.push_back(ExtraField{"long", raw});
  ExpectStreamedLikeWhole(doc, {});
}

// Without a sink the writer keeps everything; Flush does nothing.
TEST(JsonStreamTest, WithoutASinkFlushKeepsTheBuffer) {
  std::string out;
  JsonWriter w(&out);
  w.String(std::string(JsonWriter::kFlushBytes + 10, 'x'));
  w.Flush();
  EXPECT_EQ(out.size(), JsonWriter::kFlushBytes + 12);
}

// A small document is one piece; the other formats are handed on whole.
TEST(JsonStreamTest, SmallDocumentsAndOtherFormatsAreOnePiece) {
  const Document doc = SegmentSections(testing::FromText("Title\n\nText of the page.\n"), {});
  for (OutputFormat format : {OutputFormat::kJson, OutputFormat::kMarkdown, OutputFormat::kText,
                              OutputFormat::kDiff}) {
    const EmitOptions options{.format = format};
    RecordingSink sink;
    std::string buffer;
    EmitDocument(doc, options, &buffer, &sink);
    EXPECT_TRUE(buffer.empty());
    EXPECT_EQ(sink.writes, 1u);
    EXPECT_EQ(sink.text, Emitted(doc, options));
  }
}

}  // namespace
}  // namespace pagewash
