// Makes ICU run out of memory on demand, so that tests reach the paths
// where an ICU call fails (src/text/unicode.cc) without a mock: ICU takes
// its allocator from u_setMemoryFunctions, and this one passes every call to
// malloc, realloc and free until a FailIcuAllocations is alive.
#ifndef PAGEWASH_TESTS_SUPPORT_ICU_FAILURE_H_
#define PAGEWASH_TESTS_SUPPORT_ICU_FAILURE_H_

#include <string>

namespace pagewash::testing {

/// "a" and 40 combining marks in no canonical order: one segment too long
/// for the stack buffer ICU normalises in, so NFC and NFKC_Casefold must
/// allocate for it.
std::string NeedsIcuMemory();

/// While alive, every allocation ICU asks for fails. The constructor first
/// loads the normalisers pagewash uses (they are loaded once, on first
/// use), so that only the work on text fails. Not thread-safe; one at a
/// time.
class FailIcuAllocations {
 public:
  FailIcuAllocations();
  ~FailIcuAllocations();
  FailIcuAllocations(const FailIcuAllocations&) = delete;
  FailIcuAllocations& operator=(const FailIcuAllocations&) = delete;
};

}  // namespace pagewash::testing

#endif  // PAGEWASH_TESTS_SUPPORT_ICU_FAILURE_H_
