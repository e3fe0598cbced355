#include "pagewash/pipeline.h"

#include <fmt/format.h>

#include "io/input.h"
#include "io/output.h"
#include "pagewash/json.h"
#include "pagewash/ledger.h"

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
  std::string name;
  for (char c : id) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                c == '-' || c == '_';
    name.push_back(safe ? c : '_');
  }
  if (name.empty() || name.front() == '.') name.insert(name.begin(), '_');
  return name + ".json";
}

namespace {

// Writes one document to DIR/NAME.json, replaced atomically.
Status WriteToOutDir(const std::string& dir, std::string_view id, std::string_view json) {
  io::Output file;
  std::string path = dir + "/" + OutDirFileName(id);
  if (Status s = file.Open(path); !s.ok()) return s;
  if (Status s = file.Write(json); !s.ok()) return s;
  return file.Commit();
}

}  // namespace

ExitCode Run(const RunConfig& config, Reporter& reporter) {
  io::Output output;
  if (Status s = output.Open(config.output); !s.ok()) {
    reporter.Error(s);
    return ExitCode::kDataError;
  }
  bool failed = false;
  std::vector<std::string> inputs = config.inputs;
  if (inputs.empty()) inputs.emplace_back("-");
  io::InputReader reader(config.input);
  SiteProfile::Learner learner(config.learn);
  const bool learning = !config.learn_profile.empty();
  Document doc;
  std::string buffer;
  for (const std::string& name : inputs) {
    if (Status s = reader.Open(name); !s.ok()) {
      reporter.Error(s);
      failed = true;
      continue;
    }
    while (true) {
      io::InputReader::Next next = reader.Read(&doc);
      if (next.status == io::InputReader::kEnd) break;
      if (!next.warning.ok()) reporter.Warning(next.warning);
      if (next.status == io::InputReader::kError) {
        reporter.Error(next.error);
        failed = true;
        continue;
      }
      if (learning) learner.Observe(doc);
      doc = ApplyStages(std::move(doc), config.stages, config.options);
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
        case OutputKind::kChanges: {
          DocumentHashes now = ComputeHashes(doc);
          AppendChangeRecord(doc, now, config.manifest->Find(doc.id), &buffer);
          config.manifest->Put(std::move(now));
          break;
        }
      }
      if (!config.out_dir.empty() && config.output_kind == OutputKind::kEmit) {
        if (Status s = WriteToOutDir(config.out_dir, doc.id, buffer); !s.ok()) {
          reporter.Error(s);
          failed = true;
        }
        continue;
      }
      if (Status s = output.Write(buffer); !s.ok()) {
        if (output.broken_pipe()) return ExitCode::kOk;  // The reader left: not an error.
        reporter.Error(s);
        output.Abort();
        return ExitCode::kDataError;
      }
    }
  }
  if (Status s = output.Commit(); !s.ok()) {
    if (output.broken_pipe()) return ExitCode::kOk;
    reporter.Error(s);
    return ExitCode::kDataError;
  }
  if (config.output_kind == OutputKind::kChanges && config.manifest != nullptr) {
    if (Status s = SaveManifest(*config.manifest, config.manifest_path); !s.ok()) {
      reporter.Error(s);
      return ExitCode::kDataError;
    }
  }
  if (!config.state_path.empty() && config.options.dedup.ledger != nullptr) {
    if (Status s = SaveLedger(*config.options.dedup.ledger, config.state_path); !s.ok()) {
      reporter.Error(s);
      return ExitCode::kDataError;
    }
  }
  if (learning) {
    if (Status s = SaveProfile(learner.Build(), config.learn_profile); !s.ok()) {
      reporter.Error(s);
      return ExitCode::kDataError;
    }
  }
  return failed ? ExitCode::kDataError : ExitCode::kOk;
}

}  // namespace pagewash
