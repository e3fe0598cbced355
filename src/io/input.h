// Reading inputs: files or standard input, raw text pages or JSON Lines.
//
// A raw text page is one document, read whole; an input of no bytes has no
// document. A JSON Lines input is read
// one line at a time into one reused buffer, so memory stays at the size of
// the largest record. With InputFormat::kAuto, an input whose first non-blank
// line is a JSON object with a string text field ("text", or
// InputOptions::text_key) is JSON Lines; any other input is a raw page.
//
// A gzip, zstd, bzip2 or xz input, known by its magic bytes, is read
// through a decompressing stream (io/decompress.h), one record at a time as
// any other; damage in it is an error for that input, with the byte offset.
//
// An input that opens with a WARC/1.0 or WARC/1.1 line (a WARC or WET file,
// compressed or not) is read record by record (io/warc.h): each text page
// in it is a document, with the record's id, URL, date and content type;
// the records that hold no text page are counted and, at the end of the
// input, reported in one warning.
#ifndef PAGEWASH_IO_INPUT_H_
#define PAGEWASH_IO_INPUT_H_

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "pagewash/document.h"
#include "pagewash/json.h"
#include "pagewash/io_options.h"
#include "pagewash/result.h"
#include "pagewash/text_input.h"
#include "io/warc.h"

namespace pagewash::io {
class Decompressor;
}

namespace pagewash::io {

/// The id of a raw page read from `path`, and the stem of a record's id
/// when it has none ("ID:LINE"): the file name without its directory, a
/// compression suffix and its extension ("dir/page.txt.gz" is "page").
std::string IdFromPath(const std::string& path);

/// A JSON Lines record that InputReader::Read read but left for
/// DecodePending to decode, on any thread.
struct PendingRecord {
  bool pending = false;      ///< Set by Read when it left a record here.
  std::string line;          ///< The record, without its line end.
  std::string source;        ///< The input, for messages.
  std::string id_prefix;     ///< A record without an id gets "PREFIX:LINE".
  std::string default_source;  ///< A record without a source gets this.
  std::uint64_t line_number = 0;
};

/// Decodes `record` into *doc as Read would have (errors name its source
/// and line). Safe on any thread: each thread has its own decoder.
Status DecodePending(const PendingRecord& record, const InputOptions& options, Document* doc);

class InputReader {
 public:
  enum Kind { kDocument, kError, kEnd };
  struct Next {
    Kind status = kEnd;
    Status error;    ///< For kError: what was wrong, with source and line.
    Status warning;  ///< Repairs made (invalid UTF-8), with source and byte.
  };

  /// `options.id` names a raw text page read under --id; empty derives it
  /// from the path (the file name without its extension; "stdin" for
  /// standard input).
  explicit InputReader(InputOptions options);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  /// Opens `name` ("-" is standard input). Closes the previous input.
  Status Open(const std::string& name);

  /// Reads from `file`, already open, as Open reads the input called
  /// `name` (for ids and messages). The reader does not close `file`; it
  /// must stay open until the next Open or Attach, or the reader's end.
  /// `lines_before` is for a part of a file that starts after that many
  /// lines (a byte range of JSON Lines): line numbers, and the ids of
  /// records without one, are then those of the whole file.
  Status Attach(std::FILE* file, const std::string& name, std::uint64_t lines_before = 0);

  /// Reads the next document into *doc (reusing its buffers).
  Next Read(Document* doc);

  /// Read, but a JSON Lines record is left undecoded in *pending (kDocument
  /// with *doc untouched), so that decoding, most of the cost of reading,
  /// can run elsewhere (DecodePending). Raw pages and WARC records are
  /// decoded here, as by Read; pending->pending says which it was.
  Next Read(Document* doc, PendingRecord* pending);

  /// Bytes of the open input read so far, as stored (compressed bytes for
  /// a compressed file), for a progress meter; 0 when it cannot be told (a
  /// pipe) or no input is open.
  std::uint64_t StoredBytesRead() const;

  /// WARC records that held no text page, by WarcSkip, over every input
  /// read so far.
  const std::array<std::uint64_t, kWarcSkipKinds>& warc_skipped_total() const { return warc_skipped_total_; }

 private:
  Status Unwrap();  // Puts a decompressing stream in front of file_ when needed.
  Status ReadFailure(std::uint64_t line) const;  // After ferror(file_).
  // Reads the next line into line_, at most LineLimit() bytes of it (then
  // sets line_cut_, the rest left unread); false at end of input. The first
  // line, `detecting` the format, may be read further.
  bool ReadLine(bool detecting = false);
  std::size_t LineLimit() const;
  // What followed the part of a cut line that was read, now skipped.
  struct LineRest {
    bool only_cr = true;  // Nothing but "\r".
    bool blank = true;    // Nothing but spaces, tabs and "\r".
  };
  LineRest SkipRestOfLine();
  void ReleaseLargeLine();  // Frees line_buffer_ when it grew for a large line.
  void Close();
  Next ReadText(Document* doc);
  Next ReadWarc(Document* doc);
  // Decodes the page in text_ (from `declared` encoding, or the detected
  // one) into *doc; sets stats, metadata.encoding and the warning.
  Next FinishPage(std::string_view declared, Document* doc);
  std::string DefaultId() const;  // From the file name; "stdin".

  InputOptions options_;
  std::string quoted_text_key_;  // "KEY": as it opens a field in JSON.
  std::string name_;    // As given.
  std::string source_;  // For messages and the "source" field.
  std::FILE* file_ = nullptr;   // What is read: raw_, or decompressor_'s stream.
  std::FILE* raw_ = nullptr;    // The input as opened.
  bool owns_file_ = false;      // raw_ is closed with the input.
  std::unique_ptr<Decompressor> decompressor_;
  bool jsonl_ = false;
  bool warc_ = false;
  WarcReader warc_reader_;
  WarcRecord warc_record_;
  std::array<std::uint64_t, kWarcSkipKinds> warc_skipped_{};
  std::array<std::uint64_t, kWarcSkipKinds> warc_skipped_total_{};
  bool text_done_ = false;
  bool pending_line_ = false;  // line_ holds an unread first line.
  bool record_seen_ = false;   // A non-blank JSON Lines line has been read.
  std::uint64_t line_number_ = 0;
  bool line_cut_ = false;  // line_ is the start of a longer line.
  char* line_buffer_ = nullptr;  // malloc'd: it grows by realloc.
  std::size_t line_capacity_ = 0;
  std::string_view line_;
  std::string text_;
  std::string converted_;  // A page converted to UTF-8 from another encoding.
  StreamDecoder decoder_;
  TextReader text_reader_;
};

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_INPUT_H_
