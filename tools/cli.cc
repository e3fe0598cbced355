#include "cli.h"

#include "pagewash/state_lock.h"
#include "version.h"

#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "pagewash/text_input.h"
#include <sstream>

namespace po = boost::program_options;

namespace pagewash::cli {
namespace {

class StderrReporter : public Reporter {
 public:
  void Error(const Status& status) override {
    std::fprintf(stderr, "pagewash: error: %s\n", status.ToString().c_str());
  }
  void Warning(const Status& status) override {
    std::fprintf(stderr, "pagewash: warning: %s\n", status.ToString().c_str());
  }
};

// Raw flag values, before validation into the library's options.
struct Args {
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
  // Counts, here and below, are signed, so that "-1" is rejected rather
  // than wrapped to a huge count.
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
  std::string changes_since;
  std::string out_dir;
};

int Usage(const CommandSpec& spec, const std::string& message) {
  std::fprintf(stderr, "pagewash %s: error: %s\nsee 'pagewash %s --help'\n", std::string(spec.name).c_str(),
               message.c_str(), std::string(spec.name).c_str());
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace

std::string_view ExitStatusHelp() {
  return "Exit status:\n"
         "  0  every input went through\n"
         "  1  some input could not be read or processed (reported on stderr as\n"
         "     'pagewash: error: SOURCE:LINE: message'); the rest went through\n"
         "  2  usage error (bad option, or a rules file, profile or drop list that cannot be\n"
         "     read); nothing ran\n";
}

int RunCommand(const CommandSpec& spec, int argc, char** argv) {
  Args a;
  po::options_description common("Options");
  common.add_options()
      ("help,h", "print this help and exit")
      ("version", "print the version and exit")
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
  po::options_description stage_opts("Stage options");
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
        ("signals", po::bool_switch(&a.signals),
         "add metadata.signals to the JSON: the word, line and repetition counts and ratios that "
         "the Gopher and C4 quality filters use (docs/signals.md)")
        ("out-dir", po::value(&a.out_dir)->value_name("DIR"),
         "write each document to DIR/ID.json (pretty JSON, each file replaced atomically, "
         "uncompressed unless --compress) instead of standard output")
        ("changes-since", po::value(&a.changes_since)->value_name("MANIFEST"),
         "write a change feed against MANIFEST (what was added, removed or changed in each "
         "document since) instead of documents, then update MANIFEST atomically");
  }
  po::options_description hidden;
  hidden.add_options()("input", po::value(&a.inputs)->composing());
  po::positional_options_description positional;
  positional.add("input", -1);
  po::options_description all;
  all.add(common).add(stage_opts).add(hidden);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Usage(spec, e.what());
  }

  if (vm.count("help") != 0) {
    std::ostringstream text;
    text << common;
    if (!stage_opts.options().empty()) text << "\n" << stage_opts;
    std::printf("Usage: pagewash %s [OPTIONS] [FILE...]\n\n%s\n\nReads FILEs, or standard input "
                "when there are none or FILE is '-'. Compressed\ninputs (gzip, zstd, bzip2, xz) "
                "are known by their first bytes and decompressed;\nWARC and WET files are read "
                "record by record (text pages only: HTML is skipped).\n\n%s\n%s",
                std::string(spec.name).c_str(), std::string(spec.description).c_str(),
                text.str().c_str(), std::string(ExitStatusHelp()).c_str());
    return 0;
  }
  if (vm.count("version") != 0) {
    std::printf("%s\n", VersionLine().c_str());
    return 0;
  }

