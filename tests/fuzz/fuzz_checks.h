// Checks shared by the fuzz targets: how a broken property is reported, and
// that an output is exactly one line of valid JSON (read by simdjson's DOM
// parser, an independent reader beside the On-Demand one under test).
#ifndef PAGEWASH_TESTS_FUZZ_FUZZ_CHECKS_H_
#define PAGEWASH_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <simdjson.h>

#include "pagewash/document.h"
#include "pagewash/json.h"

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

/// The stream round trip: a document written as a record must be one line of
/// valid JSON, decode, and give the same bytes when written again.
class RoundTrip {
 public:
  explicit RoundTrip(const char* target) : target_(target), checker_(target) {}

  /// Checks `d` (aborting with `where` on failure) and returns the decoded
  /// document, valid until the next call. With `exact` false (a foreign
  /// record, not yet in the writer's form) the first rewrite may differ, but
  /// one more trip must not.
  const Document& Check(const Document& d, const char* where, bool exact = true) {
    record_.clear();
    WriteStreamRecord(d, &record_);
    checker_.Check(where, record_);
    if (Status s = decoder_.Decode(std::string_view(record_.data(), record_.size() - 1), &decoded_); !s.ok()) {
      Fail(target_, where, s.ToString(), record_);
    }
    again_.clear();
    WriteStreamRecord(decoded_, &again_);
    if (!exact) return Check(decoded_, where, /*exact=*/true);
    if (again_ != record_) Fail(target_, where, "re-encoding the decoded record changed it", record_, again_);
    return decoded_;
  }

  /// The JSON-line check, for other outputs.
  JsonLineChecker& json() { return checker_; }

 private:
  const char* target_;
  JsonLineChecker checker_;
  StreamDecoder decoder_;
  Document decoded_;
  std::string record_;
  std::string again_;
};

}  // namespace pagewash::fuzz

#endif  // PAGEWASH_TESTS_FUZZ_FUZZ_CHECKS_H_
