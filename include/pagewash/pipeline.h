// The pipeline: the stage table, the fold over it, and the driver that reads
// inputs, runs stages and writes output.
//
// `pagewash clean` and each filter are the same driver over a different
// slice of one stage table: clean folds strip, dedup and segment and then
// emits; `pagewash dedup` folds dedup alone and writes the stream. Because
// the stream carries everything a stage reads, the piped chain and clean
// give the same bytes.
//
// The driver reaches every file through a FileSystem (file_system.h): the
// names in RunConfig are the file system's to resolve, so a test runs the
// driver in memory. What a run's outcome means to a process (its exit
// code) is the command line's (tools/).
#ifndef PAGEWASH_PIPELINE_H_
#define PAGEWASH_PIPELINE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pagewash/dedup.h"
#include "pagewash/document.h"
#include "pagewash/emit.h"
#include "pagewash/file_system.h"
#include "pagewash/io_options.h"
#include "pagewash/manifest.h"
#include "pagewash/profile.h"
#include "pagewash/result.h"
#include "pagewash/segment.h"
#include "pagewash/strip.h"

namespace pagewash {

/// The options of every stage; each stage reads its own.
struct PipelineOptions {
  StripOptions strip;
  DedupOptions dedup;
  SegmentOptions segment;
  EmitOptions emit;
};

/// What the stages read and write across the documents of a run, apart from
/// their options: only dedup has any. Nothing in it is owned.
struct PipelineState {
  DedupState dedup;
};

/// A document-to-document stage: its options, and the run's state for the
/// stages that keep one.
struct Stage {
  std::string_view name;
  Document (*apply)(Document, const PipelineOptions&, const PipelineState&);
};

/// strip, dedup and segment, in pipeline order.
std::span<const Stage> TransformStages();

/// The stage called `name`, or nullptr.
const Stage* FindStage(std::string_view name);

/// Applies `stages` to `doc` in order: the fold every command shares.
/// REQUIRES: with dedup among `stages`, ValidateDedup(options.dedup, state.dedup).ok().
Document ApplyStages(Document doc, std::span<const Stage* const> stages, const PipelineOptions& options,
                     const PipelineState& state = {});

/// How far a run has got, for a progress meter.
struct RunProgress {
  std::uint64_t documents = 0;    ///< Documents written.
  std::uint64_t bytes_in = 0;     ///< Bytes of the documents read (decompressed).
  /// Bytes of the inputs read, as stored (compressed bytes for a compressed
  /// file), and their total size; `stored_total` is 0 when it is not known
  /// (standard input, a pipe).
  std::uint64_t stored_read = 0;
  std::uint64_t stored_total = 0;
  double seconds = 0;  ///< Since the run began.
};

/// Where diagnostics go. The library never prints; the CLI implements this.
/// Every call comes from the thread that called Run, in input order.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Input that could not be processed; the run ends with RunStatus::kDataError.
  virtual void Error(const Status& status) = 0;
  /// Input that was repaired (invalid UTF-8); the run's status is unaffected.
  virtual void Warning(const Status& status) = 0;
  /// Called after each item of input is done (often: rate-limit the display),
  /// and once with `done` set when the run ends.
  virtual void Progress(const RunProgress& progress, bool done) {
    (void)progress;
    (void)done;
  }
};

enum class OutputKind {
  kStream,        ///< JSON Lines for the next stage.
  kEmit,          ///< The final form (EmitOptions::format).
  kFingerprints,  ///< One line per paragraph (AppendFingerprints in dedup.h).
  kChanges,       ///< One change record per document against RunConfig::manifest.
};

/// What a run did: its counters, for --stats-json.
struct RunStats {
  std::uint64_t inputs = 0;         ///< Inputs opened (files, or standard input).
  std::uint64_t documents_in = 0;   ///< Documents read.
  std::uint64_t documents_out = 0;  ///< Documents written.
  std::uint64_t bytes_in = 0;       ///< Bytes of the documents read, as read (decompressed).
  std::uint64_t bytes_out = 0;      ///< Bytes written, before any compression.
  std::uint64_t errors = 0;         ///< Errors reported (inputs, documents, output).
  std::uint64_t warnings = 0;       ///< Warnings reported.
  /// WARC records that held no text page, by why: ("warcinfo", n), ...,
  /// ("html", n), every kind listed, in a fixed order.
  std::vector<std::pair<std::string, std::uint64_t>> records_skipped;
  double seconds = 0;               ///< Wall-clock time of the run.
};

/// `stats` as one JSON object on one line:
/// {"inputs":1,"documents_in":2,...,"records_skipped":{"warcinfo":1,...},"seconds":0.012}
std::string RunStatsJson(const RunStats& stats);

/// How a run ended.
enum class RunStatus {
  kOk,  ///< Every input went through.
  /// Some input could not be read or processed, or the output could not be
  /// written; the other inputs went through.
  kDataError,
  kUsage,  ///< The run was set up wrong (a dedup stage without its state); nothing was read.
};

