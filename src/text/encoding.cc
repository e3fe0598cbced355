#include "text/encoding.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>

#include "text/unicode.h"

namespace pagewash::text {
namespace {

// How much of a page the statistical detector looks at: the byte
// statistics settle long before this, and detection stays cheap on a big
// page.
constexpr std::size_t kDetectBytes = std::size_t{1} << 18;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The encoding a byte order mark names, or empty. UTF-32LE's mark begins
// with UTF-16LE's, so it is tested first.
std::string_view EncodingFromBom(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) return "UTF-8";
  if (StartsWith(s, std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32LE";
  if (StartsWith(s, std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32BE";
  if (StartsWith(s, "\xFF\xFE")) return "UTF-16LE";
  if (StartsWith(s, "\xFE\xFF")) return "UTF-16BE";
  return {};
}

// True when `s` is UTF-8, or UTF-8 with more than ten valid multi-byte
// sequences for each invalid one (see the header).
bool IsMostlyUtf8(std::string_view s) {
  std::uint64_t valid = 0;
  std::uint64_t invalid = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    // Most pages are mostly ASCII: skip it eight bytes at a time.
    if (std::uint64_t word; i + 8 <= s.size()) {
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    bool ok = true;
    DecodeUtf8(s, &i, &ok);
    if (ok) {
      ++valid;
    } else {
      ++invalid;
    }
  }
  return invalid == 0 || invalid * 10 < valid;
}

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

bool IsUtf8Name(std::string_view name) {
  std::string folded;
  for (char c : name) {
    if (c != '-' && c != '_')
      folded.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return folded == "utf8";
}

std::string DetectEncoding(std::string_view bytes) {
  if (std::string_view bom = EncodingFromBom(bytes); !bom.empty()) return std::string(bom);
  if (IsMostlyUtf8(bytes)) return "UTF-8";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return "UTF-8";
  std::string_view sample = bytes.substr(0, kDetectBytes);
  ucsdet_setText(detector.get(), sample.data(), static_cast<std::int32_t>(sample.size()), &status);
  if (U_FAILURE(status)) return "UTF-8";
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "UTF-8";
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return "UTF-8";
  // A name ICU detects but cannot convert (IBM424_rtl, say): repair as UTF-8.
  if (!CheckEncoding(name).ok()) return "UTF-8";
  return name;
}

Status CheckEncoding(std::string_view encoding) {
  std::string name(encoding);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || name.empty()) {
    return Status::InvalidArgument(fmt::format("unknown encoding '{}'", encoding));
  }
  return Status::Ok();
}

Status ConvertToUtf8(std::string_view bytes, std::string_view encoding, std::string* out) {
  out->clear();
  std::string name(encoding);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || name.empty()) {
    return Status::InvalidArgument(fmt::format("unknown encoding '{}'", encoding));
  }
  if (bytes.empty()) return Status::Ok();
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    return Status::InvalidInput("page too large to convert");
  }
  const auto length = static_cast<std::int32_t>(bytes.size());
  // Measure first, then convert into a buffer of exactly that size: a page
  // costs its UTF-8 size once, not the worst case of three bytes a byte.
  std::int32_t needed =
      ucnv_toAlgorithmic(UCNV_UTF8, converter.get(), nullptr, 0, bytes.data(), length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    return Status::InvalidInput(
        fmt::format("cannot convert from {}: {}", encoding, u_errorName(status)));
  }
  status = U_ZERO_ERROR;
  ucnv_reset(converter.get());
  out->resize(static_cast<std::size_t>(needed));
  ucnv_toAlgorithmic(UCNV_UTF8, converter.get(), out->data(), needed, bytes.data(), length,
                     &status);
  if (U_FAILURE(status)) {
    out->clear();
    return Status::InvalidInput(
        fmt::format("cannot convert from {}: {}", encoding, u_errorName(status)));
  }
  return Status::Ok();
}

}  // namespace pagewash::text
