// Reading WARC files (ISO 28500: WARC/1.0 and WARC/1.1), as web crawls
// store them: Common Crawl's WARC and WET files, and what wget --warc-file,
// warcio and browsertrix write.
//
// A WARC file is a sequence of records, each a version line, named header
// fields, an empty line, a block of Content-Length bytes and two line ends.
// WarcReader reads them one at a time from a stream (a plain file, or the
// decompressing stream of a .warc.gz, io/decompress.h), so memory holds one
// record. ExtractWarcText then says whether a record holds a text page for
// pagewash, and which: a WET `conversion` record, or a `response` or
// `resource` record whose payload is text/plain. HTML payloads, and the
// warcinfo, request, metadata and revisit records, are skipped and counted:
// pagewash reads text, not HTML.
//
// Line ends may be CRLF, as the standard has them, or LF, as some tools
// write them.
#ifndef PAGEWASH_IO_WARC_H_
#define PAGEWASH_IO_WARC_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace pagewash::io {

/// One WARC record: the header fields pagewash uses, and the block.
struct WarcRecord {
  std::uint64_t line = 0;    ///< Line of its version line in the stream, from 1.
  std::string version;       ///< "WARC/1.0" or "WARC/1.1".
  std::string type;          ///< WARC-Type: "conversion", "response", ...
  std::string record_id;     ///< WARC-Record-ID, as written ("<urn:uuid:...>").
  std::string target_uri;    ///< WARC-Target-URI; may be empty.
  std::string date;          ///< WARC-Date; may be empty.
  std::string content_type;  ///< Content-Type of the block; may be empty.
  std::string block;         ///< Content-Length bytes.
};

/// Reads the records of a WARC stream in order.
class WarcReader {
 public:
  enum Kind {
    kRecord,  ///< *record holds the next record.
    kError,   ///< A record could not be read: see error() and error_line().
    kEnd,     ///< No more records (or the stream failed: check std::ferror).
  };

  /// `max_block_bytes`: a record with a larger block is skipped, as an
  /// error, without holding it in memory.
  explicit WarcReader(std::size_t max_block_bytes) : max_block_bytes_(max_block_bytes) {}
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  /// Starts reading `file`, which must stay open while the reader is used.
  /// `first_line` is the stream's first line (its line end included),
  /// already read from `file` to recognise it; it is copied.
  void Start(std::FILE* file, std::string_view first_line);

  /// Reads the next record into *record (reusing its buffers). After a
  /// kError, reading goes on with the next record when the stream allows
  /// it (a block too large is skipped), and ends when it does not (a
  /// damaged header: nothing says where the next record begins).
  Kind Next(WarcRecord* record);

  /// What made Next return kError, without the source.
  const std::string& error() const { return error_; }
  /// The line of the record that had the error.
  std::uint64_t error_line() const { return error_line_; }

 private:
  bool ReadLine();
  Kind Fail(std::uint64_t line, std::string message, bool stop);

  std::size_t max_block_bytes_;
  std::FILE* file_ = nullptr;
  std::string pending_;
  bool has_pending_ = false;
  bool stopped_ = false;
  std::uint64_t line_number_ = 0;
  char* buffer_ = nullptr;
  std::size_t capacity_ = 0;
  std::string_view line_;
  std::string error_;
  std::uint64_t error_line_ = 0;
};

/// Why a record holds no page: counted, in this order, in messages.
enum class WarcSkip {
  kNone,       ///< A page: read it.
  kWarcinfo,   ///< About the file, not a page.
  kRequest,    ///< What the crawler sent.
  kMetadata,   ///< About another record.
  kRevisit,    ///< A pointer to an earlier capture.
  kOtherType,  ///< continuation, or a type this version of WARC lacks.
  kHtml,       ///< A text/html or XHTML payload: pagewash reads text, not HTML.
  kNotText,    ///< Another payload: an image, a PDF, JSON, ...
  kEncoded,    ///< An HTTP payload sent compressed or chunked, as recorded.
};
inline constexpr int kWarcSkipKinds = 9;

/// How a message names records skipped for `skip` ("warcinfo", "HTML").
std::string_view WarcSkipName(WarcSkip skip);

/// The key of `skip` in --stats-json ("warcinfo", "html", "not_text").
std::string_view WarcSkipKey(WarcSkip skip);

/// What a record holds for pagewash.
struct WarcText {
  WarcSkip skip = WarcSkip::kNone;
  /// With kNone: the page, a view into the record's block.
  std::string_view text;
  /// With kNone: the page's Content-Type: the record's, or for a response
  /// record the HTTP response's ("text/plain; charset=utf-8"). May be empty.
  std::string_view content_type;
  /// With kNone: the charset named by content_type, or empty.
  std::string_view charset;
};

/// Tells whether `record` holds a text page: a `conversion` record (WET),
/// or a `response` (an HTTP response, parsed) or `resource` record whose
/// payload is text/plain. The views point into `record`: valid while it is
/// not changed.
WarcText ExtractWarcText(const WarcRecord& record);

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_WARC_H_
