// The flags of a pagewash command, and their validation into a run plan.
//
// RunCommand (cli.cc) goes through four steps: declare the options and
// parse the command line and config file into ParsedFlags (Boost), check
// them into a RunPlan here, load the files the plan names (rules, profile,
// drop list, ledger, manifest) and run it, then print the stats. Validate
// reads no file but to compare the names of the files given (-o, --state,
// ...), so each usage error has a unit test (tests/tools/cli_options_test.cc).
#ifndef PAGEWASH_TOOLS_CLI_OPTIONS_H_
#define PAGEWASH_TOOLS_CLI_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "distinct_files.h"
#include "pagewash/dedup.h"
#include "pagewash/io_options.h"
#include "pagewash/pipeline.h"
#include "pagewash/profile.h"
#include "pagewash/result.h"
#include "pagewash/segment.h"

namespace pagewash::cli {

/// What a subcommand is: the stages it folds and the option groups it takes.
/// The command table (tools/pagewash.cc) names each field.
struct CommandSpec {
  std::string_view name = {};
  std::string_view summary = {};
  std::string_view description = {};  ///< For --help.
  std::vector<std::string_view> stages = {};  ///< Stages folded, in order.
  OutputKind output = OutputKind::kStream;
  bool strip_options = false;
  bool dedup_options = false;
  bool segment_options = false;
  bool emit_options = false;
};

/// Raw flag values as parsed, before validation; defaults are the
/// library's. Counts are signed, so that "-1" is refused rather than
/// wrapped to a huge count.
struct ParsedFlags {
  std::vector<std::string> inputs;
  bool recursive = false;
  std::string glob;
  std::string input_format = "auto";
  std::string id;
  std::string text_key = InputOptions{}.text_key;
  std::string encoding;
  std::size_t max_doc_bytes = InputOptions{}.max_document_bytes;
  std::string output;
  std::string compress;
  std::string stats_json;
  std::vector<std::string> rules;
  std::string learn;
  std::string profile;
  long long learn_min_pages = static_cast<long long>(LearnOptions{}.min_pages);
  bool explain = false;
  std::string favor = "balanced";
  bool no_content_model = false;
  std::string site_from = "url";
  long long min_words = static_cast<long long>(DedupOptions{}.min_words);
  long long max_heading_words = static_cast<long long>(SegmentOptions{}.max_heading_words);
  std::string scope = "document";
  double near_threshold = DedupOptions{}.near_threshold;
  bool stats = false;
  bool fingerprints = false;
  std::string drop_list;
  std::string state;
  std::string format = "json";
  bool pretty = false;
  bool signals = false;
  std::optional<std::string> fields;  ///< --fields LIST; absent: all.
  std::string changes_since;
  std::string out_dir;
  std::string shard_size;
  std::string jobs;
  bool progress = false;
  bool no_progress = false;
  std::string config;
};

/// What Validate reads of the process's surroundings, so that tests can
/// set it.
struct Environment {
  bool stdin_terminal = false;
  bool stderr_terminal = false;
  unsigned cores = 1;  ///< std::thread::hardware_concurrency(), at least 1.
};

/// The process's own: isatty(0), isatty(2) and the cores.
Environment CurrentEnvironment();

enum class ProgressMode {
  kOff,
  kTerminal,  ///< On a terminal: shown once the run is longer than half a second.
  kForced,    ///< --progress: shown whatever standard error is.
};

/// A checked command line: the run's configuration, without what must be
/// loaded from files (LoadResources fills in the pointers), and what to do
/// around the run.
struct RunPlan {
  RunConfig config;
  /// --scope stream or --state: dedup keeps state across documents; a
  /// seen index is needed for --scope stream (audited with --explain).
  bool stream_index = false;
  bool audit = false;
  std::string changes_since;  ///< The manifest to load; empty: none.
  std::string state;          ///< The ledger to load; empty: none.
  std::string drop_list;      ///< The drop list to load; empty: none.
  std::vector<std::string> rules;  ///< --rules files.
  std::string profile;             ///< --profile.
  std::string stats_json;
  bool dedup_stats = false;  ///< --stats.
  ProgressMode progress = ProgressMode::kOff;
};

/// Checks `flags` for `spec` into a plan. A usage error is InvalidArgument
/// with the message printed after "pagewash: error: COMMAND: " (checked in
/// the order a user meets them: the first one found is the one reported).
Result<RunPlan> Validate(const CommandSpec& spec, const ParsedFlags& flags, const Environment& env);

/// A --shard-size: N documents, or a size with K, M or G (KiB, MiB, GiB).
/// False when it is neither.
bool ParseShardSize(const std::string& text, std::uint64_t* documents, std::uint64_t* bytes);

/// The line --stats prints to standard error, with its newline.
std::string DedupStatsLine(const DedupCounters& counters);

}  // namespace pagewash::cli

#endif  // PAGEWASH_TOOLS_CLI_OPTIONS_H_
