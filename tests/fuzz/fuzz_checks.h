// Checks shared by the fuzz targets: how a broken property is reported, and
// that an output is exactly one line of valid JSON (read by simdjson's DOM
// parser, an independent reader beside the On-Demand one under test).
#ifndef PAGEWASH_TESTS_FUZZ_FUZZ_CHECKS_H_
#define PAGEWASH_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace pagewash::fuzz {

/// Inputs above this size are skipped.
inline constexpr std::size_t kMaxInput = 64 * 1024;

/// Prints which property broke, with the texts involved, and aborts.
[[noreturn]] inline void Fail(const char* target, const char* property, std::string_view detail,
                              std::string_view a = {}, std::string_view b = {}) {
  std::fprintf(stderr, "%s: property broken: %s: %.*s\n", target, property, static_cast<int>(detail.size()),
               detail.data());
  if (!a.empty()) std::fprintf(stderr, "--- first:\n%.*s\n", static_cast<int>(a.size()), a.data());
  if (!b.empty()) std::fprintf(stderr, "--- second:\n%.*s\n", static_cast<int>(b.size()), b.data());
  std::abort();
}

class JsonLineChecker {
 public:
  explicit JsonLineChecker(const char* target) : target_(target) {
    // Depth is not validity: read any nesting a 64 KiB input can hold (the
    // DOM parser's default stops at 1024).
    if (json_.allocate(kMaxInput, kMaxInput) != simdjson::SUCCESS) std::abort();
  }

  /// `text` must be one line of JSON ending in '\n'.
  void Check(const char* property, const std::string& text) {
    if (text.empty() || text.back() != '\n' || text.find('\n') != text.size() - 1) {
      Fail(target_, property, "output is not exactly one line", text);
    }
    simdjson::dom::element element;
    if (auto e = json_.parse(text.data(), text.size() - 1).get(element)) {
      Fail(target_, property, simdjson::error_message(e), text);
    }
  }

 private:
  const char* target_;
  simdjson::dom::parser json_;
};

}  // namespace pagewash::fuzz

#endif  // PAGEWASH_TESTS_FUZZ_FUZZ_CHECKS_H_
