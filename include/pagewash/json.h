// The JSON Lines stream between stages, and the JSON writer everything uses.
//
// ## The stream
//
// Stages pass documents as JSON Lines: one JSON object per line, UTF-8, in
// the record shape of Dolma and datatrove ("id", "source", "text"), so jq and
// those tools read it too. pagewash adds its own fields:
//
//   {"id":"004_031e","source":"pages/004_031e.txt",
//    "text":"Ukraine and Poland sign ...\n\nUkraine and Poland have signed ...",
//    "schema_version":"1.2","stages":["strip"],
//    "metadata":{"author":"Maria Kholina"},
//    "stats":{"input_bytes":3514,"input_lines":27,"invalid_utf8":0,"stripped":3,"duplicates":0},
//    "blocks":[{"type":"line","length":53,"line":3,"span":[10,63],"gap":true}, ...],
//    "removed":[{"stage":"strip","rule":"language-switcher","text":"ua en ru","line":1,"span":[0,8]}]}
//
// - "text": the document's text, blocks separated by a blank line where the
//   page had one (ComposeText). With "blocks", it holds their text: each
//   block's is the next slice of it (see "blocks").
// - "schema_version": "MAJOR.MINOR" (kSchemaVersion). A record of another
//   major version is rejected, one of an older minor version is read; a
//   record without one is read by its fields.
// - "stages": the stages applied so far, in order.
// - "title": the page's main heading, once segment has found it.
// - "metadata": what the page states (author, date), and what segment finds
//   ("language", "language_score": a JSON number, see language.h); values of
//   other JSON types from an input record are kept as they were.
// - "stats": counters every stage adds to (see Stats in document.h).
// - "blocks": the document's blocks: "type" is "line" before segment, then
//   "heading", "paragraph" or "list_item"; "length" is the byte length of
//   its text, one line. Optional: "line" (first input line), "span"
//   ([begin, end) bytes of the input), "indent", "gap" (a blank line
//   precedes it), "level" (headings), "ordered" and "marker" (list items).
//   A block's text is not repeated in the record: it is the next "length"
//   bytes of "text", after the separator ComposeText puts before it
//   (SeparatorBefore: "\n\n" before a block with "gap", before a heading
//   or paragraph, and before a list item that does not follow one; "\n"
//   otherwise). The reader checks that "text" is exactly that: a "length"
//   of at least 1, slices without a line end, each separator the one the
//   blocks' "type" and "gap" call for, and no byte after the last block;
//   anything else is an error naming the block.
//   Records of schema 1.1 gave each block its "text" instead; such a block
//   is still read, and a record whose blocks all have "text" is read as
//   before: the blocks are authoritative and the top-level "text" is
//   ignored. A block with both "text" and "length" is read by its "text",
//   and its "length" must be that text's byte count. In a record where
//   some block has "length" alone, every block is a slice of "text", and
//   a block's own "text" must equal its slice.
//   A record without "blocks" (any Dolma record) has its "text" read as a
//   raw page.
// - "removed": present when a stage ran with --explain: each removed piece,
//   with its stage, rule, text, line, span and, for dedup, "duplicate_of".
// - Any other top-level field ("added", "created", ...) is passed through.
//
// A corpus that keeps its text under another key is read with --text-key
// (StreamDecoder::SetTextKey); the output always calls it "text".
#ifndef PAGEWASH_JSON_H_
#define PAGEWASH_JSON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "pagewash/document.h"
#include "pagewash/result.h"

namespace pagewash {

/// Appends `s` as a JSON string literal (with quotes). `s` must be valid
/// UTF-8. Escapes '"', '\\', every C0 and C1 control character, DEL,
/// U+2028 and U+2029, so the output is safe as one line of JSON Lines and
/// inside JavaScript.
void AppendJsonString(std::string_view s, std::string* out);

/// Appends the escaped body of `s`, without quotes (for a string written in
/// pieces).
void AppendJsonStringBody(std::string_view s, std::string* out);

/// Where a JsonWriter hands its output, piece by piece, when the JSON of a
/// large document is written out as it is made rather than held whole.
class JsonSink {
 public:
  virtual ~JsonSink() = default;
  /// Takes the next `bytes` of the output. A sink that cannot pass them on
  /// (a write failed) keeps the failure and drops what follows: the writer
  /// goes on to the end of the value regardless.
  virtual void Write(std::string_view bytes) = 0;
};

/// A small streaming JSON writer over a std::string, compact or indented.
/// Commas, colons and indentation are its business; the caller only nests.
class JsonWriter {
 public:
  /// Writes into *out (appending). `indent` 0 writes one line.
  explicit JsonWriter(std::string* out, int indent = 0) : out_(out), indent_(indent) {}
  /// Writes into *out as a buffer that is handed to `sink` whenever it
  /// holds kFlushBytes or more: at the end of a value, between the blocks
  /// of ComposedText, and every kStringPiece bytes of a long string. So the
  /// buffer stays under kFlushBytes plus one piece escaped (six times
  /// kStringPiece at worst, a string of control characters), whatever the
  /// size of the document. Call Flush() at the end for the rest. A null
  /// `sink` is the constructor above.
  JsonWriter(std::string* out, int indent, JsonSink* sink);

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  /// Writes an object key; the next call writes its value.
  void Key(std::string_view key);
  void String(std::string_view s);
  void Uint(std::uint64_t v);
  void Int(std::int64_t v);
  void Bool(bool v);
  void Null();
  /// Writes already-serialised JSON as a value.
  void Raw(std::string_view json);
  /// Writes the document's composed text (ComposeText) as a string value,
  /// escaping it straight into the output.
  void ComposedText(const Document& doc);
  /// With a sink: hands it what the buffer holds, if anything. Without one:
  /// nothing.
  void Flush();

