// Fuzz target: the input reader on raw bytes, as `pagewash` reads a file:
// format detection (raw page or JSON Lines), the byte order mark, blank lines
// before the first record, raw-page normalisation and record decoding.
//
// The first byte picks the input format ('t' text, 'j' jsonl, any other
// auto), so each path is reached from any input; the rest is the file. Every document read must
// survive the stream round trip (fuzz_checks.h), and every error must name
// the input. The sanitizers (and _GLIBCXX_ASSERTIONS in the fuzz build)
// catch the rest. Inputs over 64 KiB are skipped.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "io/input.h"
#include "pagewash/document.h"
#include "pagewash/pipeline.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

constexpr const char* kTarget = "input_reader_fuzzer";
constexpr const char* kName = "fuzz.txt";

void Run(pagewash::InputFormat format, std::string_view bytes) {
  static pagewash::fuzz::RoundTrip* round_trip = new pagewash::fuzz::RoundTrip(kTarget);
  // fmemopen wants a non-empty buffer it may write to.
  std::string buffer(bytes);
  buffer.push_back('\0');
  std::FILE* file = fmemopen(buffer.data(), bytes.size() == 0 ? 1 : bytes.size(), "rb");
  if (file == nullptr) return;
  if (bytes.empty()) std::fgetc(file);  // Leave a zero-byte input at its end.
  {
    pagewash::InputOptions options;
    options.format = format;
    pagewash::io::InputReader reader(options);
    pagewash::Document doc;
    pagewash::Status opened = reader.Attach(file, kName);
    for (int n = 0; opened.ok(); ++n) {
      pagewash::io::InputReader::Next next = reader.Read(&doc);
      if (next.status == pagewash::io::InputReader::kEnd) break;
      if (next.status == pagewash::io::InputReader::kError) {
        if (next.error.ToString().rfind(kName, 0) != 0) {
          pagewash::fuzz::Fail(kTarget, "error names the input", next.error.ToString());
        }
        continue;
      }
      round_trip->Check(doc, "round trip after reading", /*exact=*/false);
      if (n > 100000) pagewash::fuzz::Fail(kTarget, "reader ends", "more documents than lines");
    }
  }
  std::fclose(file);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > pagewash::fuzz::kMaxInput) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  pagewash::InputFormat format = data[0] == 't'   ? pagewash::InputFormat::kText
                                 : data[0] == 'j' ? pagewash::InputFormat::kJsonl
                                                  : pagewash::InputFormat::kAuto;
  Run(format, bytes);
  return 0;
}
