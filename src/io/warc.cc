#include "io/warc.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace pagewash::io {
namespace {

std::string_view TrimLineEnd(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view Trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) {
             return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
           };
           return lower(x) == lower(y);
         });
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsNoCase(s.substr(0, prefix.size()), prefix);
}

// A header line quoted in a message: short, and without control bytes.
std::string Quote(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 60)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
  if (s.size() > 60) out += "...";
  return out;
}

// The media type of a Content-Type value, without its parameters.
std::string_view MediaType(std::string_view content_type) {
  return Trim(content_type.substr(0, content_type.find(';')));
}

// The charset parameter of a Content-Type value, unquoted, or empty.
std::string_view Charset(std::string_view content_type) {
  std::size_t semi = content_type.find(';');
  while (semi != std::string_view::npos) {
    std::string_view rest = content_type.substr(semi + 1);
    std::size_t next = rest.find(';');
    std::string_view param = Trim(rest.substr(0, next));
    if (StartsWithNoCase(param, "charset=")) {
      std::string_view value = Trim(param.substr(8));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      return value;
    }
    semi = next == std::string_view::npos ? next : semi + 1 + next;
  }
  return {};
}

WarcSkip SkipForMediaType(std::string_view content_type) {
  std::string_view media = MediaType(content_type);
  if (EqualsNoCase(media, "text/plain")) return WarcSkip::kNone;
  if (EqualsNoCase(media, "text/html") || EqualsNoCase(media, "application/xhtml+xml"))
    return WarcSkip::kHtml;
  return WarcSkip::kNotText;
}

}  // namespace

WarcReader::~WarcReader() { std::free(buffer_); }

void WarcReader::Start(std::FILE* file, std::string_view first_line) {
  file_ = file;
  pending_.assign(first_line);
  has_pending_ = !first_line.empty();
  stopped_ = false;
  line_number_ = 0;
  error_.clear();
  error_line_ = 0;
}

bool WarcReader::ReadLine() {
  ++line_number_;
  if (has_pending_) {
    has_pending_ = false;
    line_ = pending_;
    return true;
  }
  ssize_t n = ::getline(&buffer_, &capacity_, file_);
  if (n < 0) {
    --line_number_;
    return false;
  }
  line_ = std::string_view(buffer_, static_cast<std::size_t>(n));
  return true;
}

WarcReader::Kind WarcReader::Fail(std::uint64_t line, std::string message, bool stop) {
  error_ = std::move(message);
  error_line_ = line;
  stopped_ = stop;
  return kError;
}

WarcReader::Kind WarcReader::Next(WarcRecord* record) {
  if (stopped_ || file_ == nullptr) return kEnd;
  // The two line ends that close a record, and any blank lines a tool adds.
  do {
    if (!ReadLine()) return kEnd;
  } while (TrimLineEnd(line_).empty());
  const std::uint64_t start = line_number_;
  std::string_view version = TrimLineEnd(line_);
  if (version != "WARC/1.0" && version != "WARC/1.1") {
    return Fail(start,
                version.substr(0, 5) == "WARC/"
                    ? fmt::format("WARC version \"{}\" is not read (WARC/1.0 and WARC/1.1 are)",
                                  Quote(version))
                    : fmt::format("expected a WARC record (WARC/1.0 or WARC/1.1), found \"{}\"",
                                  Quote(version)),
                /*stop=*/true);
  }
  record->line = start;
  record->version.assign(version);
  record->type.clear();
  record->record_id.clear();
  record->target_uri.clear();
  record->date.clear();
  record->content_type.clear();
  record->block.clear();
  std::string length_text;
  bool has_length = false;
  std::string* last = nullptr;  // The field a continuation line adds to.
  std::string ignored;
  while (true) {
    if (!ReadLine()) return Fail(start, "WARC record cut short in its header", true);
    std::string_view field = TrimLineEnd(line_);
    if (field.empty()) break;
    if (field.front() == ' ' || field.front() == '\t') {
      // A folded value continues on lines that open with white space.
      if (last == nullptr) {
        return Fail(line_number_, "WARC header continues a field that is not there", true);
      }
      if (!last->empty()) last->push_back(' ');
      last->append(Trim(field));
      continue;
    }
    std::size_t colon = field.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Fail(line_number_, fmt::format("not a WARC header field: \"{}\"", Quote(field)), true);
    }
    std::string_view name = Trim(field.substr(0, colon));
    std::string_view value = Trim(field.substr(colon + 1));
    last = &ignored;
    if (EqualsNoCase(name, "WARC-Type")) {
      last = &record->type;
    } else if (EqualsNoCase(name, "WARC-Record-ID")) {
      last = &record->record_id;
    } else if (EqualsNoCase(name, "WARC-Target-URI")) {
      last = &record->target_uri;
    } else if (EqualsNoCase(name, "WARC-Date")) {
      last = &record->date;
    } else if (EqualsNoCase(name, "Content-Type")) {
      last = &record->content_type;
    } else if (EqualsNoCase(name, "Content-Length")) {
      last = &length_text;
      has_length = true;
    }
    last->assign(value);
  }
  if (!has_length) return Fail(start, "WARC record has no Content-Length", true);
  std::uint64_t length = 0;
  if (length_text.empty() || length_text.size() > 18 ||
      length_text.find_first_not_of("0123456789") != std::string::npos) {
    return Fail(start,
                fmt::format("WARC Content-Length is not a number: \"{}\"", Quote(length_text)),
                true);
  }
  length = std::strtoull(length_text.c_str(), nullptr, 10);
  // The block is read by length, not by lines; its line ends are counted so
  // that the next record's line is right.
  char chunk[1 << 16];
  const bool too_large = length > max_block_bytes_;
  if (!too_large) record->block.reserve(static_cast<std::size_t>(length));
  std::uint64_t left = length;
  while (left > 0) {
    std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, sizeof chunk));
    std::size_t got = std::fread(chunk, 1, want, file_);
    line_number_ += static_cast<std::uint64_t>(std::count(chunk, chunk + got, '\n'));
    if (!too_large) record->block.append(chunk, got);
    left -= got;
    if (got < want) {
      return Fail(start,
                  fmt::format("WARC record cut short: Content-Length is {} bytes, {} follow",
                              length, length - left),
                  true);
    }
  }
  if (too_large) {
    return Fail(
        start,
        fmt::format("WARC record is larger than {} bytes (--max-doc-bytes)", max_block_bytes_),
        /*stop=*/false);
  }
  return kRecord;
}