  /// With a sink, the buffer is handed on once it holds this many bytes.
  static constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
  /// With a sink, a longer string is escaped this many input bytes at a
  /// time, so that one huge block (a page that is one line) does not fill
  /// the buffer by itself.
  static constexpr std::size_t kStringPiece = std::size_t{64} << 10;

  /// Without a sink, a string of at least this many bytes that does not fit
  /// in the output makes room for several times its size, not only for
  /// itself (String, ComposedText): emit writes a large document's text
  /// about twice (its blocks, its composed text), and each growth of the
  /// buffer would copy all written so far. Room reserved and not written
  /// costs no memory. With a sink nothing is reserved: the buffer never
  /// holds much more than kFlushBytes.
  static constexpr std::size_t kLargeString = std::size_t{1} << 20;

 private:
  void MakeRoom(std::size_t bytes, std::size_t more);
  void Open(char c);
  void Close(char c);
  void BeforeValue();
  void Newline();
  // `s` as a JSON string literal, or its escaped body alone.
  void QuotedString(std::string_view s);
  void StringBody(std::string_view s);
  // Hands the buffer to the sink once it holds kFlushBytes.
  void MaybeFlush() {
    if (sink_ != nullptr && out_->size() >= kFlushBytes) Flush();
  }

  std::string* out_;
  JsonSink* sink_ = nullptr;
  int indent_;
  int depth_ = 0;
  bool first_ = true;      // No element written yet at this depth.
  bool after_key_ = false;
};

/// Appends one stream record for `doc` and a '\n' to *out.
void WriteStreamRecord(const Document& doc, std::string* out);
/// The same bytes, handed to `sink` as they are written (JsonWriter's
/// constructor with a sink): *out is the buffer, empty on return.
void WriteStreamRecord(const Document& doc, std::string* out, JsonSink* sink);

/// Decodes stream records with simdjson. Reuse one decoder for a whole input:
/// it keeps its parser and buffers between records.
class StreamDecoder {
 public:
  StreamDecoder();
  ~StreamDecoder();
  StreamDecoder(const StreamDecoder&) = delete;
  StreamDecoder& operator=(const StreamDecoder&) = delete;

  /// Decodes one record (one line, without its '\n') into *doc, which is
  /// cleared first. Returns an InvalidInput status describing the first
  /// problem (malformed JSON, a missing or mistyped field) or Unsupported
  /// for a foreign major schema version; the caller adds source and line.
  Status Decode(std::string_view line, Document* doc);

  /// Bytes a buffer must be readable past a record for DecodeInPlace.
  static constexpr std::size_t kPadding = 64;
  /// As Decode, for a line whose buffer is readable up to `readable` bytes
  /// from line.data(), at least line.size() + kPadding: it is parsed where
  /// it stands rather than copied, so a large record costs one copy less.
  /// The parser's buffers are given back after a large record.
  Status DecodeInPlace(std::string_view line, std::size_t readable, Document* doc);

  /// True if `line` looks like a stream record: a JSON object with a string
  /// "text" field, or one under the key given to SetTextKey. Used to tell
  /// JSON Lines input from a raw page.
  bool LooksLikeRecord(std::string_view line);

  /// Reads a record's text from the field `key` instead of "text" (for a
  /// corpus that keeps it under "content", say). A "text" field beside it is
  /// then dropped: the output's "text" takes its place. A record with
  /// "blocks" (the stream between stages) needs only "text", whose slices
  /// its blocks are (or, in a 1.1 record whose blocks carry their text,
  /// neither).
  void SetTextKey(std::string_view key);

 private:
  Status DecodeRecord(std::string_view line, std::size_t readable, Document* doc);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pagewash

#endif  // PAGEWASH_JSON_H_
