// Stage 4 of 4: emit writes each document in its final form.
//
// The JSON form (the default, one document per line) is itself a valid
// Dolma/datatrove record:
//
//   {"id":"004_031e1d8aa0830e09","source":"testdata/pages/004_031e1d8aa0830e09.txt",
//    "title":"Ukraine and Poland sign security guarantees agreement","hash":"…",
//    "sections":[{"hash":"…","heading":"Ukraine and Poland sign security guarantees agreement","level":1,
//                 "blocks":[{"hash":"…","type":"paragraph","text":"Ukraine and Poland have signed ..."}]},
//                {"hash":"…","heading":"Security guarantees","level":2,"blocks":[...]}],
//    "metadata":{"author":"Maria Kholina","language":"en","language_score":0.99},
//    "text":"Ukraine and Poland sign security guarantees agreement\n\nUkraine and Poland have signed ...",
//    "schema_version":"1.1",
//    "stats":{"input_bytes":3514,"input_lines":27,"invalid_utf8":0,"stripped":3,"duplicates":0}}
//
// - "title": the page's main heading, or null.
// - "hash" (document, section, block): stable content hashes (manifest.h).
// - "sections": a new section at each heading, in page order; text before
//   the first heading is in a section whose "heading" and "level" are null.
//   "path" lists the headings from the outermost open one down to this one
//   (a heading closes every open heading of its level or deeper).
//   A heading is not repeated as a block.
// - "blocks": {"type": "paragraph" | "list_item", "text"}; list items also
//   carry "ordered" and "marker" (the bullet or number they had).
// - "metadata": what the page states (author, date, ...), "language" and
//   "language_score" (language.h).
// - "text": the clean text: headings and blocks, a blank line between
//   paragraphs, one newline between the items of a list.
// - "removed": what strip and dedup removed, when they ran with --explain.
// - Fields of the input record that pagewash does not know are kept.
//
// The JSON Schema is testdata/schema/pagewash-output.schema.json.
#ifndef PAGEWASH_EMIT_H_
#define PAGEWASH_EMIT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "pagewash/document.h"

namespace pagewash {

class JsonSink;  // pagewash/json.h

enum class OutputFormat {
  kJson,      ///< One JSON object per document (one line each unless pretty).
  kMarkdown,  ///< Markdown for people to read.
  kText,      ///< The clean text.
  kDiff,      ///< What was kept and removed, in input order, as a person reads a diff.
};

/// The top-level fields of the JSON output that a user may leave out
/// (`--fields`), as bits of EmitOptions::fields. `id` is always written, and
/// so are the fields of an input record that pagewash does not know.
/// Leaving out `hash` leaves out every hash: the document's, and the
/// sections' and blocks' when `sections` is kept.
enum OutputField : std::uint32_t {
  kFieldSource = 1u << 0,
  kFieldTitle = 1u << 1,
  kFieldHash = 1u << 2,
  kFieldSections = 1u << 3,
  kFieldMetadata = 1u << 4,
  kFieldText = 1u << 5,
  kFieldSchemaVersion = 1u << 6,
  kFieldStats = 1u << 7,
  kFieldRemoved = 1u << 8,
};
inline constexpr std::uint32_t kAllOutputFields = (1u << 9) - 1;

/// The bit of an output field's name ("text" -> kFieldText); 0 for "id",
/// which is always written; false for a name that is no top-level field.
bool OutputFieldBit(std::string_view name, std::uint32_t* bit);

/// The names OutputFieldBit knows, "id" first, in the order they are written.
std::string_view OutputFieldNames();

struct EmitOptions {
  OutputFormat format = OutputFormat::kJson;
  /// JSON: indent by two spaces (the output is then not JSON Lines).
  bool pretty = false;
  /// JSON: add metadata.signals, the quality signals of the text (signals.h).
  bool signals = false;
  /// JSON: the OutputField bits of the top-level fields to write; the rest
  /// are left out (and hashes not computed when `hash` is left out).
  std::uint32_t fields = kAllOutputFields;
};

/// Appends the final form of `doc` to *out, ending with a newline. A document
/// that was never segmented is written with its lines as paragraphs. Every
/// format shows the removals the document carries (strip and dedup keep them
/// with --explain): JSON as "removed", Markdown and text as a "Removed:"
/// list after the document, diff in place. Markdown and diff escape control
/// characters in ids, sources, rules and removed text (a line end as "\n"),
/// and Markdown escapes what could close its "<!-- ID -->" comment.
///
/// kDiff writes, for each document, a header line "--- ID (SOURCE)", then
/// every kept block and every removed piece (those kept with --explain)
/// ordered by input line: kept ones as "  LINE  text", removed ones as
/// "- LINE  text  [stage rule]", with "(duplicate of line N)" for dedup.
void EmitDocument(const Document& doc, const EmitOptions& options, std::string* out);
/// The same bytes, handed to `sink`: the JSON as it is written, in pieces
/// of about JsonWriter::kFlushBytes, so that a large document's JSON is
/// never held whole; the other formats whole, at the end. *out is the
/// buffer, empty on return.
void EmitDocument(const Document& doc, const EmitOptions& options, std::string* out, JsonSink* sink);

}  // namespace pagewash

#endif  // PAGEWASH_EMIT_H_
