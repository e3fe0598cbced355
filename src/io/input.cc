#include "io/input.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <sys/stat.h>

#include "io/decompress.h"
#include "io/sniff.h"
#include "text/encoding.h"
#include "text/unicode.h"

namespace pagewash::io {

std::string IdFromPath(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  // "page.txt.gz" is page "page", as "page.txt" is.
  for (std::string_view ext : {".gz", ".zst", ".bz2", ".xz"}) {
    if (base.size() > ext.size() + 1 && base.ends_with(ext)) {
      base.resize(base.size() - ext.size());
      break;
    }
  }
  std::size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

namespace {

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string_view StripBom(std::string_view s) {
  return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s;
}

// `s` with each invalid UTF-8 sequence made U+FFFD. WARC header values
// are bytes: they go into JSON strings, which must be UTF-8.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    bool valid = true;
    std::uint32_t c = text::DecodeUtf8(s, &i, &valid);
    if (valid) {
      out.append(s.substr(start, i - start));
    } else {
      text::AppendUtf8(c, &out);
    }
  }
  return out;
}

// A buffer that grew for one large page is given back after it, not kept
// at that size for the rest of the run; a small one is kept for reuse.
constexpr std::size_t kKeptBufferBytes = std::size_t{1} << 20;

// How much of the first line, at least, is read to tell the format.
constexpr std::size_t kDetectionBytes = std::size_t{1} << 16;

void ReleaseIfLarge(std::string* s) {
  if (s->capacity() > kKeptBufferBytes) {
    std::string().swap(*s);
  } else {
    s->clear();
  }
}

// The bytes left in `file` when it is a regular file, or 0.
std::size_t BytesLeft(std::FILE* file) {
  struct stat st;
  if (::fstat(::fileno(file), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  long at = std::ftell(file);
  if (at < 0 || st.st_size < at) return 0;
  return static_cast<std::size_t>(st.st_size - at);
}

// Reads bytes of `file` into `out`, at most `room` of them, up to and
// including a '\n' (then sets *ended). Sets *got to the bytes read. Returns
// false at the end of the input or on a read error, true otherwise. Unlike
// getline, it stops at `room`, so a line longer than a document may be is
// never held whole.
bool ReadUntilNewline(std::FILE* file, char* out, std::size_t room, std::size_t* got, bool* ended) {
  *got = 0;
  *ended = false;
  while (*got < room) {
#ifdef __GLIBC__
    // What the stream has buffered is searched and copied in one go, as
    // getline does; the stream refills below.
    if (file->_IO_read_ptr < file->_IO_read_end) {
      const std::size_t buffered = static_cast<std::size_t>(file->_IO_read_end - file->_IO_read_ptr);
      const std::size_t n = std::min(buffered, room - *got);
      const void* newline = std::memchr(file->_IO_read_ptr, '\n', n);
      const std::size_t take = newline != nullptr ? static_cast<std::size_t>(static_cast<const char*>(newline) - file->_IO_read_ptr) + 1 : n;
      std::memcpy(out + *got, file->_IO_read_ptr, take);
      file->_IO_read_ptr += take;
      *got += take;
      if (newline != nullptr) {
        *ended = true;
        return true;
      }
      continue;
    }
#endif
    const int c = getc_unlocked(file);
    if (c == EOF) return false;
    out[(*got)++] = static_cast<char>(c);
    if (c == '\n') {
      *ended = true;
      return true;
    }
  }
  return true;
}

}  // namespace

InputReader::InputReader(InputOptions options)
    : options_(std::move(options)),
      warc_reader_(std::min(options_.max_document_bytes, kMaxDocumentBytesLimit)) {
  if (options_.max_document_bytes > kMaxDocumentBytesLimit) options_.max_document_bytes = kMaxDocumentBytesLimit;
  decoder_.SetTextKey(options_.text_key);
  AppendJsonString(options_.text_key, &quoted_text_key_);
  quoted_text_key_.push_back(':');
}

InputReader::~InputReader() {
  Close();
  std::free(line_buffer_);
}

std::uint64_t InputReader::StoredBytesRead() const {
  if (raw_ == nullptr) return 0;
  const off_t at = ::ftello(raw_);
  return at < 0 ? 0 : static_cast<std::uint64_t>(at);
}

void InputReader::Close() {
  // The decompressing stream reads raw_: it goes first.
  decompressor_.reset();
  if (raw_ != nullptr && owns_file_) std::fclose(raw_);
  file_ = nullptr;
  raw_ = nullptr;
  owns_file_ = false;
}

Status InputReader::Unwrap() {
  // Enough bytes for every magic number SniffContent knows (bzip2's is ten).
  char head[16];
  const long at = std::ftell(raw_);
  std::size_t got = std::fread(head, 1, sizeof head, raw_);
  if (got == 0) {
    if (std::ferror(raw_)) return ReadFailure(0);
    return Status::Ok();
  }
  ContentKind kind = SniffContent(std::string_view(head, got), /*check_binary=*/false);
  if (!IsCompressed(kind)) {
    // A file is rewound; a pipe cannot be, so its first bytes are read
    // again from memory, then the rest.
    if (at >= 0 && std::fseek(raw_, at, SEEK_SET) == 0) return Status::Ok();
    kind = ContentKind::kText;
  }
  decompressor_ = Decompressor::Create(kind, std::string_view(head, got), raw_);
  if (decompressor_ == nullptr) {
    return Status::IoError("cannot set up decompression: out of memory").At(source_, 0);
  }
  file_ = decompressor_->file();
  return Status::Ok();
}

Status InputReader::ReadFailure(std::uint64_t line) const {
  // A decompressor's own message says where the compressed data is
  // damaged; otherwise the file could not be read.
  if (decompressor_ != nullptr && !decompressor_->error().empty()) {
    return Status::InvalidInput(decompressor_->error()).At(source_, line);
  }
  return Status::IoError(fmt::format("read failed: {}", std::strerror(errno))).At(source_, line);
}

Status InputReader::Open(const std::string& name) {
  Close();
  if (name == "-") return Attach(stdin, name);
  std::FILE* file = std::fopen(name.c_str(), "rb");
  if (file == nullptr) {
    return Status::IoError(fmt::format("cannot open: {}", std::strerror(errno))).At(name, 0);
  }
  Status s = Attach(file, name);
  if (!s.ok() && file_ == nullptr) {
    std::fclose(file);  // Attach gave it up.
    return s;
  }
  owns_file_ = true;
  return s;
}

Status InputReader::Attach(std::FILE* file, const std::string& name, std::uint64_t lines_before) {
  Close();
  file_ = file;
  raw_ = file;
  name_ = name;
  source_ = name == "-" ? "<stdin>" : name;
  line_number_ = lines_before;
  text_done_ = false;
  pending_line_ = false;
  record_seen_ = false;
  warc_ = false;
  warc_skipped_.fill(0);
  text_.clear();
  if (Status s = Unwrap(); !s.ok()) {
    Close();
    return s;
  }
  // Decide the format from the first non-blank line, which stays pending.
  jsonl_ = options_.format == InputFormat::kJsonl;
  if (options_.format == InputFormat::kText) return Status::Ok();
  while (ReadLine(/*detecting=*/true)) {
    // A BOM is no content: a line holding only a BOM and spaces is blank.
    std::string_view first = StripBom(line_);
    if (!line_cut_ && IsBlank(first)) {
      text_.append(line_);  // getline keeps the line end.
      continue;
    }
    pending_line_ = true;
    // WARC and WET files are known by their first line, whatever the
    // format says.
    if (text_.empty() && line_.starts_with("WARC/1.")) {
      warc_ = true;
      break;
    }
    if (options_.format == InputFormat::kAuto) {
      // A record whose JSON is broken (bad UTF-8, a typo) still makes the
      // input JSON Lines when it plainly has a "text" field: the error is
      // then reported against that record, not hidden in a raw page.
      first.remove_prefix(first.find_first_not_of(" \t"));
      // The text field is looked for first: parsing a large record only
      // to tell the format would cost several times its size.
      jsonl_ = first.front() == '{' &&
               (first.find(quoted_text_key_) != std::string_view::npos ||
                first.find("\"text\":") != std::string_view::npos || decoder_.LooksLikeRecord(first));
    }
    break;
  }
  if (warc_) {
    jsonl_ = false;
    pending_line_ = false;
    warc_reader_.Start(file_, line_);
    return Status::Ok();
  }
  // Blank lines met while detecting the format belong to a text page only.
  if (jsonl_) {
    text_.clear();
    // A raw page is looked at when it is read (ReadText), by more than its
    // first line.
    if (pending_line_) {
      if (ContentKind kind = SniffContent(line_); kind != ContentKind::kText) {
        Close();
        return Status::InvalidInput(RefusalMessage(kind, name_)).At(source_, 0);
      }
    }
  }
  return Status::Ok();
}

std::size_t InputReader::LineLimit() const {
  // A record may be the limit long after its BOM and before its "\r".
  return options_.max_document_bytes + 4;
}

bool InputReader::ReadLine(bool detecting) {
  line_cut_ = false;
  std::size_t size = 0;
  bool ended = false;  // The line's '\n' was read.
  bool out_of_memory = false;
  // The format is told from the first line, which must be read far enough
  // to show a record's text field, whatever the limit.
  const std::size_t limit = detecting ? std::max(LineLimit(), kDetectionBytes) : LineLimit();
  while (size < limit) {
    if (line_capacity_ - size < 2) {
      // realloc: a large buffer grows in place (mremap), never copied.
      std::size_t capacity = std::max<std::size_t>(line_capacity_ * 2, 256);
      char* grown = static_cast<char*>(std::realloc(line_buffer_, capacity));
      if (grown == nullptr) {
        // Out of memory: the line is cut here and, as a record, refused.
        out_of_memory = true;
        break;
      }
      line_buffer_ = grown;
      line_capacity_ = capacity;
    }
    const std::size_t room = std::min(line_capacity_ - size - 1, limit - size);
    std::size_t got = 0;
    if (ReadUntilNewline(file_, line_buffer_ + size, room, &got, &ended)) {
      size += got;
      if (ended) break;
      continue;
    }
    size += got;
    break;  // End of input, or a read error (ferror tells).
  }
  if (size == 0) return false;
  ++line_number_;
  line_cut_ = !ended && (size >= limit || out_of_memory);
  line_ = std::string_view(line_buffer_, size);
  return true;
}

InputReader::LineRest InputReader::SkipRestOfLine() {
  LineRest rest;
  char chunk[1 << 14];
  bool ended = false;
  while (!ended) {
    std::size_t got = 0;
    const bool more = ReadUntilNewline(file_, chunk, sizeof chunk, &got, &ended);
    for (std::size_t i = 0; i < got; ++i) {
      const char c = chunk[i];
      if (c == '\n') continue;
      if (c != '\r') rest.only_cr = false;
      if (c != ' ' && c != '\t' && c != '\r') rest.blank = false;
    }
    if (!more) break;
  }
  return rest;
}

void InputReader::ReleaseLargeLine() {
  if (line_capacity_ <= kKeptBufferBytes) return;
  std::free(line_buffer_);
  line_buffer_ = nullptr;
  line_capacity_ = 0;
  line_ = {};
}

InputReader::Next InputReader::ReadText(Document* doc) {
  Next next;
  text_done_ = true;
  // One allocation of the page's size when it is known, rather than the
  // doublings of appending chunk by chunk (up to twice the page).
  if (std::size_t left = BytesLeft(file_); left > 0) {
    text_.reserve(text_.size() + line_.size() + std::min(left, options_.max_document_bytes + 1));
  }
  if (pending_line_) {
    text_.append(line_);
    pending_line_ = false;
  }
  // A page of one long line was read whole to tell its format: the bound
  // applies to it too (a small compressed file can hold a huge line).
  if (text_.size() > options_.max_document_bytes) {
    next.status = kError;
    next.error = Status::InvalidInput(fmt::format("page is larger than {} bytes (--max-doc-bytes)",
                                                  options_.max_document_bytes))
                     .At(source_, 0);
    ReleaseIfLarge(&text_);
    return next;
  }
  // The first line, read to tell the format, may have been the whole page.
  if (line_capacity_ > kKeptBufferBytes) {
    std::free(line_buffer_);
    line_buffer_ = nullptr;
    line_capacity_ = 0;
    line_ = {};
  }
  // Compressed, archived, HTML or binary: refused once its head is read,
  // before the rest is.
  bool sniffed = false;
  auto refuse = [&]() {
    sniffed = true;
    // A given encoding says what NUL and control bytes are (UTF-16 without
    // its BOM, say).
    ContentKind kind = SniffContent(text_, /*check_binary=*/options_.encoding.empty());
    if (kind == ContentKind::kText) return false;
    next.status = kError;
    next.error = Status::InvalidInput(RefusalMessage(kind, name_)).At(source_, 0);
    ReleaseIfLarge(&text_);
    return true;
  };
  char chunk[1 << 16];
  std::size_t got;
  while ((got = std::fread(chunk, 1, sizeof chunk, file_)) > 0) {
    if (!sniffed && text_.size() >= kSniffBytes && refuse()) return next;
    if (text_.size() + got > options_.max_document_bytes) {
      next.status = kError;
      next.error = Status::InvalidInput(fmt::format("page is larger than {} bytes (--max-doc-bytes)",
                                                    options_.max_document_bytes))
                       .At(source_, 0);
      ReleaseIfLarge(&text_);
      return next;
    }
    text_.append(chunk, got);
  }
  if (std::ferror(file_)) {
    next.status = kError;
    next.error = ReadFailure(0);
    ReleaseIfLarge(&text_);
    return next;
  }
  // An input of no bytes holds no document, as a JSON Lines input of no
  // records does: so a stage after one whose every record was rejected
  // writes nothing, as clean does, rather than an empty page.
  if (text_.empty()) return next;
  if (!sniffed && refuse()) return next;
  Next page = FinishPage(options_.encoding, doc);
  if (page.status == kDocument) {
    doc->id = !options_.id.empty() ? options_.id : DefaultId();
    doc->source = name_ == "-" ? std::string("<stdin>") : name_;
  }
  return page;
}

std::string InputReader::DefaultId() const { return IdFromPath(name_ == "-" ? "stdin" : name_); }

InputReader::Next InputReader::FinishPage(std::string_view declared, Document* doc) {
  Next next;
  const std::size_t input_bytes = text_.size();
  const std::string encoding = declared.empty() ? text::DetectEncoding(text_) : std::string(declared);
  const bool utf8 = text::IsUtf8Name(encoding);
  if (!utf8) {
    Status converted = text::ConvertToUtf8(text_, encoding, &converted_);
    // Only the converted page is needed from here: give back the bytes.
    std::string().swap(text_);
    if (!converted.ok()) {
      next.status = kError;
      next.error = std::move(converted.At(source_, 0));
      std::string().swap(converted_);
      return next;
    }
  }
  doc->Clear();
  TextInputReport report = text_reader_.Read(utf8 ? text_ : converted_, doc);
  // Spans count bytes of the UTF-8 text; input_bytes, the bytes read.
  doc->stats.input_bytes = input_bytes;
  if (!utf8) doc->SetMetadata("encoding", ValidUtf8(encoding));  // A declared charset is bytes too.
  ReleaseIfLarge(&text_);
  std::string().swap(converted_);
  next.status = kDocument;
  if (report.invalid_utf8 > 0) {
    next.warning = Status::InvalidInput(fmt::format(
        "invalid UTF-8 at byte {}: {} sequence{} replaced by U+FFFD", report.first_invalid_offset,
        report.invalid_utf8, report.invalid_utf8 == 1 ? "" : "s")).At(source_, 0);
  }
  return next;
}

InputReader::Next InputReader::ReadWarc(Document* doc) {
  Next next;
  while (true) {
    WarcReader::Kind kind = warc_reader_.Next(&warc_record_);
    // Damage in a compressed WARC, or a failed read, shows as the end of
    // the records or as a record cut short: the stream says which.
    if (kind != WarcReader::kRecord && std::ferror(file_)) {
      next.status = kError;
      next.error = ReadFailure(kind == WarcReader::kError ? warc_reader_.error_line() : 0);
      Close();
      return next;
    }
    if (kind == WarcReader::kError) {
      next.status = kError;
      next.error = Status::InvalidInput(warc_reader_.error()).At(source_, warc_reader_.error_line());
      return next;
    }
    if (kind == WarcReader::kEnd) {
      // The records that held no text page, in one line for the input.
      std::uint64_t total = 0;
      std::string kinds;
      for (int i = 1; i < kWarcSkipKinds; ++i) {
        if (warc_skipped_[i] == 0) continue;
        total += warc_skipped_[i];
        kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", warc_skipped_[i],
                             WarcSkipName(static_cast<WarcSkip>(i)));
      }
      if (total > 0) {
        next.warning = Status::InvalidInput(fmt::format(
            "{} WARC record{} skipped, holding no text page ({}){}", total, total == 1 ? "" : "s", kinds,
            warc_skipped_[static_cast<int>(WarcSkip::kHtml)] > 0
                ? ": pagewash reads text, not HTML (render HTML to text first, or use the WET file)"
                : "")).At(source_, 0);
      }
      warc_skipped_.fill(0);
      Close();
      return next;
    }
    WarcText page = ExtractWarcText(warc_record_);
    if (page.skip != WarcSkip::kNone) {
      ++warc_skipped_[static_cast<int>(page.skip)];
      ++warc_skipped_total_[static_cast<int>(page.skip)];
      continue;
    }
    if (page.text.size() > options_.max_document_bytes) {
      next.status = kError;
      next.error = Status::InvalidInput(fmt::format("page is larger than {} bytes (--max-doc-bytes)",
                                                    options_.max_document_bytes))
                       .At(source_, warc_record_.line);
      return next;
    }
    text_.assign(page.text);
    // --encoding first; then the charset the record declares.
    next = FinishPage(!options_.encoding.empty() ? std::string_view(options_.encoding) : page.charset, doc);
    if (next.status == kError) {
      next.error = Status::InvalidInput(std::string(next.error.message())).At(source_, warc_record_.line);
      return next;
    }
    doc->id = !warc_record_.record_id.empty() ? ValidUtf8(warc_record_.record_id)
                                               : fmt::format("{}:{}", DefaultId(), warc_record_.line);
    doc->source = name_ == "-" ? std::string("<stdin>") : name_;
    if (!warc_record_.target_uri.empty()) {
      ExtraField url{"url", {}};
      AppendJsonString(ValidUtf8(warc_record_.target_uri), &url.raw_json);
      doc->extra.push_back(std::move(url));
    }
    if (!warc_record_.date.empty()) doc->SetMetadata("date", ValidUtf8(warc_record_.date));
    if (!page.content_type.empty()) doc->SetMetadata("content_type", ValidUtf8(page.content_type));
    return next;
  }
}

Status DecodePending(const PendingRecord& record, const InputOptions& options, Document* doc) {
  // One decoder a thread: simdjson's parser keeps its buffers between records.
  thread_local StreamDecoder decoder;
  thread_local bool keyed = false;
  thread_local std::string text_key;
  if (!keyed || text_key != options.text_key) {
    keyed = true;
    decoder.SetTextKey(options.text_key);
    text_key = options.text_key;
  }
  Status s = decoder.Decode(record.line, doc);
  if (!s.ok()) return std::move(s.At(record.source, record.line_number));
  if (doc->id.empty()) doc->id = fmt::format("{}:{}", record.id_prefix, record.line_number);
  if (doc->source.empty()) doc->source = record.default_source;
  return Status::Ok();
}

InputReader::Next InputReader::Read(Document* doc) { return Read(doc, nullptr); }

InputReader::Next InputReader::Read(Document* doc, PendingRecord* pending) {
  if (pending != nullptr) pending->pending = false;
  Next next;
  if (file_ == nullptr) return next;
  if (warc_) return ReadWarc(doc);
  if (!jsonl_) {
    if (text_done_) return next;
    return ReadText(doc);
  }
  while (true) {
    if (!pending_line_ && !ReadLine()) {
      if (std::ferror(file_)) {
        next.status = kError;
        next.error = ReadFailure(line_number_);
        Close();
      }
      return next;
    }
    pending_line_ = false;
    // A line longer than a record may be is not read whole: its rest is
    // skipped as it streams. Only "\r"s after the part read leave it a
    // record; only blanks leave it a blank line.
    bool too_large = false;
    if (line_cut_) {
      const LineRest rest = SkipRestOfLine();
      line_cut_ = false;
      if (!rest.only_cr) {
        if (rest.blank && IsBlank(line_)) continue;
        too_large = true;
      }
    }
    // A last line cut short by damage in a compressed input is not a
    // record: the damage is the error, reported against that line.
    if ((too_large || line_.back() != '\n') && std::ferror(file_)) {
      next.status = kError;
      next.error = ReadFailure(line_number_);
      Close();
      return next;
    }
    if (too_large) {
      record_seen_ = true;
      ReleaseLargeLine();
      next.status = kError;
      next.error = Status::InvalidInput(fmt::format("record is larger than {} bytes (--max-doc-bytes)",
                                                    options_.max_document_bytes))
                       .At(source_, line_number_);
      return next;
    }
    // A BOM may open the input, whether blank lines follow it or precede
    // the first record; it is dropped anywhere before that record.
    std::string_view line = line_;
    if (!record_seen_) line = StripBom(line);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (IsBlank(line)) continue;
    record_seen_ = true;
    if (line.size() > options_.max_document_bytes) {
      next.status = kError;
      next.error = Status::InvalidInput(fmt::format("record is larger than {} bytes (--max-doc-bytes)",
                                                    options_.max_document_bytes))
                       .At(source_, line_number_);
      return next;
    }
    if (pending != nullptr) {
      pending->pending = true;
      pending->line.assign(line);
      pending->source = source_;
      pending->id_prefix = IdFromPath(name_ == "-" ? "stdin" : name_);
      pending->default_source = name_ == "-" ? std::string("<stdin>") : name_;
      pending->line_number = line_number_;
      ReleaseLargeLine();
      next.status = kDocument;
      return next;
    }
    // The line is parsed where it stands: the buffer has room past it.
    if (line_capacity_ - static_cast<std::size_t>(line.data() - line_buffer_) < line.size() + StreamDecoder::kPadding) {
      const std::size_t at = static_cast<std::size_t>(line.data() - line_buffer_);
      char* grown = static_cast<char*>(std::realloc(line_buffer_, at + line.size() + StreamDecoder::kPadding));
      if (grown != nullptr) {
        line_buffer_ = grown;
        line_capacity_ = at + line.size() + StreamDecoder::kPadding;
        line = std::string_view(line_buffer_ + at, line.size());
      }
    }
    const std::size_t readable = line_capacity_ - static_cast<std::size_t>(line.data() - line_buffer_);
    Status s = decoder_.DecodeInPlace(line, readable, doc);
    // A large record's line is given back once decoded, not kept for the
    // rest of the run.
    ReleaseLargeLine();
    if (!s.ok()) {
      next.status = kError;
      next.error = std::move(s.At(source_, line_number_));
      return next;
    }
    if (doc->id.empty()) doc->id = fmt::format("{}:{}", IdFromPath(name_ == "-" ? "stdin" : name_), line_number_);
    if (doc->source.empty()) doc->source = name_ == "-" ? std::string("<stdin>") : name_;
    next.status = kDocument;
    return next;
  }
}

}  // namespace pagewash::io
