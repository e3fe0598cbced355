#include "cli_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <thread>
#include <utility>

#include <unistd.h>

#include "pagewash/emit.h"
#include "pagewash/text_input.h"

namespace pagewash::cli {
namespace {

Status UsageError(std::string message) { return Status::InvalidArgument(std::move(message)); }

// --fields LIST: the OutputField bits of the names in LIST. Each name must be
// a top-level field of the JSON output; what the run would add to a field
// left out (--signals, --explain's removals) is an error rather than lost.
Status ParseFields(std::string_view list, const ParsedFlags& a, std::uint32_t* fields) {
  if (a.format != "json") return UsageError("--fields picks fields of the JSON output: leave out --format");
  if (!a.changes_since.empty()) return UsageError("--changes-since writes a change feed: leave out --fields");
  std::uint32_t bits = 0;
  bool any = false;
  while (true) {
    const std::size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) {
      std::uint32_t bit = 0;
      if (!OutputFieldBit(name, &bit)) {
        return UsageError(fmt::format("--fields: no output field '{}' (the fields: {})", name, OutputFieldNames()));
      }
      bits |= bit;
      any = true;
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  if (!any) return UsageError(fmt::format("--fields needs at least one field name, of: {}", OutputFieldNames()));
  if (a.signals && (bits & kFieldMetadata) == 0) {
    return UsageError("--signals adds metadata.signals: add metadata to --fields, or leave out --signals");
  }
  if (a.explain && (bits & kFieldRemoved) == 0) {
    return UsageError("--explain adds the removed field: add removed to --fields, or leave out --explain");
  }
  *fields = bits;
  return Status::Ok();
}

}  // namespace

Environment CurrentEnvironment() {
  return Environment{.stdin_terminal = ::isatty(0) == 1,
                     .stderr_terminal = ::isatty(2) == 1,
                     .cores = std::max(1u, std::thread::hardware_concurrency())};
}

bool ParseShardSize(const std::string& text, std::uint64_t* documents, std::uint64_t* bytes) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 12) return false;
  const std::uint64_t n = std::stoull(text.substr(0, digits));
  if (n == 0) return false;
  const std::string unit = text.substr(digits);
  if (unit.empty()) {
    *documents = n;
    return true;
  }
  int shift = 0;
  if (unit == "K" || unit == "k") {
    shift = 10;
  } else if (unit == "M") {
    shift = 20;
  } else if (unit == "G") {
    shift = 30;
  } else {
    return false;
  }
  *bytes = n << shift;
  return true;
}

