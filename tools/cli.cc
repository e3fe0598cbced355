#include "cli.h"

#include "help_format.h"
#include "pagewash/files.h"
#include "pagewash/state_lock.h"
#include "version.h"

#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "pagewash/text_input.h"

namespace po = boost::program_options;

namespace pagewash::cli {
namespace {

// Errors and warnings on standard error, and, when asked, a progress line
// that is redrawn in place a few times a second: it is cleared before any
// other message, so that none is printed into the middle of it, and when
// the run ends.
class StderrReporter : public Reporter {
 public:
  explicit StderrReporter(ProgressMode progress = ProgressMode::kOff) : progress_(progress) {}
  void Error(const Status& status) override {
    ClearProgress();
    std::fprintf(stderr, "pagewash: error: %s\n", status.ToString().c_str());
  }
  void Warning(const Status& status) override {
    ClearProgress();
    std::fprintf(stderr, "pagewash: warning: %s\n", status.ToString().c_str());
  }
  void Progress(const RunProgress& p, bool done) override {
    if (progress_ == ProgressMode::kOff) return;
    if (done) {
      ClearProgress();
      return;
    }
    // On a terminal, a run too short to watch shows nothing.
    if (progress_ == ProgressMode::kTerminal && p.seconds < 0.5) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double mb = static_cast<double>(p.bytes_in) / 1e6;
    std::string line = fmt::format("pagewash: {} documents, {:.1f} MB, {:.1f} MB/s", p.documents, mb,
                                   p.seconds > 0 ? mb / p.seconds : 0.0);
    if (p.stored_total > 0 && p.stored_read > 0) {
      const double share = std::min(1.0, static_cast<double>(p.stored_read) / static_cast<double>(p.stored_total));
      const auto eta = static_cast<long long>(p.seconds * (1 - share) / share + 0.5);
      line += fmt::format(", {:.0f}%, ETA {}:{:02d}:{:02d}", share * 100, eta / 3600, eta / 60 % 60, eta % 60);
    }
    // "\r" and "erase to the end of the line": the line is redrawn in place.
    std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    std::fflush(stderr);
    shown_ = true;
  }

 private:
  void ClearProgress() {
    if (!shown_) return;
    std::fputs("\r\x1b[K", stderr);
    shown_ = false;
  }