  RunConfig config;
  config.inputs = a.inputs;
  if (!a.glob.empty() && !a.recursive) return Usage(spec, "--glob picks files in directories: add -r");
  if (!a.id.empty() && a.recursive) return Usage(spec, "--id names one page: not with -r");
  config.recursive = a.recursive;
  config.glob = a.glob;
  config.output = a.output;
  if (a.compress == "gz") {
    config.compression = OutputCompression::kGzip;
  } else if (a.compress == "zst") {
    config.compression = OutputCompression::kZstd;
  } else if (!a.compress.empty()) {
    return Usage(spec, fmt::format("--compress must be gz or zst, not '{}'", a.compress));
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
    return Usage(spec, fmt::format("--input-format must be auto, text or jsonl, not '{}'", a.input_format));
  }
  if (a.text_key.empty()) return Usage(spec, "--text-key needs a field name");
  config.input.text_key = a.text_key;
  if (!a.encoding.empty()) {
    if (Status s = CheckEncodingName(a.encoding); !s.ok()) return Usage(spec, "--encoding: " + s.message());
  }
  config.input.encoding = a.encoding;
  if (a.max_doc_bytes < 1 || a.max_doc_bytes > kMaxDocumentBytesLimit) {
    return Usage(spec, fmt::format("--max-doc-bytes must be from 1 to {}", kMaxDocumentBytesLimit));
  }
  config.input.max_document_bytes = a.max_doc_bytes;
  if (!a.id.empty() && a.inputs.size() > 1) {
    return Usage(spec, "--id names one page: give at most one input");
  }
  if (a.format == "json") {
    config.options.emit.format = OutputFormat::kJson;
  } else if (a.format == "markdown") {
    config.options.emit.format = OutputFormat::kMarkdown;
  } else if (a.format == "text") {
    config.options.emit.format = OutputFormat::kText;
  } else if (a.format == "diff") {
    config.options.emit.format = OutputFormat::kDiff;
  } else {
    return Usage(spec, fmt::format("--format must be json, markdown, text or diff, not '{}'", a.format));
  }
  // Every count is at least 1; the bound keeps a typo from meaning "never".
  for (auto [value, name] : {std::pair{a.min_words, "min-words"}, std::pair{a.max_heading_words, "max-heading-words"},
                             std::pair{a.learn_min_pages, "learn-min-pages"}}) {
    if (value < 1 || value > 1000000) {
      return Usage(spec, fmt::format("the argument ('{}') for option '--{}' is invalid", value, name));
    }
  }
  const NamedFile files[] = {{"-o", a.output},           {"--state", a.state},
                             {"--changes-since", a.changes_since}, {"--learn", a.learn},
                             {"--stats-json", a.stats_json}};
  if (Status s = CheckDistinctFiles(files); !s.ok()) return Usage(spec, s.message());
  config.options.emit.pretty = a.pretty || !a.out_dir.empty();
  config.options.emit.signals = a.signals;
  if (!a.out_dir.empty() && !a.changes_since.empty()) {
    return Usage(spec, "--out-dir and --changes-since do not go together");
  }
  if (!a.out_dir.empty() && config.options.emit.format != OutputFormat::kJson) {
    return Usage(spec, "--out-dir writes JSON: leave out --format");
  }
  config.out_dir = a.out_dir;
  config.options.strip.explain = a.explain;
  config.options.strip.content_model = !a.no_content_model;
  if (a.favor == "precision") {
    config.options.strip.favor = Favor::kPrecision;
  } else if (a.favor == "recall") {
    config.options.strip.favor = Favor::kRecall;
  } else if (a.favor != "balanced") {
    return Usage(spec, fmt::format("--favor must be precision, balanced or recall, not '{}'", a.favor));
  }
  if (a.site_from == "url") {
    config.site_from = SiteFrom::kUrl;
  } else if (a.site_from == "dir") {
    config.site_from = SiteFrom::kDir;
  } else if (a.site_from == "none") {
    config.site_from = SiteFrom::kNone;
  } else {
    return Usage(spec, fmt::format("--site-from must be url, dir or none, not '{}'", a.site_from));
  }
  config.options.dedup.explain = a.explain;
  config.options.dedup.min_words = static_cast<std::size_t>(a.min_words);
  if (a.scope != "document" && a.scope != "stream") {
    return Usage(spec, fmt::format("--scope must be document or stream, not '{}'", a.scope));
  }
  if (!(a.near_threshold >= 0 && a.near_threshold <= 1)) {
    return Usage(spec, fmt::format("--near-threshold must be from 0 to 1, not {}", a.near_threshold));
  }
  config.options.dedup.near_threshold = a.near_threshold;
  SeenIndex index(/*audit=*/a.explain);
  if (a.scope == "stream") {
    config.options.dedup.scope = DedupScope::kStream;
    config.options.dedup.index = &index;
  }
  // Each state file is locked before it is read and until it is replaced,
  // so that a second run cannot start from the same old version.
  StateLock manifest_lock;
  Manifest manifest;
  if (!a.changes_since.empty()) {
    Status locked = manifest_lock.Acquire(a.changes_since, "manifest");
    Result<Manifest> loaded = locked.ok() ? LoadManifest(a.changes_since) : Result<Manifest>(locked);
    if (!loaded.ok()) {
      std::fprintf(stderr, "pagewash: error: %s\n", loaded.status().ToString().c_str());
      return static_cast<int>(ExitCode::kDataError);
    }
    manifest = std::move(loaded.value());
    config.manifest = &manifest;
    config.manifest_path = a.changes_since;
  }
  StateLock lock;
  Ledger ledger;
  if (!a.state.empty()) {
    Status locked = lock.Acquire(a.state, "ledger");
    Result<Ledger> loaded = locked.ok() ? LoadLedger(a.state) : Result<Ledger>(locked);
    if (!loaded.ok()) {
      std::fprintf(stderr, "pagewash: error: %s\n", loaded.status().ToString().c_str());
      return static_cast<int>(ExitCode::kDataError);
    }
    ledger = std::move(loaded.value());
    config.options.dedup.ledger = &ledger;
    config.options.dedup.scope = DedupScope::kStream;
    config.state_path = a.state;
  }
  DedupCounters counters;
  if (a.stats) config.options.dedup.counters = &counters;
  DropList drop_list;
  if (!a.drop_list.empty()) {
    Result<DropList> loaded = LoadDropList(a.drop_list);
    if (!loaded.ok()) {
      std::fprintf(stderr, "pagewash: error: %s\n", loaded.status().ToString().c_str());
      return static_cast<int>(ExitCode::kUsage);
    }
    drop_list = std::move(loaded.value());
    config.options.dedup.drop_list = &drop_list;
  }
  config.options.segment.max_heading_words = static_cast<std::size_t>(a.max_heading_words);

