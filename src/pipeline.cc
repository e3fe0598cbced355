#include "pagewash/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "io/compress.h"
#include "io/input.h"
#include "io/output.h"
#include "io/temp_files.h"
#include "io/walk.h"
#include "parallel.h"
#include "io/warc.h"
#include "pagewash/change_feed.h"
#include "pagewash/json.h"
#include "pagewash/ledger.h"
#include "pagewash/site_evidence.h"
#include "text/tokenize.h"

namespace pagewash {
namespace {

Document Strip(Document doc, const PipelineOptions& o, const PipelineState&) {
  return StripBoilerplate(std::move(doc), o.strip);
}
Document Dedup(Document doc, const PipelineOptions& o, const PipelineState& state) {
  return RemoveDuplicateParagraphs(std::move(doc), o.dedup, state.dedup);
}
Document Segment(Document doc, const PipelineOptions& o, const PipelineState&) {
  return SegmentSections(std::move(doc), o.segment);
}

constexpr Stage kStages[] = {
    {"strip", &Strip},
    {"dedup", &Dedup},
    {"segment", &Segment},
};

}  // namespace

std::span<const Stage> TransformStages() { return kStages; }

const Stage* FindStage(std::string_view name) {
  for (const Stage& s : kStages) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

Document ApplyStages(Document doc, std::span<const Stage* const> stages, const PipelineOptions& options,
                     const PipelineState& state) {
  for (const Stage* stage : stages) doc = stage->apply(std::move(doc), options, state);
  return doc;
}

std::string OutDirFileName(std::string_view id) {
  // 200 bytes, with ".json" and the ".tmp.XXXXXX" of the temporary copy,
  // stays under the 255 bytes a file name may have.
  constexpr std::size_t kMaxStem = 200;
  std::string name;
  for (char c : id) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                c == '-' || c == '_';
    name.push_back(safe ? c : '_');
  }
  if (name.empty() || name.front() == '.') name.insert(name.begin(), '_');
  if (name != id || name.size() > kMaxStem) {
    // The name lost something: "a/b", "a?b" and "a b" would all be "a_b".
    // A hash of the id tells them apart, the same on every run.
    if (name.size() > kMaxStem - 17) name.resize(kMaxStem - 17);
    name += fmt::format("-{:016x}", text::Hash64(id));
  }
  return name + ".json";
}

std::string ShardFileName(std::size_t index, OutputFormat format, OutputCompression compression) {
  std::string_view ext = ".jsonl";
  switch (format) {
    case OutputFormat::kJson:
      break;
    case OutputFormat::kMarkdown:
      ext = ".md";
      break;
    case OutputFormat::kText:
      ext = ".txt";
      break;
    case OutputFormat::kDiff:
      ext = ".diff";
      break;
  }
  return fmt::format("part-{:05d}{}{}", index, ext, io::CompressionSuffix(compression));
}

OutputCompression CompressionForOutputName(std::string_view path) { return io::CompressionForName(path); }

namespace {

// A document whose text (its arena: kept and removed text) is at least
// this large has its JSON written to the output as it is made, in pieces of
// about JsonWriter::kFlushBytes, instead of being made whole on a worker and
// written after: the whole JSON is about 2.75 times the text (the text
// twice, in the blocks and in "text", and hashes), and held beside the
// document it was one of a large page's peaks, with strip's and dedup's.
// Such a document is serialised in input order, on the thread that writes
// the output, while the workers go on with the documents after it; its
// serialising (under a tenth of its work) then does not run beside the
// others'. Below the threshold, which few web pages reach, the whole JSON
// costs at most about 6 MiB a document and is made on the workers as
// before. Only the one output stream (standard output or -o, the JSON
// output or the stream record) is written this way; --out-dir files and
// shards, and the other formats, are written whole.
constexpr std::size_t kStreamTextBytes = std::size_t{2} << 20;

// Hands a document's JSON to the output as it is written. The first failure
// is kept and what follows it dropped; the caller stops the run.
class OutputSink final : public JsonSink {
 public:
  explicit OutputSink(io::Output& output) : output_(output) {}
  void Write(std::string_view bytes) override {
    if (!status_.ok()) return;
    status_ = output_.Write(bytes);
    if (status_.ok()) bytes_ += bytes.size();
  }
  const Status& status() const { return status_; }
  std::uint64_t bytes() const { return bytes_; }

