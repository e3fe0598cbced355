// The document model that every pagewash stage reads and returns.
//
// A Document is one page. Its text lives in one arena (a std::string owned by
// the document); each Block names a slice of that arena. Stages move a
// Document through the chain, read slices as std::string_view and append new
// text (a joined paragraph, say) to the arena rather than allocating per block.
//
// Before `segment`, blocks are kLine: one normalised input line each, with its
// indentation and whether a blank line preceded it. `segment` turns them into
// kHeading, kParagraph and kListItem blocks, joining wrapped lines. Sections
// are not stored: a new section starts at each heading (see BuildSections).
//
// Anything a stage removes is counted in `stats`; with `explain` it is also
// kept in `removed`, with the rule that removed it and its byte span in the
// original input.
#ifndef PAGEWASH_DOCUMENT_H_
#define PAGEWASH_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pagewash/result.h"

namespace pagewash {

/// Version of the JSON Lines stream between stages. A reader rejects a
/// record whose major version differs and reads every older minor one: 1.2
/// gives each block its "length" in the record's "text" where 1.1 repeated
/// its text (json.h), and 1.1 records are still read.
inline constexpr int kSchemaMajor = 1;
inline constexpr int kSchemaMinor = 2;
inline constexpr std::string_view kSchemaVersion = "1.2";

/// Version of the JSON that emit writes (its "schema_version"), same major.
/// It moves only when that JSON changes: the stream's 1.2 left it as it was.
inline constexpr std::string_view kOutputSchemaVersion = "1.1";

/// What a block is. kLine is an unsegmented input line.
enum class BlockKind : std::uint8_t { kLine, kHeading, kParagraph, kListItem };

/// The wire name of a kind: "line", "heading", "paragraph", "list_item".
std::string_view BlockKindName(BlockKind kind);

/// A slice of a Document's arena.
struct TextRef {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

/// A byte range [begin, end) of the original input of a document.
/// Both are 0 when unknown (a record read from a stream without spans).
struct Span {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

/// Fields ordered widest first, so that a block takes 48 bytes, not 56: a
/// page of short paragraphs holds about one a line.
struct Block {
  Span span;                 ///< Where the block came from in the input.
  TextRef text;              ///< One line of text; never contains '\n'.
  TextRef marker;            ///< kListItem: the bullet or number, e.g. "1.".
  std::uint32_t line = 0;    ///< 1-based input line of its first line; 0 unknown.
  std::uint16_t indent = 0;  ///< kLine: leading spaces removed from the line.
  BlockKind kind = BlockKind::kLine;
  std::uint8_t level = 0;    ///< kHeading: 1 for the title, deeper below it.
  bool gap = false;          ///< A blank line precedes this block.
  bool ordered = false;      ///< kListItem: numbered rather than bulleted.
};
static_assert(sizeof(Block) == 48);

/// One piece a stage removed, kept when the stage ran with `explain`.
struct Removal {
  std::string stage;       ///< "strip" or "dedup".
  std::string rule;        ///< Name of the rule, e.g. "cookie-notice".
  TextRef text;            ///< The removed text (one line or block).
  Span span;               ///< Its bytes in the original input.
  std::uint32_t line = 0;  ///< Its first input line.
  /// dedup only: the kept block this one repeats, as "ID" and input line.
  std::string duplicate_of_id;
  std::uint32_t duplicate_of_line = 0;
};

/// Counters each stage adds to. All start at zero; readers carry them along.
struct Stats {
  std::uint64_t input_bytes = 0;    ///< Bytes of raw text read.
  std::uint64_t input_lines = 0;    ///< Non-blank input lines.
  std::uint64_t invalid_utf8 = 0;   ///< Invalid sequences replaced by U+FFFD.
  std::uint64_t stripped = 0;       ///< Blocks removed by strip.
  std::uint64_t duplicates = 0;     ///< Blocks removed by dedup.
};

/// A key/value pair of page metadata ("author", "date", ...). Values that came
/// from a stream as non-string JSON keep their raw JSON and `raw_json` is set.
struct MetadataEntry {
  std::string key;
  std::string value;
  bool raw_json = false;
};

/// A top-level field of an input record that pagewash does not interpret
/// ("added", "created", ...). It is written back unchanged.
struct ExtraField {
  std::string key;
  std::string raw_json;
};

class Document {
 public:
  std::string id;
  std::string source;
  std::string title;  ///< The page's main heading, set by segment; may be empty.
  std::vector<Block> blocks;
  std::vector<MetadataEntry> metadata;  ///< Sorted by key, keys unique.
  std::vector<Removal> removed;
  std::vector<ExtraField> extra;        ///< In input order.
  std::vector<std::string> stages;      ///< Stages applied, in order.
  Stats stats;