std::string_view WarcSkipName(WarcSkip skip) {
  switch (skip) {
    case WarcSkip::kNone:
      return "page";
    case WarcSkip::kWarcinfo:
      return "warcinfo";
    case WarcSkip::kRequest:
      return "request";
    case WarcSkip::kMetadata:
      return "metadata";
    case WarcSkip::kRevisit:
      return "revisit";
    case WarcSkip::kOtherType:
      return "other type";
    case WarcSkip::kHtml:
      return "HTML";
    case WarcSkip::kNotText:
      return "not text";
    case WarcSkip::kEncoded:
      return "HTTP-encoded";
  }
  return {};
}

std::string_view WarcSkipKey(WarcSkip skip) {
  switch (skip) {
    case WarcSkip::kOtherType:
      return "other_type";
    case WarcSkip::kHtml:
      return "html";
    case WarcSkip::kNotText:
      return "not_text";
    case WarcSkip::kEncoded:
      return "http_encoded";
    default:
      return WarcSkipName(skip);
  }
}

WarcText ExtractWarcText(const WarcRecord& record) {
  WarcText out;
  const std::string_view type = record.type;
  if (EqualsNoCase(type, "conversion")) {
    // WET: the text a converter took from a response; text/plain by design.
    out.text = record.block;
    out.content_type = record.content_type;
    out.charset = Charset(out.content_type);
    return out;
  }
  if (EqualsNoCase(type, "resource")) {
    out.skip =
        record.content_type.empty() ? WarcSkip::kNotText : SkipForMediaType(record.content_type);
    if (out.skip != WarcSkip::kNone) return out;
    out.text = record.block;
    out.content_type = record.content_type;
    out.charset = Charset(out.content_type);
    return out;
  }
  if (EqualsNoCase(type, "response")) {
    std::string_view block = record.block;
    if (!StartsWithNoCase(MediaType(record.content_type), "application/http")) {
      // A response that is not HTTP (dns:, ftp:): its own type says.
      out.skip =
          record.content_type.empty() ? WarcSkip::kNotText : SkipForMediaType(record.content_type);
      if (out.skip != WarcSkip::kNone) return out;
      out.text = block;
      out.content_type = record.content_type;
      out.charset = Charset(out.content_type);
      return out;
    }
    // The HTTP response: a status line, header fields, an empty line, the
    // body. Its own Content-Type says what the body is.
    std::string_view content_type;
    bool encoded = false;
    std::size_t at = block.find('\n');  // Past the status line.
    while (at != std::string_view::npos) {
      std::size_t end = block.find('\n', at + 1);
      std::string_view field =
          TrimLineEnd(block.substr(at + 1, end == std::string_view::npos ? end : end - at));
      at = end;
      if (field.empty()) break;
      std::size_t colon = field.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view name = Trim(field.substr(0, colon));
      std::string_view value = Trim(field.substr(colon + 1));
      if (EqualsNoCase(name, "Content-Type")) {
        content_type = value;
      } else if ((EqualsNoCase(name, "Content-Encoding") && !EqualsNoCase(value, "identity")) ||
                 (EqualsNoCase(name, "Transfer-Encoding") && !EqualsNoCase(value, "identity"))) {
        // Recorded as sent: the body would need decoding first.
        encoded = true;
      }
    }
    out.skip = content_type.empty() ? WarcSkip::kNotText : SkipForMediaType(content_type);
    if (out.skip == WarcSkip::kNone && encoded) out.skip = WarcSkip::kEncoded;
    if (out.skip != WarcSkip::kNone) return out;
    out.text = at == std::string_view::npos ? std::string_view() : block.substr(at + 1);
    out.content_type = content_type;
    out.charset = Charset(content_type);
    return out;
  }
  if (EqualsNoCase(type, "warcinfo")) {
    out.skip = WarcSkip::kWarcinfo;
  } else if (EqualsNoCase(type, "request")) {
    out.skip = WarcSkip::kRequest;
  } else if (EqualsNoCase(type, "metadata")) {
    out.skip = WarcSkip::kMetadata;
  } else if (EqualsNoCase(type, "revisit")) {
    out.skip = WarcSkip::kRevisit;
  } else {
    out.skip = WarcSkip::kOtherType;
  }
  return out;
}

}  // namespace pagewash::io
