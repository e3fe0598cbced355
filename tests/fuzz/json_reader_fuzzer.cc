// Fuzz target: the stream reader. The input is one line of JSON Lines, as the
// driver hands it to StreamDecoder::Decode (cut at the first '\n', trailing
// '\r' removed). A bad record must give an error Status, never a crash. A
// record that decodes must survive pagewash's own writer; the target aborts,
// naming the property on stderr, when
//
//   1. LooksLikeRecord() says no to a line that Decode() accepted (the
//      driver would then read the record as a raw page);
//   2. WriteStreamRecord's output is not one line of valid JSON, does not
//      decode, or changes when decoded and written again (after the first
//      write, which normalises: defaults filled in);
//   3. the same fails after any stage runs on the decoded document, as
//      `pagewash strip`, `dedup` or `segment` would run it on this line, or
//      EmitDocument's JSON is not one line of valid JSON.
//
// Inputs over 64 KiB are skipped. Modelled on simdjson fuzz/.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pagewash/dedup.h"
#include "tests/fuzz/fuzz_checks.h"
#include "pagewash/document.h"
#include "pagewash/emit.h"
#include "pagewash/json.h"
#include "pagewash/result.h"
#include "pagewash/segment.h"
#include "pagewash/strip.h"

namespace {

constexpr const char* kTarget = "json_reader_fuzzer";
using pagewash::fuzz::kMaxInput;

[[noreturn]] void Fail(const char* property, std::string_view detail, std::string_view a = {},
                       std::string_view b = {}) {
  pagewash::fuzz::Fail(kTarget, property, detail, a, b);
}

struct Fuzzer {
  pagewash::StreamDecoder decoder;
  pagewash::fuzz::RoundTrip round_trip{kTarget};
  pagewash::StripOptions strip;
  pagewash::DedupOptions dedup;
  pagewash::SegmentOptions segment;
  pagewash::EmitOptions emit;
  pagewash::Document doc;
  std::string out;

  Fuzzer() {
    strip.explain = true;
    dedup.explain = true;
  }

  void Run(std::string_view line) {
    pagewash::Status s = decoder.Decode(line, &doc);
    if (!s.ok()) {
      if (s.message().empty()) Fail("error status", "an error without a message", line);
      return;
    }
    if (!decoder.LooksLikeRecord(line)) {
      Fail("detection", "Decode accepted a line that LooksLikeRecord rejects", line);
    }
    round_trip.Check(doc, "round trip", /*exact=*/false);

    // Each stage on the record as read, as a filter would run it, then the
    // whole remaining chain.
    for (int first = 0; first < 3; ++first) {
      if (pagewash::Status again_status = decoder.Decode(line, &doc); !again_status.ok()) {
        Fail("determinism", "a second Decode of the same line failed", line);
      }
      for (int stage = first; stage < 3; ++stage) {
        switch (stage) {
          case 0:
            doc = pagewash::StripBoilerplate(std::move(doc), strip);
            round_trip.Check(doc, "round trip after strip");
            break;
          case 1:
            doc = pagewash::RemoveDuplicateParagraphs(std::move(doc), dedup);
            round_trip.Check(doc, "round trip after dedup");
            break;
          default:
            doc = pagewash::SegmentSections(std::move(doc), segment);
            round_trip.Check(doc, "round trip after segment");
            break;
        }
      }
      out.clear();
      pagewash::EmitDocument(doc, emit, &out);
      round_trip.json().Check("emit", out);
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInput) return 0;
  std::string_view line(reinterpret_cast<const char*>(data), size);
  line = line.substr(0, line.find('\n'));
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  static Fuzzer* fuzzer = new Fuzzer();  // Never destroyed: no exit-time order issues.
  fuzzer->Run(line);
  return 0;
}