  /// The text of a slice. Valid until the arena next grows (AddText).
  std::string_view Text(TextRef ref) const {
    return std::string_view(arena_).substr(ref.offset, ref.length);
  }
  std::string_view Text(const Block& block) const { return Text(block.text); }

  /// Appends text to the arena and returns its slice. Invalidates views
  /// returned by Text(), not TextRefs. Text that would end past
  /// TextLimit() is not added: the slice is empty, and problem() says so.
  TextRef AddText(std::string_view text);

  /// The most bytes the arena holds: TextRef offsets are 32-bit. A page
  /// under the input cap can still reach it (an invalid byte becomes three,
  /// segment copies joined paragraphs and list items).
  static constexpr std::size_t kMaxTextBytes = 0xFFFFFFFF;
  std::size_t TextLimit() const { return text_limit_; }
  /// Sets TextLimit() (at most kMaxTextBytes), so that a test can reach it
  /// without 4 GiB. Kept by Clear(). REQUIRES: ArenaSize() <= bytes.
  void SetTextLimitForTesting(std::size_t bytes) {
    text_limit_ = bytes < kMaxTextBytes ? bytes : kMaxTextBytes;
  }

  /// Records that a stage could not do its work on this document as it
  /// should ("its text grew past ..."); the first problem is kept. Stages
  /// have no error path: they record the problem and go on, and the driver
  /// reports the document as an error and writes nothing of it.
  void SetProblem(std::string what);
  /// Ok, or the recorded problem as an InvalidInput error naming the
  /// document: `document "ID": WHAT; it is skipped`.
  Status problem() const;

  /// Sets metadata[key] = value, keeping the list sorted.
  void SetMetadata(std::string_view key, std::string_view value, bool raw_json = false);
  /// The value of metadata[key], or empty when absent.
  std::string_view GetMetadata(std::string_view key) const;

  /// Empties the document (its problem too), keeping the capacity of its
  /// buffers for reuse.
  void Clear();

  /// Makes room for `bytes` more bytes of text, so that a page added line by
  /// line takes one allocation of its size rather than doublings.
  void ReserveText(std::size_t bytes) { arena_.reserve(arena_.size() + bytes); }

  /// Bytes in the arena (for capacity checks and tests).
  std::size_t ArenaSize() const { return arena_.size(); }

 private:
  std::string arena_;
  std::size_t text_limit_ = kMaxTextBytes;
  std::string problem_;  // Empty: none.
};

/// Appends the document's plain text to *out: blocks in order, separated by a
/// blank line where Block::gap is set (and before every block that is not a
/// kLine or a list item continuing a list), by a newline otherwise.
void ComposeText(const Document& doc, std::string* out);

/// The separator ComposeText puts before blocks[i], i > 0: "\n" or "\n\n".
std::string_view SeparatorBefore(const Document& doc, std::size_t i);

/// A section: a heading (or none, for text before the first heading) and the
/// indices of the blocks under it.
struct Section {
  int heading = -1;  ///< Index into Document::blocks, or -1.
  std::vector<std::uint32_t> blocks;
};

/// Splits a segmented document into sections: a new one at each heading, in
/// page order; blocks before the first heading go to a section with heading -1,
/// which is omitted when empty.
std::vector<Section> BuildSections(const Document& doc);

/// A section as BuildSections makes it, without a list of its own: its
/// blocks are blocks [begin, end), none of them a heading.
struct SectionSpan {
  int heading = -1;  ///< Index into Document::blocks, or -1.
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// The sections of BuildSections(doc), in the same order, into *out
/// (cleared first): a caller that keeps *out across documents allocates
/// nothing once it has grown.
void BuildSectionSpans(const Document& doc, std::vector<SectionSpan>* out);

}  // namespace pagewash

#endif  // PAGEWASH_DOCUMENT_H_
