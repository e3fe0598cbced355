// Telling a raw page's character encoding, and converting it to UTF-8: the
// step before the reader (text_input.h) for pages that are not UTF-8.
//
// pagewash works in UTF-8. A page in a legacy encoding (Windows-1250/1252,
// ISO-8859-2, KOI8-R, ...) or in UTF-16/32 would otherwise have every
// non-ASCII character replaced by U+FFFD. DetectEncoding decides, in order:
//
//   1. A byte order mark names UTF-8, UTF-16 or UTF-32.
//   2. A page that is all valid UTF-8, or mostly so, is UTF-8: the reader
//      repairs the few bad sequences. "Mostly" is more than ten valid
//      multi-byte sequences for each invalid one. Text in an 8-bit code
//      page almost never forms valid multi-byte UTF-8 (a letter from
//      0xC2-0xF4 would have to be followed by the right number of bytes
//      from 0x80-0xBF, which are symbols and C1 controls there), so its
//      non-ASCII sequences are nearly all invalid; UTF-8 that was damaged
//      (a cut, a stray byte) has nearly all of them valid. The ratio sits
//      between the two, and is the one ICU's own UTF-8 recogniser uses.
//   3. Otherwise ICU's charset detector (ucsdet) judges the byte statistics
//      and names an 8-bit or multi-byte code page; when it names UTF-8 or
//      nothing ICU can convert, the page is read as UTF-8 and repaired.
//
// ICU does the conversion (ucnv). Error codes are checked here and become
// Status; no ICU type leaves this file pair.
#ifndef PAGEWASH_TEXT_ENCODING_H_
#define PAGEWASH_TEXT_ENCODING_H_

#include <string>
#include <string_view>

#include "pagewash/result.h"

namespace pagewash::text {

/// The encoding of a raw page: an ICU converter name ("windows-1252",
/// "UTF-16LE", ...), or "UTF-8" for a page that is (mostly) UTF-8.
std::string DetectEncoding(std::string_view bytes);

/// True for the names DetectEncoding gives a UTF-8 page (any case, with or
/// without the dash): such a page needs no conversion.
bool IsUtf8Name(std::string_view name);

/// Replaces *out with `bytes` converted from `encoding` to UTF-8. A byte
/// sequence that is not valid in `encoding` becomes U+FFFD (or the code
/// page's own substitute). Fails only for an encoding ICU does not know.
Status ConvertToUtf8(std::string_view bytes, std::string_view encoding, std::string* out);

/// Ok if ICU can convert from `encoding`; otherwise an InvalidArgument
/// status naming it.
Status CheckEncoding(std::string_view encoding);

}  // namespace pagewash::text

#endif  // PAGEWASH_TEXT_ENCODING_H_
