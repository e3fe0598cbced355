// Reading a raw text page into a Document: the normalisation every page gets
// before any stage sees it.
//
// The bytes are decoded as UTF-8 (an invalid sequence becomes U+FFFD and is
// counted), a leading BOM is dropped, CRLF and CR end lines as LF does, and
// U+2028/U+2029 end lines too. Each line is put in NFC; tabs, no-break and
// other Unicode spaces become plain spaces; zero-width space, word joiner,
// stray BOMs and soft hyphens are removed (ZWJ and ZWNJ are kept: they spell
// words in Persian and Indic scripts and join emoji); C0 and C1 control
// characters are dropped; runs of spaces become one; leading spaces become
// Block::indent and trailing ones are dropped. Blank lines are not blocks:
// they set Block::gap on the next line.
#ifndef PAGEWASH_TEXT_INPUT_H_
#define PAGEWASH_TEXT_INPUT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "pagewash/document.h"
#include "pagewash/result.h"

namespace pagewash {

/// What the reader repaired, for the caller to report.
struct TextInputReport {
  std::uint64_t invalid_utf8 = 0;          ///< Invalid sequences replaced.
  std::uint64_t first_invalid_offset = 0;  ///< Byte offset of the first one.
};

/// Ok if raw pages can be read from `encoding` (an ICU converter name such
/// as "windows-1252", "ISO-8859-2", "KOI8-R", "UTF-16LE"); otherwise an
/// InvalidArgument status naming it.
Status CheckEncodingName(std::string_view encoding);

/// Normalises raw pages into documents. Keeps scratch buffers between pages;
/// one instance per thread.
class TextReader {
 public:
  /// Appends the kLine blocks of `bytes` to *doc and adds to doc->stats.
  /// Spans are byte offsets into `bytes`. Any bytes give a valid document;
  /// a line ICU cannot put in NFC (out of memory) is kept as read and
  /// recorded as the document's problem (Document::problem), naming the
  /// line. Does not set id or source.
  TextInputReport Read(std::string_view bytes, Document* doc);

 private:
  std::string line_;
  std::string scratch_;
};

}  // namespace pagewash

#endif  // PAGEWASH_TEXT_INPUT_H_