  ProgressMode progress_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

// Where each option read from a config file was set ("FILE:LINE"), so that
// a value refused after parsing names its line, not only its option.
std::map<std::string, std::string> config_origins;

// Every message starts "pagewash: error:" (README); the command comes next,
// so that a script can tell which of a pipeline's stages refused its flags.
int Usage(const CommandSpec& spec, std::string message) {
  for (const auto& [name, where] : config_origins) {
    std::string flag = "--" + name;
    for (std::size_t at = message.find(flag); at != std::string::npos; at = message.find(flag, at + 1)) {
      char next = at + flag.size() < message.size() ? message[at + flag.size()] : ' ';
      if (next != '-' && (next < 'a' || next > 'z')) {
        message += " (set in " + where + ")";
        break;
      }
    }
  }
  std::fprintf(stderr, "pagewash: error: %s: %s\nsee 'pagewash %s --help'\n", std::string(spec.name).c_str(),
               message.c_str(), std::string(spec.name).c_str());
  return static_cast<int>(ExitCode::kUsage);
}

// A config file may set any option but these, which only make sense typed.
bool FileMaySet(const std::string& name) { return name != "help" && name != "version" && name != "config"; }

// The options of a command, bound to the fields of a ParsedFlags.
struct CommandOptions {
  po::options_description common{"Options"};
  po::options_description stage{"Stage options"};
  po::options_description all;
  po::positional_options_description positional;
};

void DeclareOptions(const CommandSpec& spec, ParsedFlags* flags, CommandOptions* out);

std::set<std::string> OptionNames(const CommandSpec& spec) {
  ParsedFlags flags;
  CommandOptions options;
  DeclareOptions(spec, &flags, &options);
  std::set<std::string> names;
  for (const auto& option : options.all.options()) {
    if (option->long_name() != "input") names.insert(option->long_name());
  }
  return names;
}

// The lines of `text` that hold a "name = value" setting, as Boost's config
// parser reads them (comments from '#', blank lines and [sections] skipped),
// so that the Nth option it returns can be named by its line. Empty when a
// line is neither: then `*bad_line` is its number.
std::vector<int> SettingLines(const std::string& text, int* bad_line) {
  std::vector<int> lines;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = line.substr(0, line.find('#'));
    std::size_t begin = line.find_first_not_of(" \t\r");
    if (begin == std::string::npos || line[begin] == '[') continue;
    if (line.find('=') == std::string::npos) {
      *bad_line = n;
      return {};
    }
    lines.push_back(n);
  }
  return lines;
}

// Stores the settings of the config file at `path` that apply to `spec`
// into `vm`, under those of the command line, which were stored first and
// so win. A setting before any section applies to every command that takes
// it; one in a [COMMAND] section only to that command. Returns an error
// message naming the file and line, or "".
// `given_by` says where the path came from, for when it cannot be read.
std::string StoreConfigFile(const std::string& path, std::string_view given_by, const CommandSpec& spec,
                            std::span<const CommandSpec> commands, const po::options_description& options,
                            po::variables_map& vm) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fmt::format("{}{}: {}", given_by, path, std::strerror(errno));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int bad_line = 0;
  std::vector<int> lines = SettingLines(text, &bad_line);
  if (bad_line != 0) return fmt::format("{}:{}: expected 'name = value'", path, bad_line);
  std::map<std::string_view, std::set<std::string>> taken_by;
  std::set<std::string> taken_by_any;
  for (const CommandSpec& c : commands) {
    taken_by[c.name] = OptionNames(c);
    taken_by_any.insert(taken_by[c.name].begin(), taken_by[c.name].end());
  }
  std::vector<po::option> settings;
  try {
    std::istringstream stream(text);
    settings = po::parse_config_file(stream, po::options_description(), /*allow_unregistered=*/true).options;
  } catch (const po::error& e) {
    return fmt::format("{}: {}", path, e.what());
  }
  // The command's own section goes first, so that its settings win over
  // those for every command.
  std::vector<std::size_t> order(settings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_partition(order.begin(), order.end(), [&](std::size_t i) {
    return settings[i].string_key.starts_with(std::string(spec.name) + ".");
  });
  std::set<std::string> set_by_section;
  for (std::size_t i : order) {
    std::string where = fmt::format("{}:{}", path, i < lines.size() ? lines[i] : 0);
    std::string name = settings[i].string_key;
    std::string section;
    if (std::size_t dot = name.rfind('.'); dot != std::string::npos) {
      section = name.substr(0, dot);
      name = name.substr(dot + 1);
    }
    const std::set<std::string>* allowed = &taken_by_any;
    if (!section.empty()) {
      auto it = taken_by.find(section);
      if (it == taken_by.end()) return fmt::format("{}: unknown section [{}]", where, section);
      allowed = &it->second;
    }
    if (!FileMaySet(name) || allowed->count(name) == 0) {
      return section.empty() ? fmt::format("{}: unknown option '{}'", where, name)
                             : fmt::format("{}: pagewash {} has no option '{}'", where, section, name);
    }
    if ((!section.empty() && section != spec.name) || taken_by[spec.name].count(name) == 0) continue;
    if (section.empty() && set_by_section.count(name) != 0) continue;
    if (!section.empty()) set_by_section.insert(name);
    // Boost would keep the first silently: a file that says two things in one
    // place is a mistake.
    if (auto seen = config_origins.find(name);
        seen != config_origins.end() && !options.find(name, false).semantic()->is_composing()) {
      return fmt::format("{}: '{}' is already set at {}", where, name, seen->second);
    }
    po::parsed_options one(&options);
    one.options.push_back(settings[i]);
    one.options.back().string_key = name;
    one.options.back().unregistered = false;  // Parsed without a description; now checked against ours.
    try {
      po::store(one, vm);
    } catch (const po::error& e) {
      return fmt::format("{}: {}", where, e.what());
    }
    config_origins[name] = where;
  }
  return "";
}

}  // namespace

std::string ExitStatusHelp(std::size_t width) {
  return "Exit status:\n" +
         FormatRows({{"  0", "every input went through"},
                     {"  1", "some input could not be read or processed (reported on stderr as "
                             "'pagewash: error: SOURCE:LINE: message'); the rest went through"},
                     {"  2", "usage error (bad option, or a rules file, profile or drop list that cannot be "
                             "read); nothing ran"}},
                    5, width);
}

namespace {

void DeclareOptions(const CommandSpec& spec, ParsedFlags* flags, CommandOptions* out) {
  ParsedFlags& a = *flags;
  po::options_description& common = out->common;
  common.add_options()
      ("help,h", "print this help and exit")
      ("version", "print the version and exit")
      ("config", po::value(&a.config)->value_name("FILE"),
       "read options from FILE ('name = value' lines, with the long names; a [COMMAND] section is "
       "for that command only); the command line wins (default: $PAGEWASH_CONFIG)")
      ("output,o", po::value(&a.output)->value_name("FILE"),
       "write to FILE, replaced atomically when the run ends (default: stdout); FILE.gz and "
       "FILE.zst are compressed")
      ("compress", po::value(&a.compress)->value_name("KIND"),
       "gz or zst: compress the output whatever its name (standard output too), or, with "
       "--out-dir, each file (ID.json.gz, ID.json.zst)")
      ("recursive,r", po::bool_switch(&a.recursive),
       "read a directory FILE as the regular files under it, at any depth, sorted by path "
       "(links to directories below it are not followed)")
      ("glob", po::value(&a.glob)->value_name("PATTERN"),
       "with -r: only the files whose name matches PATTERN ('*.warc.gz'; default: every file)")
      ("jobs,j", po::value(&a.jobs)->value_name("N"),
       "clean N documents at once, on N threads; the output is the same for every N (default: "
       "the cores available, 1 when reading standard input from a terminal)")
      ("progress", po::bool_switch(&a.progress),
       "show documents, MB, MB/s and the time left on stderr as the run goes (default: when "
       "stderr is a terminal)")
      ("no-progress", po::bool_switch(&a.no_progress), "show no progress, even on a terminal")
      ("stats-json", po::value(&a.stats_json)->value_name("FILE"),
       "when the run ends, write its counters to FILE as JSON: inputs, documents and bytes "
       "in and out, errors, warnings, WARC records skipped by kind, seconds")
      ("input-format", po::value(&a.input_format)->value_name("FMT"),
       "auto, text or jsonl (default auto: JSON Lines if the first line is a record with "
       "\"text\", else one raw page per input)")
      ("id", po::value(&a.id)->value_name("ID"),
       "id of a raw text page (one input only; default: its file name without extension; "
       "records of a JSON Lines input keep their own)")
      ("text-key", po::value(&a.text_key)->value_name("NAME"),
       "read a JSON Lines record's text from the field NAME (default text); a record without "
       "it is an error")
      ("encoding", po::value(&a.encoding)->value_name("NAME"),
       "read raw pages in encoding NAME (windows-1250, ISO-8859-2, KOI8-R, UTF-16LE, ...; "
       "default: detected for each page, reported in metadata.encoding when not UTF-8)")
      ("max-doc-bytes", po::value(&a.max_doc_bytes)->value_name("N"),
       fmt::format("a larger page or record is an error, reported and skipped (default {}, at most {})",
                   a.max_doc_bytes, kMaxDocumentBytesLimit).c_str())
      ("explain", po::bool_switch(&a.explain),
       "keep every removed piece in the stream with its rule and byte span; emit lists them");
  po::options_description& stage_opts = out->stage;
  if (spec.strip_options) {
    stage_opts.add_options()
        ("rules", po::value(&a.rules)->value_name("FILE")->composing(),
         "add the rules in FILE to the defaults (repeatable; format: src/rules/README.md)")
        ("learn", po::value(&a.learn)->value_name("PROFILE"),
         "also record the lines repeated on many of the input pages (one site's furniture) "
         "in PROFILE, written when the run ends")
        ("learn-min-pages", po::value(&a.learn_min_pages)->value_name("N"),
         "with --learn: a line must be on N pages and half of those seen (default 3)")
        ("profile", po::value(&a.profile)->value_name("PROFILE"),
         "remove every copy of the lines in PROFILE (made by --learn; a text file you can edit)")
        ("favor", po::value(&a.favor)->value_name("WHAT"),
         "precision, balanced (default) or recall: whether the content model rather removes "
         "too much or keeps too much")
        ("no-content-model", po::bool_switch(&a.no_content_model),
         "remove only what the phrase rules and the site profile name, not what the content "
         "model judges outside the main content")
        ("site-from", po::value(&a.site_from)->value_name("WHAT"),
         "url (default): pages whose url or source has the same host are one site; dir: pages "
         "in one directory are; none. The lines on most pages of a site in this run are its "
         "furniture and go (needs inputs that are files, read twice)");
  }
  if (spec.dedup_options) {
    stage_opts.add_options()
        ("min-words", po::value(&a.min_words)->value_name("N"),
         fmt::format("never drop a unit of fewer than N words (default {})", a.min_words).c_str())
        ("scope", po::value(&a.scope)->value_name("SCOPE"),
         "document (default): repeats within a page; stream: also paragraphs seen in earlier "
         "documents of the run (the first in input order is kept)")
        ("near-threshold", po::value(&a.near_threshold)->value_name("J"),
         "drop a paragraph of 8+ words whose word pairs overlap an earlier one's in the same "
         "document by Jaccard J or more (default 0.7; 0 turns it off)")
        ("stats", po::bool_switch(&a.stats),
         "print documents and paragraphs in and out, exact and near drops to stderr")
        ("state", po::value(&a.state)->value_name("FILE"),
         "keep a ledger of which document owns each paragraph between runs (implies --scope "
         "stream); a document that comes again replaces its earlier version")
        ("drop-list", po::value(&a.drop_list)->value_name("FILE"),
         "also drop the paragraphs listed in FILE (ID<TAB>POSITION lines, see --fingerprints)");
    if (spec.name == "dedup") {
      stage_opts.add_options()("fingerprints", po::bool_switch(&a.fingerprints),
                               "write FINGERPRINT<TAB>ID<TAB>POSITION for each paragraph instead of "
                               "documents, to group with sort or a database (README: large corpora)");
    }
  }
  if (spec.segment_options) {
    stage_opts.add_options()("max-heading-words", po::value(&a.max_heading_words)->value_name("N"),
                             fmt::format("longest line, in words, that may be a heading (default {})",
                                         a.max_heading_words)
                                 .c_str());
  }
  if (spec.emit_options) {
    stage_opts.add_options()
        ("format", po::value(&a.format)->value_name("FMT"),
         "json (default), markdown, text, or diff (kept and removed lines in input order; "
         "removals need --explain)")
        ("pretty", po::bool_switch(&a.pretty), "indent JSON (then one object per document, not JSON Lines)")
        ("fields", po::value<std::string>()->value_name("LIST")->notifier([&a](const std::string& v) { a.fields = v; }),
         "write only these top-level JSON fields, comma-separated, of: source, title, hash (every hash), "
         "sections, metadata, text, schema_version, stats, removed; id, and the fields of an input record "
         "that pagewash does not know, are always written")
        ("signals", po::bool_switch(&a.signals),
         "add metadata.signals to the JSON: the word, line and repetition counts and ratios that "
         "the Gopher and C4 quality filters use (docs/signals.md)")
        ("out-dir", po::value(&a.out_dir)->value_name("DIR"),
         "write each document to DIR/ID.json (pretty JSON, each file replaced atomically, "
         "uncompressed unless --compress) instead of standard output")
        ("shard-size", po::value(&a.shard_size)->value_name("SIZE"),
         "with --out-dir: write the output in shards instead, DIR/part-00000.jsonl, "
         "part-00001.jsonl, ... (.md, .txt, .diff for the other formats; .gz or .zst with "
         "--compress), each replaced atomically when full: N documents a shard, or N bytes "
         "with K, M or G (64M)")
        ("changes-since", po::value(&a.changes_since)->value_name("MANIFEST"),
         "write a change feed against MANIFEST (what was added, removed or changed in each "
         "document since) instead of documents, then update MANIFEST atomically");
  }
  po::options_description hidden;
  hidden.add_options()("input", po::value(&a.inputs)->composing());
  out->positional.add("input", -1);
  out->all.add(common).add(stage_opts).add(hidden);
}

void PrintHelp(const CommandSpec& spec, const CommandOptions& options) {
  std::size_t width = HelpWidth();
  std::string text = fmt::format("Usage: pagewash {} [OPTIONS] [FILE...]\n\n", spec.name);
  text += WrapText(spec.description, 0, width) + "\n";
  text += WrapText("Reads FILEs, or standard input when there are none or FILE is '-'. Compressed inputs "
                   "(gzip, zstd, bzip2, xz) are known by their first bytes and decompressed; WARC and "
                   "WET files are read record by record (text pages only: HTML is skipped).",
                   0, width) +
          "\n";
  text += FormatOptions({{"Options", &options.common}, {"Stage options", &options.stage}}, width) + "\n";
  text += ExitStatusHelp(width);
  std::fputs(text.c_str(), stdout);
}

// What a run's plan names, loaded (and the state files locked) for the
// whole run.
struct RunResources {
  std::optional<SeenIndex> index;
  // Each state file is locked before it is read and until it is replaced,
  // so that a second run cannot start from the same old version.
  StateLock manifest_lock;
  Manifest manifest;
  StateLock ledger_lock;
  Ledger ledger;
  DedupCounters counters;
  DropList drop_list;
  RuleSet rules;
  StateLock profile_lock;
};

// Loads and locks what `plan` names into *res and points plan->config at
// it. A failure is reported and gives its exit code: kDataError for a
// state file (the manifest, the ledger, the profile to learn), which a
// concurrent run may hold; kUsage for a file the command line names for
// reading (a drop list, rules, a profile).
// Locks the state file `path` (a `what`) and reads it into *into with
// `load`; reports why not and returns false if it cannot.
template <typename T, typename Load>
bool LoadLocked(const std::string& path, std::string_view what, Load load, StateLock* lock, T* into,
                Reporter& reporter) {
  Status locked = lock->Acquire(path, what);
  Result<T> loaded = locked.ok() ? load(path) : Result<T>(locked);
  if (!loaded.ok()) {
    reporter.Error(loaded.status());
    return false;
  }
  *into = std::move(loaded.value());
  return true;
}

std::optional<ExitCode> LoadResources(RunPlan* plan, RunResources* res, Reporter& reporter) {
  RunConfig& config = plan->config;
  if (plan->stream_index) {
    res->index.emplace(/*audit=*/plan->audit);
    config.state.dedup.index = &*res->index;
  }
  if (!plan->changes_since.empty()) {
    auto load_manifest = [](const std::string& path) { return LoadManifest(path); };
    if (!LoadLocked(plan->changes_since, "manifest", load_manifest, &res->manifest_lock, &res->manifest,
                    reporter)) {
      return ExitCode::kDataError;
    }
    config.manifest = &res->manifest;
  }
  if (!plan->state.empty()) {
    auto load_ledger = [](const std::string& path) { return LoadLedger(path); };
    if (!LoadLocked(plan->state, "ledger", load_ledger, &res->ledger_lock, &res->ledger, reporter)) {
      return ExitCode::kDataError;
    }
    config.state.dedup.ledger = &res->ledger;
  }
  if (plan->dedup_stats) config.state.dedup.counters = &res->counters;
  if (!plan->drop_list.empty()) {
    Result<DropList> loaded = LoadDropList(plan->drop_list);
    if (!loaded.ok()) {
      reporter.Error(loaded.status());
      return ExitCode::kUsage;
    }
    res->drop_list = std::move(loaded.value());
    config.options.dedup.drop_list = &res->drop_list;
  }
  // User rules and a site profile: loaded once, alive for the whole run.
  if (!plan->rules.empty() || !plan->profile.empty()) {
    Result<RuleSet> loaded = LoadRules(plan->rules);
    if (loaded.ok() && !plan->profile.empty()) {
      Result<SiteProfile> profile = LoadProfile(plan->profile);
      loaded = profile.ok() ? loaded->Merge(profile->ToRules(), plan->profile) : Result<RuleSet>(profile.status());
    }
    if (!loaded.ok()) {
      reporter.Error(loaded.status());
      return ExitCode::kUsage;
    }
    res->rules = std::move(loaded.value());
    config.options.strip.rules = &res->rules;
  }
  if (!config.learn_profile.empty()) {
    if (Status s = res->profile_lock.Acquire(config.learn_profile, "profile"); !s.ok()) {
      reporter.Error(s);
      return ExitCode::kDataError;
    }
  }
  return std::nullopt;
}

// After the run: --stats-json and --stats. Returns the exit code, worse
// when the stats file could not be written.
int FinishRun(const RunPlan& plan, const RunStats& run_stats, const DedupCounters& counters, int code,
              Reporter& reporter) {
  if (!plan.stats_json.empty()) {
    if (Status s = WriteFileAtomically(plan.stats_json, RunStatsJson(run_stats)); !s.ok()) {
      reporter.Error(s);
      code = std::max(code, static_cast<int>(ExitCode::kDataError));
    }
  }
  if (plan.dedup_stats) std::fputs(DedupStatsLine(counters).c_str(), stderr);
  return code;
}

}  // namespace

int RunCommand(const CommandSpec& spec, std::span<const CommandSpec> commands, int argc, char** argv) {
  ParsedFlags a;
  CommandOptions options;
  DeclareOptions(spec, &a, &options);
  const po::options_description& all = options.all;
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(options.positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Usage(spec, e.what());
  }

  if (vm.count("help") != 0) {
    PrintHelp(spec, options);
    return 0;
  }
  if (vm.count("version") != 0) {
    std::printf("%s\n", VersionLine().c_str());
    return 0;
  }
  std::string_view config_given_by = "--config ";
  if (a.config.empty()) {
    if (const char* path = std::getenv("PAGEWASH_CONFIG"); path != nullptr) {
      a.config = path;
      config_given_by = "PAGEWASH_CONFIG=";
    }
  }
  if (!a.config.empty()) {
    po::options_description file_options;
    for (const auto& option : all.options()) {
      if (FileMaySet(option->long_name())) file_options.add(option);
    }
    std::string error = StoreConfigFile(a.config, config_given_by, spec, commands, file_options, vm);
    if (!error.empty()) return Usage(spec, error);
    try {
      po::notify(vm);
    } catch (const po::error& e) {
      return Usage(spec, e.what());
    }
  }

  Result<RunPlan> plan = Validate(spec, a, CurrentEnvironment());
  if (!plan.ok()) return Usage(spec, plan.status().message());
  StderrReporter reporter(plan->progress);
  RunResources resources;
  if (std::optional<ExitCode> failed = LoadResources(&*plan, &resources, reporter)) return static_cast<int>(*failed);
  const RunOutcome outcome = Run(plan->config, RealFileSystem(), reporter);
  const int code = static_cast<int>(ExitCodeFor(outcome.status));
  return FinishRun(*plan, outcome.stats, resources.counters, code, reporter);
}

}  // namespace pagewash::cli
