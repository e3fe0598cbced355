#include "pagewash/pipeline.h"

#include <fmt/format.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_map>

#include "io/compress.h"
#include "io/input.h"
#include "io/output.h"
#include "io/temp_files.h"
#include "io/walk.h"
#include "io/warc.h"
#include "pagewash/change_feed.h"
#include "pagewash/files.h"
#include "pagewash/json.h"
#include "pagewash/ledger.h"
#include "text/tokenize.h"

namespace pagewash {
namespace {

Document Strip(Document doc, const PipelineOptions& o) { return StripBoilerplate(std::move(doc), o.strip); }
Document Dedup(Document doc, const PipelineOptions& o) {
  return RemoveDuplicateParagraphs(std::move(doc), o.dedup);
}
Document Segment(Document doc, const PipelineOptions& o) {
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

Document ApplyStages(Document doc, std::span<const Stage* const> stages,
                     const PipelineOptions& options) {
  for (const Stage* stage : stages) doc = stage->apply(std::move(doc), options);
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

OutputCompression CompressionForOutputName(std::string_view path) { return io::CompressionForName(path); }

namespace {

// Writes one document to DIR/NAME.json, replaced atomically.
Status WriteToOutDir(const std::string& path, std::string_view json, OutputCompression compression) {
  io::Output file;
  if (Status s = file.Open(path, compression); !s.ok()) return s;
  if (Status s = file.Write(json); !s.ok()) return s;
  return file.Commit();
}

// What identifies a file: its device and inode when it exists (through
// links), else the resolved path of its directory and its name.
std::string FileIdentity(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) return fmt::format("{}:{}", st.st_dev, st.st_ino);
  std::error_code ec;
  std::filesystem::path p(path);
  std::filesystem::path dir = std::filesystem::weakly_canonical(
      p.has_parent_path() ? p.parent_path() : std::filesystem::path("."), ec);
  return (dir / p.filename()).string();
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

}  // namespace

Status CheckDistinctFiles(std::span<const NamedFile> files) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].path.empty() || files[i].path == "-") continue;
    for (std::size_t j = i + 1; j < files.size(); ++j) {
      if (files[j].path.empty() || files[j].path == "-") continue;
      if (FileIdentity(files[i].path) == FileIdentity(files[j].path)) {
        return Status::InvalidArgument(fmt::format("{} {} and {} {} are the same file: each needs its own",
                                                   files[i].option, files[i].path, files[j].option,
                                                   files[j].path));
      }
    }
  }
  return Status::Ok();
}

namespace {

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

 private:
  Reporter& inner_;
  RunStats* stats_;
};

