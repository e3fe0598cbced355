#include "text/checksum.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

#include "text/tokenize.h"

namespace pagewash::text {

void AppendChecksum(ChecksumLine form, std::string* text) {
  fmt::format_to(std::back_inserter(*text), "{}{:016x}{}\n", form.prefix, Hash64(*text),
                 form.suffix);
}

ChecksumCheck VerifyChecksum(std::string_view text, ChecksumLine form, std::string_view* body) {
  std::string_view rest = text;
  while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r')) rest.remove_suffix(1);
  std::size_t start = rest.rfind('\n');
  start = start == std::string_view::npos ? 0 : start + 1;
  std::string_view line = rest.substr(start);
  if (line.substr(0, form.prefix.size()) != form.prefix || line.size() < form.suffix.size() ||
      line.substr(line.size() - form.suffix.size()) != form.suffix) {
    return ChecksumCheck::kMissing;
  }
  std::string_view digits =
      line.substr(form.prefix.size(), line.size() - form.prefix.size() - form.suffix.size());
  std::uint64_t want = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), want, 16);
  if (digits.size() != 16 || ec != std::errc() || p != digits.data() + digits.size())
    return ChecksumCheck::kMissing;
  if (want != Hash64(text.substr(0, start))) return ChecksumCheck::kMismatch;
  *body = text.substr(0, start);
  return ChecksumCheck::kOk;
}

}  // namespace pagewash::text
