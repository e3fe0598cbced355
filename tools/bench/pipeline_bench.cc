// Google Benchmark programs for the pipeline: each stage on its own, the
// stream writer and decoder, and the whole `clean` fold, over a corpus of
// real pages loaded at start-up from testdata/pages/*.txt and
// testdata/corpus/pages/*.txt.
//
// Every benchmark reports bytes processed, so the table shows MB/s, and
// pages as items. For the reader, the stages, emit and the fold the bytes
// are those of the raw pages, so their rates compare directly (a stage at
// 40 MB/s costs twice one at 80 MB/s on the same pages); for the stream
// writer and decoder they are the bytes of the JSON Lines records.
//
// As the driver does (pipeline.cc), one Document, one TextReader, one
// StreamDecoder and one output buffer are reused across pages and
// iterations. A stage takes its Document by value, so the stage benchmarks
// first copy-assign the prepared input into the reused Document (capacity
// kept, as a reused Document's would be); BM_DocumentCopy measures that copy
// alone, to subtract if it matters.
//
// Build and run (Release):
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DPAGEWASH_BUILD_BENCHMARKS=ON
//   cmake --build build-bench -j2 --target pagewash_bench
//   build-bench/pagewash_bench --benchmark_repetitions=3 [--testdata=DIR]
//
// The testdata directory is --testdata=DIR, else $PAGEWASH_TESTDATA_DIR,
// else the PAGEWASH_TESTDATA_DIR compile definition, else ./testdata.
//
// The global operator new and delete are replaced by counting ones, so that
// BM_CleanFold reports heap allocations per document (`allocs_per_doc`) and
// BM_SeenIndex the index's peak heap, growth included.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "pagewash/dedup.h"
#include "pagewash/document.h"
#include "pagewash/emit.h"
#include "pagewash/json.h"
#include "pagewash/pipeline.h"
#include "pagewash/segment.h"
#include "pagewash/strip.h"
#include "pagewash/text_input.h"

namespace {

// Counts of the replaced allocation functions below. The benchmarks run on
// one thread, so plain counters are enough.
struct HeapCounters {
  std::uint64_t allocations = 0;
  std::int64_t live_bytes = 0;
  std::int64_t peak_bytes = 0;
};
HeapCounters heap;

void* CountedAlloc(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  ++heap.allocations;
  heap.live_bytes += static_cast<std::int64_t>(malloc_usable_size(p));
  heap.peak_bytes = std::max(heap.peak_bytes, heap.live_bytes);
  return p;
}

void CountedFree(void* p) {
  if (p == nullptr) return;
  heap.live_bytes -= static_cast<std::int64_t>(malloc_usable_size(p));
  std::free(p);
}

}  // namespace

void* operator new(std::size_t size) { return CountedAlloc(size); }
void* operator new[](std::size_t size) { return CountedAlloc(size); }
void operator delete(void* p) noexcept { CountedFree(p); }
void operator delete[](void* p) noexcept { CountedFree(p); }
void operator delete(void* p, std::size_t) noexcept { CountedFree(p); }
void operator delete[](void* p, std::size_t) noexcept { CountedFree(p); }

namespace {

struct Corpus {
  std::vector<std::string> pages;        // Raw page bytes.
  std::int64_t page_bytes = 0;           // Sum of pages[i].size().
  std::vector<pagewash::Document> read;  // After TextReader.
  std::vector<pagewash::Document> stripped;
  std::vector<pagewash::Document> deduped;
  std::vector<pagewash::Document> segmented;
  std::vector<std::string> records;  // Stream records of `stripped`, without '\n'.
  std::int64_t record_bytes = 0;
};

Corpus& TheCorpus() {
  static Corpus corpus;
  return corpus;
}

pagewash::PipelineOptions Options() { return pagewash::PipelineOptions{}; }

bool LoadDirectory(const std::filesystem::path& dir, Corpus* corpus) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  if (ec) {
    std::fprintf(stderr, "pagewash_bench: cannot list %s: %s\n", dir.c_str(), ec.message().c_str());
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      std::fprintf(stderr, "pagewash_bench: cannot read %s\n", path.c_str());
      return false;
    }
    corpus->page_bytes += static_cast<std::int64_t>(bytes.size());
    corpus->pages.push_back(std::move(bytes));
  }
  return true;
}