ExitCode RunInputs(const RunConfig& config, Reporter& reporter, RunStats* stats) {
  io::Output output;
  const bool out_dir = !config.out_dir.empty() && config.output_kind == OutputKind::kEmit;
  // Under --out-dir the compression is each file's: the output then
  // carries nothing, and stays plain.
  if (Status s = output.Open(config.output, out_dir ? OutputCompression::kNone : config.compression);
      !s.ok()) {
    reporter.Error(s);
    return ExitCode::kDataError;
  }
  if (out_dir) {
    std::error_code ec;
    std::filesystem::create_directories(config.out_dir, ec);
    if (ec) {
      reporter.Error(Status::IoError(fmt::format("cannot create the directory: {}", ec.message())).At(config.out_dir, 0));
      return ExitCode::kDataError;
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
    entries = io::ExpandInputs(config.inputs, io::WalkOptions{config.recursive, config.glob});
  }
  std::vector<std::string> inputs;
  for (const io::InputEntry& e : entries) {
    if (e.error.ok()) inputs.push_back(e.path);
  }
  io::InputReader reader(config.input);
  SiteProfile::Learner learner(config.learn);
  const bool learning = !config.learn_profile.empty();
  const bool ledger = !config.state_path.empty() && config.options.dedup.ledger != nullptr;
  const bool manifest = config.output_kind == OutputKind::kChanges && config.manifest != nullptr;
  // The state files this run would move ahead, named in messages.
  std::vector<std::string> state_files;
  if (learning) state_files.push_back(config.learn_profile);
  if (manifest) state_files.push_back(config.manifest_path);
  if (ledger) state_files.push_back(config.state_path);
  const std::string output_name = config.output.empty() || config.output == "-" ? "<stdout>" : config.output;
  // Output that did not reach its reader in full: the state files must not
  // record documents the reader never got.
  auto undelivered = [&](const Status& s) {
    if (output.broken_pipe() && state_files.empty()) return ExitCode::kOk;  // The reader left: not an error.
    if (!output.broken_pipe()) reporter.Error(s);
    if (!state_files.empty()) {
      reporter.Error(Status::IoError(fmt::format("the output was not delivered in full{}; {} left unchanged",
                                                 output.broken_pipe() ? " (its reader closed it)" : "",
                                                 JoinNames(state_files)))
                         .At(output_name, 0));
    }
    return ExitCode::kDataError;
  };
  // Evidence across the pages of one site: a first pass over the inputs,
  // when strip runs and every input can be read twice (not standard input).
  PipelineOptions options = config.options;
  SiteEvidence evidence(SiteEvidenceOptions{.from = config.site_from});
  const bool strips = std::any_of(config.stages.begin(), config.stages.end(),
                                  [](const Stage* s) { return s->name == "strip"; });
  const bool site_evidence = config.site_from != SiteFrom::kNone && strips &&
                             std::none_of(inputs.begin(), inputs.end(), [](const std::string& n) { return n == "-"; });
  Document doc;
  if (site_evidence) {
    io::InputReader first_pass(config.input);
    for (const std::string& name : inputs) {
      if (!first_pass.Open(name).ok()) continue;  // Reported by the second pass.
      while (true) {
        io::InputReader::Next next = first_pass.Read(&doc);
        if (next.status == io::InputReader::kEnd) break;
        if (next.status == io::InputReader::kDocument) evidence.Observe(doc);
      }
    }
    evidence.Finish();
  }
  std::string buffer;
  for (const io::InputEntry& entry : entries) {
    if (!entry.error.ok()) {
      reporter.Error(entry.error);
      failed = true;
      continue;
    }
    const std::string& name = entry.path;
    if (Status s = reader.Open(name); !s.ok()) {
      reporter.Error(s);
      failed = true;
      continue;
    }
    ++stats->inputs;
    while (true) {
      io::InputReader::Next next = reader.Read(&doc);
      // The end of an input may carry a warning too (WARC records skipped).
      if (!next.warning.ok()) reporter.Warning(next.warning);
      if (next.status == io::InputReader::kEnd) break;
      if (next.status == io::InputReader::kError) {
        reporter.Error(next.error);
        failed = true;
        continue;
      }
      ++stats->documents_in;
      stats->bytes_in += doc.stats.input_bytes;
      if (learning) learner.Observe(doc);
      options.strip.site_furniture = site_evidence ? evidence.FurnitureOf(doc) : nullptr;
      doc = ApplyStages(std::move(doc), config.stages, options);
      if (Status s = doc.problem(); !s.ok()) {  // A stage could not do its work (document.h).
        reporter.Error(s.At(name, 0));
        failed = true;
        continue;
      }
      buffer.clear();
      switch (config.output_kind) {
        case OutputKind::kStream:
          WriteStreamRecord(doc, &buffer);
          break;
        case OutputKind::kEmit:
          EmitDocument(doc, config.options.emit, &buffer);
          break;
        case OutputKind::kFingerprints:
          AppendFingerprints(doc, config.options.dedup.min_words, &buffer);
          break;
        case OutputKind::kChanges:
          AppendChangeRecord(doc, config.manifest, &buffer);
          break;
      }
      if (out_dir) {
        std::string path = config.out_dir + "/" + OutDirFileName(doc.id);
        path += io::CompressionSuffix(config.compression);
        auto [it, first] = written.emplace(path, doc.id);
        Status s = Status::Ok();
        if (!first) {
          s = Status::InvalidInput(it->second == doc.id
                                       ? fmt::format("document \"{}\" comes twice; the file holds the first", doc.id)
                                       : fmt::format("documents \"{}\" and \"{}\" have the same file name; it "
                                                     "holds the first",
                                                     it->second, doc.id))
                  .At(path, 0);
        } else {
          s = WriteToOutDir(path, buffer, config.compression);
        }
        if (s.ok()) {
          ++stats->documents_out;
          stats->bytes_out += buffer.size();
        }
        if (!s.ok()) {
          reporter.Error(s);
          failed = true;
        }
        continue;
      }
      if (Status s = output.Write(buffer); !s.ok()) {
        ExitCode code = undelivered(s);
        output.Abort();
        return code;
      }
      ++stats->documents_out;
      stats->bytes_out += buffer.size();
    }
    const auto& skipped = reader.warc_skipped_total();
    for (std::size_t i = 1; i < skipped.size(); ++i) stats->records_skipped[i - 1].second = skipped[i];
  }
  // Every file is prepared (written to its temporary copy and synced)
  // before any is renamed, so a failure up to then (a full disk) leaves the
  // output and every state file as they were.
  if (Status s = output.Prepare(); !s.ok()) return undelivered(s);
  io::Output state_out[3];
  std::size_t states = 0;
  auto prepare = [&](const std::string& path, const std::string& text) {
    io::Output& out = state_out[states++];
    Status s = out.Open(path);
    if (s.ok()) s = out.Write(text);
    if (s.ok()) s = out.Prepare();
    return s;
  };
  Status prepared = Status::Ok();
  if (learning) prepared = prepare(config.learn_profile, learner.Build().Serialize());
  if (prepared.ok() && manifest) prepared = prepare(config.manifest_path, config.manifest->Serialize());
  if (prepared.ok() && ledger) prepared = prepare(config.state_path, config.options.dedup.ledger->Serialize());
  if (!prepared.ok()) {
    reporter.Error(prepared);
    std::vector<std::string> kept = state_files;
    if (output.replaces()) kept.insert(kept.begin(), config.output);
    if (kept.size() > 1) {
      reporter.Error(Status::IoError(fmt::format("nothing was replaced: {} left unchanged", JoinNames(kept)))
                         .At(prepared.source(), 0));
    }
    return ExitCode::kDataError;
  }
  // The output first: if a rename after it failed, a state file that stays
  // behind only makes the next run redo work; one that moved ahead of its
  // output would lose the changes it recorded. Signals wait until all are
  // renamed.
  io::SignalsHeld held;
  if (Status s = output.Commit(); !s.ok()) {
    reporter.Error(s);
    return ExitCode::kDataError;
  }
  for (std::size_t i = 0; i < states; ++i) {
    if (Status s = state_out[i].Commit(); !s.ok()) {
      reporter.Error(s);
      return ExitCode::kDataError;
    }
  }
  return failed ? ExitCode::kDataError : ExitCode::kOk;
}

}  // namespace

ExitCode Run(const RunConfig& config, Reporter& reporter) {
  const auto start = std::chrono::steady_clock::now();
  RunStats local;
  RunStats* stats = config.stats != nullptr ? config.stats : &local;
  *stats = RunStats{};
  for (int i = 1; i < io::kWarcSkipKinds; ++i) {
    stats->records_skipped.emplace_back(io::WarcSkipKey(static_cast<io::WarcSkip>(i)), 0);
  }
  CountingReporter counting(reporter, stats);
  ExitCode code = RunInputs(config, counting, stats);
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return code;
}

Status SaveRunStats(const RunStats& stats, const std::string& path) {
  return WriteFileAtomically(path, RunStatsJson(stats));
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