  // User rules and a site profile: loaded once, alive for the whole run.
  RuleSet rules;
  if (!a.rules.empty() || !a.profile.empty()) {
    Result<RuleSet> loaded = LoadRules(a.rules);
    if (loaded.ok() && !a.profile.empty()) {
      Result<SiteProfile> profile = LoadProfile(a.profile);
      loaded = profile.ok() ? loaded->Merge(profile->ToRules(), a.profile) : Result<RuleSet>(profile.status());
    }
    if (!loaded.ok()) {
      std::fprintf(stderr, "pagewash: error: %s\n", loaded.status().ToString().c_str());
      return static_cast<int>(ExitCode::kUsage);
    }
    rules = std::move(loaded.value());
    config.options.strip.rules = &rules;
  }
  StateLock profile_lock;
  if (!a.learn.empty()) {
    if (Status s = profile_lock.Acquire(a.learn, "profile"); !s.ok()) {
      std::fprintf(stderr, "pagewash: error: %s\n", s.ToString().c_str());
      return static_cast<int>(ExitCode::kDataError);
    }
  }
  config.learn_profile = a.learn;
  config.learn.min_pages = static_cast<std::size_t>(a.learn_min_pages);
  for (std::string_view name : spec.stages) config.stages.push_back(FindStage(name));
  config.output_kind = spec.output;
  if (config.manifest != nullptr) config.output_kind = OutputKind::kChanges;
  if (a.fingerprints) {
    // Positions are the input's: list them without deduplicating first.
    config.stages.clear();
    config.output_kind = OutputKind::kFingerprints;
  }

  StderrReporter reporter;
  RunStats run_stats;
  config.stats = &run_stats;
  int code = static_cast<int>(Run(config, reporter));
  if (!a.stats_json.empty()) {
    if (Status s = SaveRunStats(run_stats, a.stats_json); !s.ok()) {
      reporter.Error(s);
      code = std::max(code, static_cast<int>(ExitCode::kDataError));
    }
  }
  if (a.stats) {
    std::fprintf(stderr,
                 "pagewash: stats: %llu documents, %llu paragraphs in, %llu out, %llu exact "
                 "duplicates, %llu near duplicates, %llu from the drop list\n",
                 static_cast<unsigned long long>(counters.documents),
                 static_cast<unsigned long long>(counters.units_in),
                 static_cast<unsigned long long>(counters.units_out),
                 static_cast<unsigned long long>(counters.exact), static_cast<unsigned long long>(counters.near),
                 static_cast<unsigned long long>(counters.dropped_by_list));
  }
  return code;
}

}  // namespace pagewash::cli
