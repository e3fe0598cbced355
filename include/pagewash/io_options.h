// How inputs are read (their format, the field that holds a record's text,
// the encoding of raw pages, the largest document) and how the output is
// compressed. The driver (pipeline.h) and src/io/ both read these.
#ifndef PAGEWASH_IO_OPTIONS_H_
#define PAGEWASH_IO_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace pagewash {

enum class InputFormat { kAuto, kText, kJsonl };

/// Largest document that can be read, whatever InputOptions says. Offsets in
/// a Document's arena are 32-bit: a page's normalised text (about its size)
/// and what the stages add to it (segment copies list-item bodies, at most
/// the text again) must stay below 4 GiB, so a larger document is refused
/// when it is read, as an error for that document, and never wraps.
inline constexpr std::size_t kMaxDocumentBytesLimit = std::size_t{1} << 30;
static_assert(3 * kMaxDocumentBytesLimit < (std::uint64_t{1} << 32));

/// How inputs are read.
struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  /// Id for a raw text page; empty: from its path.
  std::string id;
  /// The field of a JSON Lines record that holds its text (--text-key). A
  /// record without it (and without "blocks") is an error.
  std::string text_key = "text";
  /// The encoding of raw pages (--encoding, an ICU converter name such as
  /// "windows-1250"); empty: detected for each page (text/encoding.h). A
  /// page read from another encoding than UTF-8 says which in
  /// metadata.encoding. JSON Lines are always UTF-8.
  std::string encoding;
  /// A larger document (a raw page, or one record) is an error, reported
  /// and skipped. At most kMaxDocumentBytesLimit.
  std::size_t max_document_bytes = std::size_t{256} << 20;
};

/// How the output is compressed as it is written.
enum class OutputCompression {
  kNone,
  kGzip,  ///< One gzip member (gzip's level 6).
  kZstd,  ///< One zstd frame with a content checksum (level 3).
};

}  // namespace pagewash

#endif  // PAGEWASH_IO_OPTIONS_H_