Result<RunPlan> Validate(const CommandSpec& spec, const ParsedFlags& a, const Environment& env) {
  RunPlan plan;
  RunConfig& config = plan.config;
  config.inputs = a.inputs;
  if (!a.glob.empty() && !a.recursive) return UsageError("--glob picks files in directories: add -r");
  if (!a.id.empty() && a.recursive) return UsageError("--id names one page: not with -r");
  config.recursive = a.recursive;
  config.glob = a.glob;
  config.output = a.output;
  if (a.compress == "gz") {
    config.compression = OutputCompression::kGzip;
  } else if (a.compress == "zst") {
    config.compression = OutputCompression::kZstd;
  } else if (!a.compress.empty()) {
    return UsageError(fmt::format("--compress must be gz or zst, not '{}'", a.compress));
  } else {
    config.compression = CompressionForOutputName(a.output);
  }
  config.input.id = a.id;
  if (a.input_format == "auto") {
    config.input.format = InputFormat::kAuto;
  } else if (a.input_format == "text") {
    config.input.format = InputFormat::kText;
  } else if (a.input_format == "jsonl") {
    config.input.format = InputFormat::kJsonl;
  } else {
    return UsageError(fmt::format("--input-format must be auto, text or jsonl, not '{}'", a.input_format));
  }
  if (a.text_key.empty()) return UsageError("--text-key needs a field name");
  config.input.text_key = a.text_key;
  if (!a.encoding.empty()) {
    if (Status s = CheckEncodingName(a.encoding); !s.ok()) return UsageError("--encoding: " + s.message());
  }
  config.input.encoding = a.encoding;
  if (a.max_doc_bytes < 1 || a.max_doc_bytes > kMaxDocumentBytesLimit) {
    return UsageError(fmt::format("--max-doc-bytes must be from 1 to {}", kMaxDocumentBytesLimit));
  }
  config.input.max_document_bytes = a.max_doc_bytes;
  if (!a.id.empty() && a.inputs.size() > 1) return UsageError("--id names one page: give at most one input");
  if (a.format == "json") {
    config.options.emit.format = OutputFormat::kJson;
  } else if (a.format == "markdown") {
    config.options.emit.format = OutputFormat::kMarkdown;
  } else if (a.format == "text") {
    config.options.emit.format = OutputFormat::kText;
  } else if (a.format == "diff") {
    config.options.emit.format = OutputFormat::kDiff;
  } else {
    return UsageError(fmt::format("--format must be json, markdown, text or diff, not '{}'", a.format));
  }
  // Every count is at least 1; the bound keeps a typo from meaning "never".
  for (auto [value, name] : {std::pair{a.min_words, "min-words"}, std::pair{a.max_heading_words, "max-heading-words"},
                             std::pair{a.learn_min_pages, "learn-min-pages"}}) {
    if (value < 1 || value > 1000000) {
      return UsageError(fmt::format("the argument ('{}') for option '--{}' is invalid", value, name));
    }
  }
  if (a.jobs.empty()) {
    // Reading a terminal, a document is written as soon as it is typed,
    // not when the next ones have come to fill the window.
    const bool terminal = std::any_of(a.inputs.begin(), a.inputs.end(), [](const std::string& i) { return i == "-"; }) ||
                          a.inputs.empty();
    config.jobs = terminal && env.stdin_terminal ? 1 : std::max(1u, env.cores);
  } else {
    std::size_t digits = a.jobs.find_first_not_of("0123456789");
    if (digits != std::string::npos || a.jobs.size() > 4 || std::stoul(a.jobs) < 1 || std::stoul(a.jobs) > 1024) {
      return UsageError(fmt::format("--jobs must be a whole number from 1 to 1024, not '{}'", a.jobs));
    }
    config.jobs = std::stoul(a.jobs);
  }
  const NamedFile files[] = {{"-o", a.output},
                             {"--state", a.state},
                             {"--changes-since", a.changes_since},
                             {"--learn", a.learn},
                             {"--stats-json", a.stats_json}};
  if (Status s = CheckDistinctFiles(files); !s.ok()) return UsageError(s.message());
  // A file a document is pretty JSON; a shard is JSON Lines.
  config.options.emit.pretty = a.pretty || (!a.out_dir.empty() && a.shard_size.empty());
  config.options.emit.signals = a.signals;
  if (a.fields.has_value()) {
    if (Status s = ParseFields(*a.fields, a, &config.options.emit.fields); !s.ok()) return s;
  }
  if (!a.out_dir.empty() && !a.changes_since.empty()) {
    return UsageError("--out-dir and --changes-since do not go together");
  }
  if (!a.out_dir.empty() && a.shard_size.empty() && config.options.emit.format != OutputFormat::kJson) {
    return UsageError("--out-dir writes JSON: leave out --format (or write shards, --shard-size)");
  }
  // The change feed is JSON Lines of its own: a format asked for would be
  // silently ignored.
  if (!a.changes_since.empty() && (config.options.emit.format != OutputFormat::kJson || a.pretty || a.signals)) {
    return UsageError("--changes-since writes a change feed: leave out --format, --pretty and --signals");
  }
  if (!a.shard_size.empty()) {
    if (!ParseShardSize(a.shard_size, &config.shard_documents, &config.shard_bytes)) {
      return UsageError(fmt::format("--shard-size must be a number of documents, or of bytes with K, M or G "
                                    "(64M), not '{}'",
                                    a.shard_size));
    }
    if (a.out_dir.empty()) return UsageError("--shard-size needs --out-dir DIR, where the shards go");
    if (!a.output.empty()) return UsageError("--shard-size writes the shards into --out-dir: leave out -o");
    if (a.pretty) return UsageError("--shard-size writes JSON Lines: leave out --pretty");
  }
  config.out_dir = a.out_dir;
  config.options.strip.explain = a.explain;
  config.options.strip.content_model = !a.no_content_model;
  if (a.favor == "precision") {
    config.options.strip.favor = Favor::kPrecision;
  } else if (a.favor == "recall") {
    config.options.strip.favor = Favor::kRecall;
  } else if (a.favor != "balanced") {
    return UsageError(fmt::format("--favor must be precision, balanced or recall, not '{}'", a.favor));
  }
  if (a.site_from == "url") {
    config.site_from = SiteFrom::kUrl;
  } else if (a.site_from == "dir") {
    config.site_from = SiteFrom::kDir;
  } else if (a.site_from == "none") {
    config.site_from = SiteFrom::kNone;
  } else {
    return UsageError(fmt::format("--site-from must be url, dir or none, not '{}'", a.site_from));
  }
  config.options.dedup.explain = a.explain;
  config.options.dedup.min_words = static_cast<std::size_t>(a.min_words);
  if (a.scope != "document" && a.scope != "stream") {
    return UsageError(fmt::format("--scope must be document or stream, not '{}'", a.scope));
  }
  if (!(a.near_threshold >= 0 && a.near_threshold <= 1)) {
    return UsageError(fmt::format("--near-threshold must be from 0 to 1, not {}", a.near_threshold));
  }
  config.options.dedup.near_threshold = a.near_threshold;
  // --state implies --scope stream: the ledger takes the index's place.
  if (a.scope == "stream" || !a.state.empty()) config.options.dedup.scope = DedupScope::kStream;
  plan.stream_index = a.scope == "stream";
  plan.audit = a.explain;
  plan.changes_since = a.changes_since;
  config.manifest_path = a.changes_since;
  plan.state = a.state;
  config.state_path = a.state;
  plan.drop_list = a.drop_list;
  plan.rules = a.rules;
  plan.profile = a.profile;
  config.options.segment.max_heading_words = static_cast<std::size_t>(a.max_heading_words);
  config.learn_profile = a.learn;
  config.learn.min_pages = static_cast<std::size_t>(a.learn_min_pages);
  for (std::string_view name : spec.stages) config.stages.push_back(FindStage(name));
  config.output_kind = spec.output;
  if (!a.changes_since.empty()) config.output_kind = OutputKind::kChanges;
  if (a.fingerprints) {
    // Positions are the input's: list them without deduplicating first.
    config.stages.clear();
    config.output_kind = OutputKind::kFingerprints;
  }
  if (a.progress && a.no_progress) return UsageError("--progress and --no-progress: give one");
  if (a.progress) {
    plan.progress = ProgressMode::kForced;
  } else if (!a.no_progress && env.stderr_terminal) {
    plan.progress = ProgressMode::kTerminal;
  }
  plan.stats_json = a.stats_json;
  plan.dedup_stats = a.stats;
  return plan;
}

std::string DedupStatsLine(const DedupCounters& c) {
  return fmt::format(
      "pagewash: stats: {} documents, {} paragraphs in, {} out, {} exact duplicates, {} near duplicates, {} "
      "from the drop list\n",
      c.documents, c.units_in, c.units_out, c.exact, c.near, c.dropped_by_list);
}

}  // namespace pagewash::cli