 private:
  io::Output& output_;
  Status status_ = Status::Ok();
  std::uint64_t bytes_ = 0;
};

// Writes one document to DIR/NAME.json, replaced atomically.
Status WriteToOutDir(FileSystem& fs, const std::string& path, std::string_view json, OutputCompression compression) {
  io::Output file;
  if (Status s = file.Open(fs, path, compression); !s.ok()) return s;
  if (Status s = file.Write(json); !s.ok()) return s;
  return file.Commit();
}

// "a", "a and b", "a, b and c".
std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// Counts what it passes on, for RunStats.
class CountingReporter : public Reporter {
 public:
  CountingReporter(Reporter& inner, RunStats* stats) : inner_(inner), stats_(stats) {}
  void Error(const Status& status) override {
    ++stats_->errors;
    inner_.Error(status);
  }
  void Warning(const Status& status) override {
    ++stats_->warnings;
    inner_.Warning(status);
  }
  void Progress(const RunProgress& progress, bool done) override { inner_.Progress(progress, done); }

 private:
  Reporter& inner_;
  RunStats* stats_;
};

// One thing the inputs gave, in input order: what the reader returned, and
// what the steps made of it.
struct WorkItem {
  enum Kind {
    kInputOpened,  ///< An input was opened.
    kReport,       ///< An error to report: an input that could not be opened or read, a bad record.
    kDocument,
    kInputEnd,     ///< An input was read to its end.
  };
  Kind kind = kDocument;
  Status warning = Status::Ok();  ///< Reported before anything else of the item.
  Status error = Status::Ok();    ///< kReport.
  Document doc;
  io::PendingRecord pending;      ///< A JSON Lines record, decoded by a worker into `doc`.
  std::uint64_t input_bytes = 0;  ///< As read, before the stages.
  std::array<std::uint64_t, io::kWarcSkipKinds> skipped{};  ///< kInputEnd: over every input so far.
  std::uint64_t stored_read = 0;  ///< The reader's position when the item was read.
  std::string input;              ///< kDocument: the input it came from, for messages.
  PreparedUnits units;            ///< --scope stream, --state: dedup's units, prepared.
  DedupCounters counters;         ///< What dedup did to this document.
  std::vector<Section> sections;  ///< kChanges: BuildSections(doc), hashed below.
  DocumentHashes hashes;          ///< kChanges.
  SiteEvidence::PageLines lines;  ///< The first pass of the site evidence.
  std::string out;                ///< The document, serialised.
  bool stream = false;            ///< Too large for `out`: serialised as it is written (kStreamTextBytes).
};

// Reads the inputs in order, one item at a time.
class ItemSource {
 public:
  ItemSource(FileSystem& fs, const std::vector<io::InputEntry>& entries, const InputOptions& options)
      : fs_(fs), entries_(entries), reader_(options) {}

  // Fills *item with the next thing the inputs give; false at their end.
  // With `quiet`, inputs that cannot be opened are skipped, not reported.
  bool Next(WorkItem* item, bool quiet = false) {
    item->warning = Status::Ok();
    item->error = Status::Ok();
    while (true) {
      if (!open_) {
        if (next_entry_ == entries_.size()) return false;
        const io::InputEntry& entry = entries_[next_entry_++];
        input_ = entry.path;
        Status s = entry.error.ok() ? Open(entry.path) : entry.error;
        if (!s.ok()) {
          if (quiet) continue;
          item->kind = WorkItem::kReport;
          item->error = std::move(s);
          item->stored_read = 0;
          return true;
        }
        open_ = true;
        item->kind = WorkItem::kInputOpened;
        item->stored_read = 0;
        return true;
      }
      io::InputReader::Next next = reader_.Read(&item->doc, &item->pending);
      item->warning = std::move(next.warning);
      item->stored_read = reader_.StoredBytesRead();
      switch (next.status) {
        case io::InputReader::kEnd:
          open_ = false;
          item->kind = WorkItem::kInputEnd;
          item->skipped = reader_.warc_skipped_total();
          return true;
        case io::InputReader::kError:
          item->kind = WorkItem::kReport;
          item->error = std::move(next.error);
          return true;
        case io::InputReader::kDocument:
          item->kind = WorkItem::kDocument;
          item->input = input_;
          return true;
      }
    }
  }

