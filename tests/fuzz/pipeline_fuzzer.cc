// Fuzz target: the whole pipeline on raw page bytes, as `pagewash clean` runs
// it, and the piped chain `strip | dedup | segment | emit` beside it.
//
// Any bytes must give a document (text stages have no error path), and what
// pagewash writes it must read back. The target aborts when one of these
// properties breaks, naming it on stderr:
//
//   1. round trip: WriteStreamRecord's output is one line of valid JSON,
//      StreamDecoder::Decode accepts it, and writing the decoded document
//      gives the same bytes. Checked after the reader and after each stage.
//   2. emit: EmitDocument's JSON is one line of valid JSON.
//   3. chain: the chain, with each stage's output passed through the
//      stream, emits the same bytes as the in-memory fold (pipeline.h: "the
//      piped chain and clean give the same bytes").
//
// The sanitizers (ASan, UBSan, and _GLIBCXX_ASSERTIONS in the fuzz build)
// catch the rest. Inputs over 64 KiB are skipped: size finds no new paths,
// only slower runs. Modelled on simdjson fuzz/ and fmt test/fuzzing/.
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
#include "pagewash/text_input.h"

namespace {

constexpr const char* kTarget = "pipeline_fuzzer";
using pagewash::fuzz::kMaxInput;

[[noreturn]] void Fail(const char* property, std::string_view detail, std::string_view a = {},
                       std::string_view b = {}) {
  pagewash::fuzz::Fail(kTarget, property, detail, a, b);
}

// Scratch kept across inputs, as the driver keeps its reader, decoder and
// buffers across documents.
struct Fuzzer {
  pagewash::TextReader reader;
  pagewash::fuzz::RoundTrip round_trip{kTarget};
  pagewash::StripOptions strip;
  pagewash::DedupOptions dedup;
  pagewash::SegmentOptions segment;
  pagewash::EmitOptions emit;
  pagewash::Document doc;
  std::string clean_out;
  std::string chain_out;
  std::string other_out;

  Fuzzer() {
    // explain only records what is removed (removal.cc), so it costs no
    // coverage of the decisions and adds the "removed" fields to check.
    strip.explain = true;
    dedup.explain = true;
  }

  // What the next process of the chain reads: the record, decoded.
  pagewash::Document ThroughStream(const pagewash::Document& d, const char* where) {
    return round_trip.Check(d, where);
  }

  void Run(std::string_view bytes) {
    // clean: read -> strip -> dedup -> segment -> emit, in memory, reusing
    // one Document as the driver does.
    doc.Clear();
    reader.Read(bytes, &doc);
    doc.id = "fuzz";
    doc.source = "fuzz.txt";
    round_trip.Check(doc, "round trip after read");
    doc = pagewash::StripBoilerplate(std::move(doc), strip);
    doc = pagewash::RemoveDuplicateParagraphs(std::move(doc), dedup);
    doc = pagewash::SegmentSections(std::move(doc), segment);
    round_trip.Check(doc, "round trip after segment");
    clean_out.clear();
    pagewash::EmitDocument(doc, emit, &clean_out);
    round_trip.json().Check("emit", clean_out);

    // The other output forms: they only have to survive.
    pagewash::EmitOptions other = emit;
    for (pagewash::OutputFormat format :
         {pagewash::OutputFormat::kMarkdown, pagewash::OutputFormat::kText}) {
      other.format = format;
      other_out.clear();
      pagewash::EmitDocument(doc, other, &other_out);
    }
    other.format = pagewash::OutputFormat::kJson;
    other.pretty = true;
    other_out.clear();
    pagewash::EmitDocument(doc, other, &other_out);

    // The chain: a raw page into `pagewash strip`, then the stream.
    pagewash::Document chain;
    reader.Read(bytes, &chain);
    chain.id = "fuzz";
    chain.source = "fuzz.txt";
    chain = pagewash::StripBoilerplate(std::move(chain), strip);
    chain =
        pagewash::RemoveDuplicateParagraphs(ThroughStream(chain, "round trip after strip"), dedup);
    chain = pagewash::SegmentSections(ThroughStream(chain, "round trip after dedup"), segment);
    chain = ThroughStream(chain, "round trip after chain segment");
    chain_out.clear();
    pagewash::EmitDocument(chain, emit, &chain_out);
    if (chain_out != clean_out) {
      Fail("chain", "strip | dedup | segment | emit differs from clean", clean_out, chain_out);
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInput) return 0;
  static Fuzzer* fuzzer = new Fuzzer();  // Never destroyed: no exit-time order issues.
  fuzzer->Run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
