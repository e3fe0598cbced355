// Fuzz target: the readers of the files a run keeps or is given besides its
// inputs: the dedup ledger, the change-feed manifest, a site profile, a rules
// file and a drop list.
//
// The first byte picks the reader; the rest is the file. A file a reader
// takes must survive its own round trip: what it serialises, it reads back
// to the same bytes (ledger, manifest, profile); rules it takes must compile
// and run on a page. Errors must name the file. The sanitizers catch the
// rest. Inputs over 64 KiB are skipped.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "pagewash/dedup.h"
#include "pagewash/ledger.h"
#include "pagewash/manifest.h"
#include "pagewash/profile.h"
#include "pagewash/rules.h"
#include "pagewash/strip.h"
#include "pagewash/text_input.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

constexpr const char* kTarget = "state_file_fuzzer";
constexpr std::string_view kName = "fuzz.state";

template <typename T>
void RoundTrip(const char* what, std::string_view text) {
  pagewash::Result<T> first = T::Parse(text, kName);
  if (!first.ok()) {
    if (first.status().ToString().find(kName) == std::string::npos) {
      pagewash::fuzz::Fail(kTarget, "an error names the file", first.status().ToString());
    }
    return;
  }
  std::string once = first->Serialize();
  pagewash::Result<T> second = T::Parse(once, kName);
  if (!second.ok()) pagewash::fuzz::Fail(kTarget, what, "its own output is refused", once, second.status().ToString());
  std::string twice = second->Serialize();
  if (once != twice) pagewash::fuzz::Fail(kTarget, what, "serialise, parse, serialise changed the bytes", once, twice);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > pagewash::fuzz::kMaxInput) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 5) {
    case 0:
      RoundTrip<pagewash::Ledger>("ledger", text);
      break;
    case 1:
      RoundTrip<pagewash::Manifest>("manifest", text);
      break;
    case 2:
      RoundTrip<pagewash::SiteProfile>("profile", text);
      break;
    case 3: {
      pagewash::Result<pagewash::RuleSet> rules = pagewash::RuleSet::Default().Merge(text, kName);
      if (!rules.ok()) break;
      pagewash::StripOptions options;
      options.rules = &rules.value();
      pagewash::Document page;
      pagewash::TextReader reader;
      (void)reader.Read("Home\n\nA page of text, with a line.\n", &page);
      (void)pagewash::StripBoilerplate(std::move(page), options);
      break;
    }
    case 4: {
      pagewash::Result<pagewash::DropList> list = pagewash::ParseDropList(text, kName);
      if (!list.ok() && list.status().ToString().find(kName) == std::string::npos) {
        pagewash::fuzz::Fail(kTarget, "an error names the drop list", list.status().ToString());
      }
      break;
    }
  }
  return 0;
}