/// What Run returns: how it ended, and its counters.
struct RunOutcome {
  RunStatus status = RunStatus::kOk;
  RunStats stats;
  bool ok() const { return status == RunStatus::kOk; }
};

/// One run of the driver. Its file names are resolved by the FileSystem
/// given to Run.
struct RunConfig {
  std::vector<std::string> inputs;  ///< File names; "-" or none is stdin.
  /// A directory among `inputs` is read as the regular files under it,
  /// sorted by path, when set; else it is an error (io/walk.h).
  bool recursive = false;
  /// With `recursive`: only files whose name matches this fnmatch pattern
  /// ("*.warc.gz"); empty: every file.
  std::string glob;
  InputOptions input;
  std::string output;               ///< File written atomically; empty or "-": stdout.
  /// Compresses the output (standard output too) and, under out_dir, each
  /// file, which then gets the suffix ".gz" or ".zst".
  OutputCompression compression = OutputCompression::kNone;
  std::vector<const Stage*> stages;
  OutputKind output_kind = OutputKind::kStream;
  PipelineOptions options;
  /// The stages' state for the run: dedup's seen index (required with
  /// --scope stream unless there is a ledger), ledger and counters. Run
  /// refuses (RunStatus::kUsage, reported) a dedup stage without what it requires.
  PipelineState state;
  /// When set, every input page is also watched and the profile of its
  /// repeated lines is written here (atomically) when the run ends.
  std::string learn_profile;
  LearnOptions learn;
  /// When set (with state.dedup.ledger), the ledger is written here
  /// (atomically) once the output has been written in full. Lock it
  /// (StateLock) before loading it, for the whole run.
  std::string state_path;
  /// kChanges: the manifest of the earlier run (updated as documents go
  /// by) and where to write it back once the output is written in full.
  Manifest* manifest = nullptr;
  std::string manifest_path;
  /// kEmit: write each document to DIR/ID.json (pretty JSON, atomically)
  /// instead of standard output.
  std::string out_dir;
  /// With out_dir: when either is set, write the output in shards instead,
  /// DIR/part-00000.jsonl, part-00001.jsonl, ... (ShardFileName), each
  /// replaced atomically when it is full: at most `shard_documents`
  /// documents a shard, or as many as fit in `shard_bytes` bytes (before
  /// compression; a larger document gets a shard of its own). Shards left
  /// in DIR by an earlier run, numbered after the last one written, are
  /// removed.
  std::uint64_t shard_documents = 0;
  std::uint64_t shard_bytes = 0;
  /// Documents cleaned at once. 1 runs everything on the calling thread;
  /// N > 1 runs the work of each document that reads nothing but the
  /// document on N threads, and the rest (reading, the stream index, the
  /// ledger, the manifest, the output) on the calling thread in input order:
  /// the output is the same bytes for every N. At most 4 N documents are in
  /// memory at once.
  std::size_t jobs = 1;
  /// When strip runs and every input is a file, a first pass finds each
  /// site's furniture (site_evidence.h) for strip to remove. kNone: none.
  SiteFrom site_from = SiteFrom::kUrl;
};

/// The file name a document gets under --out-dir: an id of letters, digits,
/// '.', '-' and '_' of at most 200 bytes, not starting with '.', is its own
/// name, plus ".json". Any other id has every other character made '_', a
/// leading '_' before a '.', is cut to 183 bytes, and gets '-' and the 16
/// hex digits of the XXH3 of the whole id: "a/b" and "a?b" get different
/// names, and the same id always gets the same one.
std::string OutDirFileName(std::string_view id);

/// The name of shard `index` under --out-dir with --shard-size:
/// "part-00000.jsonl" (".md", ".txt" or ".diff" for the other formats), and
/// ".gz" or ".zst" when compressed.
std::string ShardFileName(std::size_t index, OutputFormat format, OutputCompression compression);

/// The compression an output file's name asks for: ".gz" gzip, ".zst"
/// zstd, anything else none.
OutputCompression CompressionForOutputName(std::string_view path);

/// Reads every input, one document at a time, applies the stages and writes
/// each result. Errors in one input or record are reported and skipped; the
/// others go through. An output file is replaced only when the run ends,
/// and a run that cannot write leaves it untouched.
///
/// The output and the state files (learn_profile, manifest_path,
/// state_path) change together: each is written to a temporary copy and
/// synced, and only when all are ready are they renamed into place, the
/// output first. An output not delivered in full (a write error, or EPIPE:
/// its reader closed it) leaves every state file unchanged and gives
/// kDataError; EPIPE with no state file to keep gives kOk.
///
/// Every file is reached through `fs`: RealFileSystem() for the real one.
RunOutcome Run(const RunConfig& config, FileSystem& fs, Reporter& reporter);

}  // namespace pagewash

#endif  // PAGEWASH_PIPELINE_H_
