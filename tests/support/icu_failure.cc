#include "tests/support/icu_failure.h"

#include <unicode/uclean.h>

#include <cstdlib>

#include "text/tokenize.h"
#include "text/unicode.h"

namespace pagewash::testing {
namespace {

bool failing = false;

void* Alloc(const void*, std::size_t size) { return failing ? nullptr : std::malloc(size); }
void* Realloc(const void*, void* p, std::size_t size) {
  return failing ? nullptr : std::realloc(p, size);
}
void Free(const void*, void* p) { std::free(p); }

// Installed once: ICU may free later what it took before, so the functions
// stay, and only `failing` changes.
void Install() {
  static const bool installed = [] {
    UErrorCode status = U_ZERO_ERROR;
    u_setMemoryFunctions(nullptr, &Alloc, &Realloc, &Free, &status);
    return U_SUCCESS(status);
  }();
  if (!installed) std::abort();
}

}  // namespace

std::string NeedsIcuMemory() {
  std::string s = "a";
  for (int i = 0; i < 40; ++i) s += i % 2 == 0 ? "\xCC\xA3" : "\xCC\x81";  // Dot below, acute.
  return s;
}

FailIcuAllocations::FailIcuAllocations() {
  Install();
  std::string s = NeedsIcuMemory(), scratch, folded;
  text::TokenizedText tokens;
  if (!text::NormalizeNfc(&s, &scratch).ok() ||
      !text::AppendNfkcCasefold(NeedsIcuMemory(), &folded).ok() ||
      !text::TokenizeNfkc(NeedsIcuMemory(), &tokens, &scratch).ok()) {
    std::abort();
  }
  failing = true;
}

FailIcuAllocations::~FailIcuAllocations() { failing = false; }

}  // namespace pagewash::testing