// Reads the pages and runs each stage once, keeping every stage's output as
// the next benchmark's input.
bool LoadCorpus(const std::filesystem::path& testdata, Corpus* corpus) {
  if (!LoadDirectory(testdata / "pages", corpus) ||
      !LoadDirectory(testdata / "corpus" / "pages", corpus)) {
    return false;
  }
  if (corpus->pages.empty()) {
    std::fprintf(stderr, "pagewash_bench: no pages under %s\n", testdata.c_str());
    return false;
  }
  const pagewash::PipelineOptions options = Options();
  pagewash::TextReader reader;
  for (std::size_t i = 0; i < corpus->pages.size(); ++i) {
    pagewash::Document doc;
    reader.Read(corpus->pages[i], &doc);
    doc.id = "page" + std::to_string(i);
    doc.source = doc.id + ".txt";
    corpus->read.push_back(doc);
    doc = pagewash::StripBoilerplate(std::move(doc), options.strip);
    corpus->stripped.push_back(doc);
    doc = pagewash::RemoveDuplicateParagraphs(std::move(doc), options.dedup);
    corpus->deduped.push_back(doc);
    doc = pagewash::SegmentSections(std::move(doc), options.segment);
    corpus->segmented.push_back(std::move(doc));
    std::string record;
    pagewash::WriteStreamRecord(corpus->stripped.back(), &record);
    record.pop_back();  // The decoder takes a line without its '\n'.
    corpus->record_bytes += static_cast<std::int64_t>(record.size());
    corpus->records.push_back(std::move(record));
  }
  return true;
}

void SetRates(benchmark::State& state, std::int64_t bytes_per_iteration) {
  const Corpus& corpus = TheCorpus();
  state.SetBytesProcessed(state.iterations() * bytes_per_iteration);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(corpus.pages.size()));
}

// Normalisation: raw bytes to kLine blocks.
void BM_TextReader(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  pagewash::TextReader reader;
  pagewash::Document doc;
  for (auto _ : state) {
    for (const std::string& page : corpus.pages) {
      doc.Clear();
      reader.Read(page, &doc);
      benchmark::DoNotOptimize(doc.blocks.data());
    }
  }
  SetRates(state, corpus.page_bytes);
}
BENCHMARK(BM_TextReader);

// The copy every stage benchmark below makes before calling its stage.
void BM_DocumentCopy(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  pagewash::Document doc;
  for (auto _ : state) {
    for (const pagewash::Document& input : corpus.read) {
      doc = input;
      benchmark::DoNotOptimize(doc.blocks.data());
    }
  }
  SetRates(state, corpus.page_bytes);
}
BENCHMARK(BM_DocumentCopy);

template <typename StageFn>
void RunStage(benchmark::State& state, const std::vector<pagewash::Document>& inputs,
              StageFn stage) {
  pagewash::Document doc;
  for (auto _ : state) {
    for (const pagewash::Document& input : inputs) {
      doc = input;
      doc = stage(std::move(doc));
      benchmark::DoNotOptimize(doc.blocks.data());
    }
  }
  SetRates(state, TheCorpus().page_bytes);
}

void BM_Strip(benchmark::State& state) {
  const pagewash::StripOptions options = Options().strip;
  RunStage(state, TheCorpus().read, [&](pagewash::Document doc) {
    return pagewash::StripBoilerplate(std::move(doc), options);
  });
}
BENCHMARK(BM_Strip);

void BM_Dedup(benchmark::State& state) {
  const pagewash::DedupOptions options = Options().dedup;
  RunStage(state, TheCorpus().stripped, [&](pagewash::Document doc) {
    return pagewash::RemoveDuplicateParagraphs(std::move(doc), options);
  });
}
BENCHMARK(BM_Dedup);

void BM_Segment(benchmark::State& state) {
  const pagewash::SegmentOptions options = Options().segment;
  RunStage(state, TheCorpus().deduped, [&](pagewash::Document doc) {
    return pagewash::SegmentSections(std::move(doc), options);
  });
}
BENCHMARK(BM_Segment);

