// Telling what an input is from its first bytes, before reading it as text.
//
// pagewash reads raw text pages, JSON Lines and WARC files, compressed or
// not. The input reader looks at the beginning of each input: magic bytes
// (gzip, zstd, bzip2, xz) put a decompressing stream in front of it
// (io/decompress.h), a WARC version line makes it read records
// (io/warc.h). An HTML page or a binary file would go through as garbage
// (markup kept as words, control characters dropped), so those are refused
// with a message that says what to do instead: the opening tag of an HTML
// document, and, for anything else, NUL bytes or a high share of control
// bytes. Compressed data left after decompressing, or a WARC file read
// under --input-format text, is refused the same way.
#ifndef PAGEWASH_IO_SNIFF_H_
#define PAGEWASH_IO_SNIFF_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace pagewash::io {

/// What the first bytes of an input say it is.
enum class ContentKind {
  kText,    ///< Text, or nothing known: read it.
  kGzip,    ///< 1F 8B
  kZstd,    ///< 28 B5 2F FD
  kBzip2,   ///< "BZh" 1-9, then a block or end-of-stream magic
  kXz,      ///< FD 37 7A 58 5A 00
  kWarc,    ///< "WARC/1." (WARC and WET files)
  kHtml,    ///< "<!DOCTYPE html" or "<html" after spaces and a BOM, any case
  kBinary,  ///< A NUL byte, or more than a tenth control bytes
};

/// How many bytes of an input SniffContent looks at.
inline constexpr std::size_t kSniffBytes = 4096;

/// Classifies the start of an input. `head` is its first bytes: any length,
/// only the first kSniffBytes are read. A UTF-16 or UTF-32 byte order mark
/// makes the input text (its NUL bytes are part of the encoding); with
/// `check_binary` false, NUL and control bytes are not looked at (an
/// encoding given by the user says what they are).
ContentKind SniffContent(std::string_view head, bool check_binary = true);

/// Why an input of `kind` is refused, when met as text, and what to do, naming the input as
/// `file` in the suggested command ("FILE" when it is empty). Empty for
/// ContentKind::kText.
std::string RefusalMessage(ContentKind kind, std::string_view file);

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_SNIFF_H_
