#include "io/sniff.h"

#include <fmt/format.h>

namespace pagewash::io {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// True when `s` continues after a tag name: the name must end there, so
// "<htmlish" or "<html5-notes" written as text are not taken for markup.
bool TagNameEnds(std::string_view s, std::size_t at) {
  if (at >= s.size()) return true;
  char c = s[at];
  return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/';
}

bool HasUnicodeBom(std::string_view s) {
  return StartsWith(s, "\xFF\xFE") || StartsWith(s, "\xFE\xFF") ||
         StartsWith(s, std::string_view("\x00\x00\xFE\xFF", 4));
}

}  // namespace

ContentKind SniffContent(std::string_view head, bool check_binary) {
  head = head.substr(0, kSniffBytes);
  if (StartsWith(head, "\x1F\x8B")) return ContentKind::kGzip;
  if (StartsWith(head, "\x28\xB5\x2F\xFD")) return ContentKind::kZstd;
  if (StartsWith(head, std::string_view("\xFD"
                                        "7zXZ\x00",
                                        6)))
    return ContentKind::kXz;
  // "BZh9" alone could open a text; the block or end-of-stream magic that
  // follows it could not.
  if (head.size() >= 10 && StartsWith(head, "BZh") && head[3] >= '1' && head[3] <= '9' &&
      (head.substr(4, 6) == "1AY&SY" || head.substr(4, 6) == "\x17\x72\x45\x38\x50\x90")) {
    return ContentKind::kBzip2;
  }
  if (StartsWith(head, "WARC/1.")) return ContentKind::kWarc;

  std::string_view text = head;
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t start = text.find_first_not_of(" \t\r\n\f\v");
  if (start != std::string_view::npos) {
    std::string_view rest = text.substr(start);
    if ((StartsWithNoCase(rest, "<!doctype html") && TagNameEnds(rest, 14)) ||
        (StartsWithNoCase(rest, "<html") && TagNameEnds(rest, 5))) {
      return ContentKind::kHtml;
    }
  }

  if (!check_binary || HasUnicodeBom(head)) return ContentKind::kText;
  // Text has no NUL bytes and few control bytes other than the white space
  // ones; ESC is allowed for the odd terminal colour code in a dump.
  std::size_t control = 0;
  for (char ch : head) {
    auto b = static_cast<unsigned char>(ch);
    if (b == 0) return ContentKind::kBinary;
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1B) ||
        b == 0x7F) {
      ++control;
    }
  }
  return control * 10 > head.size() ? ContentKind::kBinary : ContentKind::kText;
}

std::string RefusalMessage(ContentKind kind, std::string_view file) {
  if (file.empty() || file == "-") file = "FILE";
  auto decompress = [&](std::string_view what, std::string_view cat) {
    return fmt::format("{}-compressed input: decompress it first ({} {} | pagewash ...)", what, cat,
                       file);
  };
  switch (kind) {
    case ContentKind::kText:
      return {};
    case ContentKind::kGzip:
      return decompress("gzip", "zcat");
    case ContentKind::kZstd:
      return decompress("zstd", "zstdcat");
    case ContentKind::kBzip2:
      return decompress("bzip2", "bzcat");
    case ContentKind::kXz:
      return decompress("xz", "xzcat");
    case ContentKind::kWarc:
      // Only met when --input-format text says to read the file as one page.
      return "WARC input: --input-format text reads it as one raw page; leave the option out to read "
             "its records";
    case ContentKind::kHtml:
      return "HTML input: render it to text first (lynx -dump / w3m -dump)";
    case ContentKind::kBinary:
      return "binary input (NUL or control bytes): pagewash reads text pages and JSON Lines";
  }
  return {};
}

}  // namespace pagewash::io
