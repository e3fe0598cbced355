// A field of a tab-separated line, escaped so that any string fits in one:
// a tab, a newline or a carriage return inside it would split the line that
// `sort` and `awk` read (dedup --fingerprints, --drop-list). Backslash
// escapes, as PostgreSQL's COPY and MySQL's LOAD DATA write them: \\ \t \n \r.
#ifndef PAGEWASH_TEXT_TSV_H_
#define PAGEWASH_TEXT_TSV_H_

#include <string>
#include <string_view>

namespace pagewash::text {

/// Appends `field` to *out with \, tab, LF and CR escaped.
void AppendTsvField(std::string_view field, std::string* out);

/// The field AppendTsvField wrote. A backslash before any other character
/// stands for that character.
std::string UnescapeTsvField(std::string_view field);

}  // namespace pagewash::text

#endif  // PAGEWASH_TEXT_TSV_H_