 private:
  Status Open(const std::string& path) {
    InputFile next;
    if (Status s = fs_.OpenInput(path, &next); !s.ok()) return s;
    // The reader lets go of the previous input before it is closed.
    Status s = reader_.Attach(next.get(), path);
    file_ = std::move(next);
    return s;
  }

  FileSystem& fs_;
  const std::vector<io::InputEntry>& entries_;
  InputFile file_;  // The input open; closed after the reader that reads it.
  io::InputReader reader_;
  std::size_t next_entry_ = 0;
  bool open_ = false;
  std::string input_;  // The path of the input open.
};

using Pipeline = parallel::OrderedPipeline<WorkItem>;

// The first step of every document, on a worker: a JSON Lines record is
// decoded there, not by the reader; one that cannot be is an error to
// report in its turn.
void Decode(WorkItem& item, const InputOptions& options) {
  if (item.kind != WorkItem::kDocument) return;
  if (item.pending.pending) {
    item.pending.pending = false;
    if (Status s = io::DecodePending(item.pending, options, &item.doc); !s.ok()) {
      item.kind = WorkItem::kReport;
      item.error = std::move(s);
      return;
    }
  }
  item.input_bytes = item.doc.stats.input_bytes;
}

// Workers for `jobs`: 1 job runs on the calling thread.
std::size_t WorkersFor(std::size_t jobs) { return jobs <= 1 ? 0 : jobs; }
std::size_t WindowFor(std::size_t jobs) { return 4 * std::max<std::size_t>(jobs, 1); }

// The size of each regular file among `entries`; 0 when one is not (the
// total is then unknown).
std::uint64_t StoredTotal(FileSystem& fs, const std::vector<io::InputEntry>& entries) {
  std::uint64_t total = 0;
  for (const io::InputEntry& e : entries) {
    if (!e.error.ok()) continue;
    if (e.path == "-") return 0;
    const FileInfo info = fs.Stat(e.path);
    if (info.kind != FileKind::kRegular) return 0;
    total += info.size;
  }
  return total;
}

RunStatus RunInputs(const RunConfig& config, FileSystem& fs, Reporter& reporter, RunStats* stats,
                    std::chrono::steady_clock::time_point start) {
  io::Output output;
  const bool out_dir = !config.out_dir.empty() && config.output_kind == OutputKind::kEmit;
  const bool sharded = out_dir && (config.shard_documents > 0 || config.shard_bytes > 0);
  // Under --out-dir the compression is each file's: the output then
  // carries nothing, and stays plain.
  if (Status s = output.Open(fs, config.output, out_dir ? OutputCompression::kNone : config.compression);
      !s.ok()) {
    reporter.Error(s);
    return RunStatus::kDataError;
  }
  if (out_dir) {
    if (Status s = fs.CreateDirectories(config.out_dir); !s.ok()) {
      reporter.Error(s);
      return RunStatus::kDataError;
    }
  }
  // --out-dir: which id each file name was written for in this run, so that
  // no document silently replaces another's file.
  std::unordered_map<std::string, std::string> written;
  bool failed = false;
  // Directories become the files under them, once, before the first pass.
  std::vector<io::InputEntry> entries;
  if (config.inputs.empty()) {
    entries.push_back(io::InputEntry{"-", Status::Ok()});
  } else {
    entries = io::ExpandInputs(config.inputs, io::WalkOptions{config.recursive, config.glob}, fs);
  }
  std::vector<std::string> inputs;
  for (const io::InputEntry& e : entries) {
    if (e.error.ok()) inputs.push_back(e.path);
  }
  SiteProfile::Learner learner(config.learn);
  const bool learning = !config.learn_profile.empty();
  const bool ledger = !config.state_path.empty() && config.state.dedup.ledger != nullptr;
  const bool manifest = config.output_kind == OutputKind::kChanges && config.manifest != nullptr;
  // The state files this run would move ahead, named in messages.
  std::vector<std::string> state_files;
  if (learning) state_files.push_back(config.learn_profile);
  if (manifest) state_files.push_back(config.manifest_path);
  if (ledger) state_files.push_back(config.state_path);
  const std::string output_name = config.output.empty() || config.output == "-" ? "<stdout>" : config.output;
  // Output that did not reach its reader in full: the state files must not
  // record documents the reader never got.
  auto undelivered = [&](const Status& s, const io::Output& out, const std::string& name) {
    if (out.broken_pipe() && state_files.empty()) return RunStatus::kOk;  // The reader left: not an error.
    if (!out.broken_pipe()) reporter.Error(s);
    if (!state_files.empty()) {
      reporter.Error(Status::IoError(fmt::format("the output was not delivered in full{}; {} left unchanged",
                                                 out.broken_pipe() ? " (its reader closed it)" : "",
                                                 JoinNames(state_files)))
                         .At(name, 0));
    }
    return RunStatus::kDataError;
  };
  const std::size_t workers = WorkersFor(config.jobs);
  const std::size_t window = WindowFor(config.jobs);
  // Evidence across the pages of one site: a first pass over the inputs,
  // when strip runs and every input can be read twice (not standard input).
  SiteEvidence evidence(SiteEvidenceOptions{.from = config.site_from});
  const bool strips = std::any_of(config.stages.begin(), config.stages.end(),
                                  [](const Stage* s) { return s->name == "strip"; });
  const bool site_evidence = config.site_from != SiteFrom::kNone && strips &&
                             std::none_of(inputs.begin(), inputs.end(), [](const std::string& n) { return n == "-"; });
  if (site_evidence) {
    std::vector<io::InputEntry> files;
    for (const std::string& name : inputs) files.push_back(io::InputEntry{name, Status::Ok()});
    ItemSource first_pass(fs, files, config.input);
    Pipeline pass(workers, window,
                  {{Pipeline::Where::kAnyThread,
                    [&](WorkItem& item) {
                      Decode(item, config.input);
                      if (item.kind == WorkItem::kDocument) evidence.LinesOf(item.doc, &item.lines);
                    }},
                   {Pipeline::Where::kInOrder, [&](WorkItem& item) {
                      if (item.kind == WorkItem::kDocument) evidence.Observe(item.lines);
                    }}});
    // Errors are reported by the second pass.
    pass.Run([&](WorkItem& item) { return first_pass.Next(&item, /*quiet=*/true); });
    evidence.Finish();
  }

  // The stages, cut where dedup needs the run's shared state: with --scope
  // stream or --state its decisions are made in input order, on this
  // thread, and only its units are prepared on the workers.
  std::span<const Stage* const> before(config.stages);
  std::span<const Stage* const> after;
  const bool shared_dedup = config.state.dedup.ledger != nullptr || config.options.dedup.scope == DedupScope::kStream;
  bool split = false;
  for (std::size_t i = 0; i < config.stages.size(); ++i) {
    if (config.stages[i]->name == "dedup" && shared_dedup) {
      before = std::span<const Stage* const>(config.stages).first(i);
      after = std::span<const Stage* const>(config.stages).subspan(i + 1);
      split = true;
      break;
    }
  }
  // The options a document's work reads: its site's furniture. And the
  // state it may write on a worker: its own counters (summed in input
  // order); the index and the ledger are only written in input order.
  auto options_for = [&](WorkItem& item) {
    PipelineOptions options = config.options;
    options.strip.site_furniture = site_evidence ? evidence.FurnitureOf(item.doc) : nullptr;
    return options;
  };
  auto state_for = [&](WorkItem& item) {
    PipelineState state = config.state;
    if (state.dedup.counters != nullptr) state.dedup.counters = &item.counters;
    return state;
  };
  // The JSON of a large document goes to the output as it is made
  // (kStreamTextBytes).
  const bool streams = !out_dir && (config.output_kind == OutputKind::kStream ||
                                    (config.output_kind == OutputKind::kEmit &&
                                     config.options.emit.format == OutputFormat::kJson));
  // With a sink: the JSON goes to it, `out` is its buffer.
  auto serialise_json = [&](const Document& doc, std::string* out, JsonSink* sink) {
    if (config.output_kind == OutputKind::kStream) {
      WriteStreamRecord(doc, out, sink);
    } else {
      EmitDocument(doc, config.options.emit, out, sink);
    }
  };
  auto serialise = [&](WorkItem& item) {
    item.out.clear();
    item.stream = streams && item.doc.ArenaSize() >= kStreamTextBytes;
    if (item.stream) return;  // In finish, in input order.
    switch (config.output_kind) {
      case OutputKind::kStream:
      case OutputKind::kEmit:
        serialise_json(item.doc, &item.out, nullptr);
        break;
      case OutputKind::kFingerprints:
        AppendFingerprints(item.doc, config.options.dedup.min_words, &item.out);
        break;
      case OutputKind::kChanges:
        // The record needs the manifest: diffed and written in order.
        item.sections = BuildSections(item.doc);
        item.hashes = ComputeHashes(item.doc, item.sections);
        break;
    }
  };

  Pipeline* running = nullptr;
  RunStatus stopped = RunStatus::kOk;  // Why the run stopped early, if it did.
  bool stop = false;
  const std::uint64_t stored_total = StoredTotal(fs, entries);
  std::uint64_t stored_done = 0;  // Inputs read to their end.
  RunProgress progress;
  progress.stored_total = stored_total;
  // --shard-size: the shard being written and what it holds.
  // Each shard is a new Output: one is written, prepared and committed once.
  std::optional<io::Output> shard;
  bool shard_open = false;
  std::size_t shards = 0;
  std::uint64_t shard_docs = 0;
  std::uint64_t shard_bytes = 0;
  std::string shard_path;
  auto write_sharded = [&](const std::string& out) -> Status {
    if (shard_open && ((config.shard_documents > 0 && shard_docs >= config.shard_documents) ||
                       (config.shard_bytes > 0 && shard_bytes > 0 && shard_bytes + out.size() > config.shard_bytes))) {
      shard_open = false;
      if (Status s = shard->Commit(); !s.ok()) return s;
    }
    if (!shard_open) {
      shard_path = config.out_dir + "/" + ShardFileName(shards, config.options.emit.format, config.compression);
      shard.emplace();
      if (Status s = shard->Open(fs, shard_path, config.compression); !s.ok()) return s;
      shard_open = true;
      ++shards;
      shard_docs = 0;
      shard_bytes = 0;
    }
    ++shard_docs;
    shard_bytes += out.size();
    return shard->Write(out);
  };

  // The buffer of the documents written as they are serialised.
  std::string stream_buffer;

  // The last step, in input order: reports, counters, state, the output.
  auto finish = [&](WorkItem& item) {
    if (!item.warning.ok()) reporter.Warning(item.warning);
    switch (item.kind) {
      case WorkItem::kInputOpened:
        ++stats->inputs;
        break;
      case WorkItem::kReport:
        reporter.Error(item.error);
        failed = true;
        break;
      case WorkItem::kInputEnd:
        for (std::size_t i = 1; i < item.skipped.size(); ++i) stats->records_skipped[i - 1].second = item.skipped[i];
        stored_done += item.stored_read;
        item.stored_read = 0;
        break;
      case WorkItem::kDocument: {
        ++stats->documents_in;
        stats->bytes_in += item.input_bytes;
        if (Status s = item.doc.problem(); !s.ok()) {  // A stage could not do its work (document.h).
          reporter.Error(s.At(item.input, 0));
          failed = true;
          break;
        }
        if (config.state.dedup.counters != nullptr) {
          DedupCounters& c = *config.state.dedup.counters;
          c.documents += item.counters.documents;
          c.units_in += item.counters.units_in;
          c.units_out += item.counters.units_out;
          c.exact += item.counters.exact;
          c.near += item.counters.near;
          c.dropped_by_list += item.counters.dropped_by_list;
          c.near_comparisons += item.counters.near_comparisons;
        }
        if (config.output_kind == OutputKind::kChanges) {
          WriteChangeRecord(item.doc, item.sections, DiffHashes(item.hashes, config.manifest->Find(item.doc.id)),
                            &item.out);
          config.manifest->Put(std::move(item.hashes));
        }
        if (sharded) {
          if (Status s = write_sharded(item.out); !s.ok()) {
            stopped = undelivered(s, *shard, shard_path);
            shard->Abort();
            stop = true;
            running->Stop();
            return;
          }
          ++stats->documents_out;
          stats->bytes_out += item.out.size();
        } else if (out_dir) {
          std::string path = config.out_dir + "/" + OutDirFileName(item.doc.id);
          path += io::CompressionSuffix(config.compression);
          auto [it, first] = written.emplace(path, item.doc.id);
          Status s = Status::Ok();
          if (!first) {
            s = Status::InvalidInput(it->second == item.doc.id
                                         ? fmt::format("document \"{}\" comes twice; the file holds the first",
                                                       item.doc.id)
                                         : fmt::format("documents \"{}\" and \"{}\" have the same file name; it "
                                                       "holds the first",
                                                       it->second, item.doc.id))
                    .At(path, 0);
          } else {
            s = WriteToOutDir(fs, path, item.out, config.compression);
          }
          if (s.ok()) {
            ++stats->documents_out;
            stats->bytes_out += item.out.size();
          } else {
            reporter.Error(s);
            failed = true;
          }
        } else {
          Status s = Status::Ok();
          std::uint64_t bytes = item.out.size();
          if (item.stream) {
            OutputSink sink(output);
            serialise_json(item.doc, &stream_buffer, &sink);
            s = sink.status();
            bytes = sink.bytes();
          } else {
            s = output.Write(item.out);
          }
          if (!s.ok()) {
            stopped = undelivered(s, output, output_name);
            output.Abort();
            stop = true;
            running->Stop();
            return;
          }
          ++stats->documents_out;
          stats->bytes_out += bytes;
        }
        break;
      }
    }
    progress.documents = stats->documents_out;
    progress.bytes_in = stats->bytes_in;
    progress.stored_read = stored_done + item.stored_read;
    progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    reporter.Progress(progress, false);
  };

  std::vector<Pipeline::Step> steps;
  steps.push_back({Pipeline::Where::kAnyThread, [&](WorkItem& item) { Decode(item, config.input); }});
  if (learning) {
    // The profile watches each page as it was read, before strip.
    steps.push_back({Pipeline::Where::kInOrder, [&](WorkItem& item) {
                       if (item.kind == WorkItem::kDocument) learner.Observe(item.doc);
                     }});
  }
  steps.push_back({Pipeline::Where::kAnyThread, [&](WorkItem& item) {
                     if (item.kind != WorkItem::kDocument) return;
                     PipelineOptions options = options_for(item);
                     item.doc = ApplyStages(std::move(item.doc), before, options, state_for(item));
                     if (split) {
                       PrepareUnits(item.doc, options.dedup, &item.units);
                     } else {
                       serialise(item);
                     }
                   }});
  if (split) {
    steps.push_back({Pipeline::Where::kInOrder, [&](WorkItem& item) {
                       if (item.kind != WorkItem::kDocument) return;
                       item.doc = RemoveDuplicateParagraphs(std::move(item.doc), item.units, config.options.dedup,
                                                            state_for(item).dedup);
                     }});
    steps.push_back({Pipeline::Where::kAnyThread, [&](WorkItem& item) {
                       if (item.kind != WorkItem::kDocument) return;
                       item.doc = ApplyStages(std::move(item.doc), after, config.options, state_for(item));
                       serialise(item);
                     }});
  }
  steps.push_back({Pipeline::Where::kInOrder, finish});
  ItemSource source(fs, entries, config.input);
  Pipeline pipeline(workers, window, std::move(steps));
  running = &pipeline;
  pipeline.Run([&](WorkItem& item) {
    item.counters = DedupCounters{};
    return source.Next(&item);
  });
  progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  reporter.Progress(progress, true);
  if (stop) return stopped;

  // Every file is prepared (written to its temporary copy and synced)
  // before any is renamed, so a failure up to then (a full disk) leaves the
  // output and every state file as they were.
  if (Status s = output.Prepare(); !s.ok()) return undelivered(s, output, output_name);
  if (shard_open) {
    if (Status s = shard->Prepare(); !s.ok()) return undelivered(s, *shard, shard_path);
  }
  io::Output state_out[3];
  std::size_t states = 0;
  auto prepare = [&](const std::string& path, const std::string& text) {
    io::Output& out = state_out[states++];
    Status s = out.Open(fs, path);
    if (s.ok()) s = out.Write(text);
    if (s.ok()) s = out.Prepare();
    return s;
  };
  Status prepared = Status::Ok();
  if (learning) prepared = prepare(config.learn_profile, learner.Build().Serialize());
  if (prepared.ok() && manifest) prepared = prepare(config.manifest_path, config.manifest->Serialize());
  if (prepared.ok() && ledger) prepared = prepare(config.state_path, config.state.dedup.ledger->Serialize());
  if (!prepared.ok()) {
    reporter.Error(prepared);
    std::vector<std::string> kept = state_files;
    if (output.replaces()) kept.insert(kept.begin(), config.output);
    if (kept.size() > 1) {
      reporter.Error(Status::IoError(fmt::format("nothing was replaced: {} left unchanged", JoinNames(kept)))
                         .At(prepared.source(), 0));
    }
    return RunStatus::kDataError;
  }
  // The output first: if a rename after it failed, a state file that stays
  // behind only makes the next run redo work; one that moved ahead of its
  // output would lose the changes it recorded. Signals wait until all are
  // renamed.
  io::SignalsHeld held;
  if (Status s = output.Commit(); !s.ok()) {
    reporter.Error(s);
    return RunStatus::kDataError;
  }
  if (shard_open) {
    if (Status s = shard->Commit(); !s.ok()) {
      reporter.Error(s);
      return RunStatus::kDataError;
    }
  }
  for (std::size_t i = 0; i < states; ++i) {
    if (Status s = state_out[i].Commit(); !s.ok()) {
      reporter.Error(s);
      return RunStatus::kDataError;
    }
  }
  if (sharded) {
    // Shards of an earlier, longer run would read as part of this one.
    for (std::size_t i = shards;; ++i) {
      std::string stale = config.out_dir + "/" + ShardFileName(i, config.options.emit.format, config.compression);
      if (!fs.Remove(stale)) break;
    }
  }
  return failed ? RunStatus::kDataError : RunStatus::kOk;
}

}  // namespace

RunOutcome Run(const RunConfig& config, FileSystem& fs, Reporter& reporter) {
  const auto start = std::chrono::steady_clock::now();
  RunOutcome outcome;
  RunStats* stats = &outcome.stats;
  for (int i = 1; i < io::kWarcSkipKinds; ++i) {
    stats->records_skipped.emplace_back(io::WarcSkipKey(static_cast<io::WarcSkip>(i)), 0);
  }
  CountingReporter counting(reporter, stats);
  // A stage without the state it requires is a mistake in the caller's set
  // up, found before any input is read.
  const bool dedups = std::any_of(config.stages.begin(), config.stages.end(),
                                  [](const Stage* s) { return s->name == "dedup"; });
  if (Status s = dedups ? ValidateDedup(config.options.dedup, config.state.dedup) : Status::Ok(); !s.ok()) {
    counting.Error(s);
    outcome.status = RunStatus::kUsage;
    return outcome;
  }
  outcome.status = RunInputs(config, fs, counting, stats, start);
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

std::string RunStatsJson(const RunStats& stats) {
  std::string skipped;
  for (const auto& [key, count] : stats.records_skipped) {
    if (!skipped.empty()) skipped += ',';
    AppendJsonString(key, &skipped);
    skipped += fmt::format(":{}", count);
  }
  return fmt::format(
      "{{\"inputs\":{},\"documents_in\":{},\"documents_out\":{},\"bytes_in\":{},\"bytes_out\":{},"
      "\"errors\":{},\"warnings\":{},\"records_skipped\":{{{}}},\"seconds\":{:.3f}}}\n",
      stats.inputs, stats.documents_in, stats.documents_out, stats.bytes_in, stats.bytes_out, stats.errors,
      stats.warnings, skipped, stats.seconds);
}

}  // namespace pagewash
