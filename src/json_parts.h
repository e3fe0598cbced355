// Pieces of a document's JSON shared by the stream record (json_write.cc) and
// the emitted output (emit.cc), so each field has one writer.
#ifndef PAGEWASH_JSON_PARTS_H_
#define PAGEWASH_JSON_PARTS_H_

#include "pagewash/document.h"
#include "pagewash/json.h"

namespace pagewash::internal {

/// "metadata": {...} in key order; raw JSON values written as they came.
void WriteMetadata(const Document& doc, JsonWriter* w);
/// "stats": {...}.
void WriteStats(const Stats& stats, JsonWriter* w);
/// "removed": [...], only when the document has removals.
void WriteRemovals(const Document& doc, JsonWriter* w);
/// The pass-through fields, in input order.
void WriteExtra(const Document& doc, JsonWriter* w);
/// "ordered" and "marker" of a list item; nothing for other blocks.
void WriteListItemFields(const Document& doc, const Block& block, JsonWriter* w);
/// A [begin, end] pair.
void WriteSpan(const Span& span, JsonWriter* w);
/// The text of block `heading`, or null when it is -1 (a section before
/// any heading).
void WriteHeadingOrNull(const Document& doc, int heading, JsonWriter* w);

}  // namespace pagewash::internal

#endif  // PAGEWASH_JSON_PARTS_H_