void BM_EmitJson(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  const pagewash::EmitOptions options = Options().emit;
  std::string out;
  for (auto _ : state) {
    for (const pagewash::Document& doc : corpus.segmented) {
      out.clear();
      pagewash::EmitDocument(doc, options, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetRates(state, corpus.page_bytes);
}
BENCHMARK(BM_EmitJson);

// emit --signals: the quality signals cost the n-gram counting of signals.cc.
void BM_EmitJsonSignals(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  pagewash::EmitOptions options = Options().emit;
  options.signals = true;
  std::string out;
  for (auto _ : state) {
    for (const pagewash::Document& doc : corpus.segmented) {
      out.clear();
      pagewash::EmitDocument(doc, options, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetRates(state, corpus.page_bytes);
}
BENCHMARK(BM_EmitJsonSignals);

// The record `pagewash strip` writes for the next stage. Bytes: JSON written.
void BM_StreamWrite(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  std::string out;
  for (auto _ : state) {
    for (const pagewash::Document& doc : corpus.stripped) {
      out.clear();
      pagewash::WriteStreamRecord(doc, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetRates(state, corpus.record_bytes + static_cast<std::int64_t>(corpus.records.size()));
}
BENCHMARK(BM_StreamWrite);

// Those records read back, as `pagewash dedup` reads them. Bytes: JSON read.
void BM_StreamDecode(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  pagewash::StreamDecoder decoder;
  pagewash::Document doc;
  for (auto _ : state) {
    for (const std::string& record : corpus.records) {
      pagewash::Status status = decoder.Decode(record, &doc);
      if (!status.ok()) {
        state.SkipWithError(status.ToString().c_str());
        return;
      }
      benchmark::DoNotOptimize(doc.blocks.data());
    }
  }
  SetRates(state, corpus.record_bytes);
}
BENCHMARK(BM_StreamDecode);

// `pagewash clean`: read -> strip -> dedup -> segment -> emit JSON, the fold
// the driver runs (ApplyStages over the stage table), one Document reused.
void BM_CleanFold(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  const pagewash::PipelineOptions options = Options();
  std::vector<const pagewash::Stage*> stages;
  for (const pagewash::Stage& stage : pagewash::TransformStages()) stages.push_back(&stage);
  pagewash::TextReader reader;
  pagewash::Document doc;
  std::string out;
  const std::uint64_t allocations_before = heap.allocations;
  for (auto _ : state) {
    for (const std::string& page : corpus.pages) {
      doc.Clear();
      reader.Read(page, &doc);
      doc = pagewash::ApplyStages(std::move(doc), stages, options);
      out.clear();
      pagewash::EmitDocument(doc, options.emit, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.counters["allocs_per_doc"] =
      static_cast<double>(heap.allocations - allocations_before) /
      static_cast<double>(state.iterations() * static_cast<std::int64_t>(corpus.pages.size()));
  SetRates(state, corpus.page_bytes);
}
BENCHMARK(BM_CleanFold);

// Memory of --scope stream: the seen-index after N distinct paragraphs
// (fingerprints spread as XXH3's are), counted by the allocator, so document
// ids and the arrays a growth holds at once count too. Reports bytes per
// paragraph (held at the end, and at the peak) and the insert rate; run with
// --benchmark_filter=SeenIndex.
void BM_SeenIndex(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  double bytes_per = 0;
  double peak_per = 0;
  for (auto _ : state) {
    const std::int64_t live_before = heap.live_bytes;
    heap.peak_bytes = live_before;
    pagewash::SeenIndex index;
    // A document every 20 paragraphs, as a stream of pages would add them.
    std::uint32_t doc = 0;
    for (std::uint64_t i = 1; i <= n; ++i) {
      if (i % 20 == 1) doc = index.AddDocument("doc0000123");
      index.Insert(i * 0x9E3779B97F4A7C15ULL, doc, 0);
    }
    bytes_per = static_cast<double>(heap.live_bytes - live_before) / static_cast<double>(index.size());
    peak_per = static_cast<double>(heap.peak_bytes - live_before) / static_cast<double>(index.size());
    benchmark::DoNotOptimize(index.size());
  }
  // Heap held at the end, and the most held at any time (while growing).
  state.counters["bytes_per_paragraph"] = bytes_per;
  state.counters["peak_bytes_per_paragraph"] = peak_per;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_SeenIndex)->Arg(1000000)->Arg(2000000)->Arg(10000000)->Unit(benchmark::kMillisecond)->Iterations(1);

std::filesystem::path TestdataDir(int* argc, char** argv) {
  std::filesystem::path dir;
#ifdef PAGEWASH_TESTDATA_DIR
  dir = PAGEWASH_TESTDATA_DIR;
#else
  dir = "testdata";
#endif
  if (const char* env = std::getenv("PAGEWASH_TESTDATA_DIR"); env != nullptr && *env != '\0') {
    dir = env;
  }
  // Take --testdata=DIR out of argv before Google Benchmark sees it.
  constexpr std::string_view kFlag = "--testdata=";
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.substr(0, kFlag.size()) == kFlag) {
      dir = std::string(arg.substr(kFlag.size()));
      continue;
    }
    argv[kept++] = argv[i];
  }
  *argc = kept;
  return dir;
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path testdata = TestdataDir(&argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  if (!LoadCorpus(testdata, &TheCorpus())) return 1;
  const Corpus& corpus = TheCorpus();
  benchmark::AddCustomContext("corpus", std::to_string(corpus.pages.size()) + " pages, " +
                                            std::to_string(corpus.page_bytes) + " bytes; " +
                                            std::to_string(corpus.record_bytes) +
                                            " bytes of stream records");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
