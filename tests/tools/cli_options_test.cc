// Validate (tools/cli_options.h): the run plan a command line gives, and the
// exact message of each usage error, first one first.
#include "cli_options.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace pagewash::cli {
namespace {

const CommandSpec kClean{.name = "clean",
                         .stages = {"strip", "dedup", "segment"},
                         .output = OutputKind::kEmit,
                         .strip_options = true,
                         .dedup_options = true,
                         .segment_options = true,
                         .emit_options = true};
const CommandSpec kDedup{.name = "dedup", .stages = {"dedup"}, .dedup_options = true};

const Environment kBatch{.stdin_terminal = false, .stderr_terminal = false, .cores = 6};

ParsedFlags Flags() {
  ParsedFlags f;
  f.inputs = {"page.txt"};
  return f;
}

TEST(ValidateTest, Defaults) {
  Result<RunPlan> plan = Validate(kClean, Flags(), kBatch);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  const RunConfig& c = plan->config;
  EXPECT_EQ(c.inputs, std::vector<std::string>{"page.txt"});
  ASSERT_EQ(c.stages.size(), 3u);
  EXPECT_EQ(c.stages[1]->name, "dedup");
  EXPECT_EQ(c.output_kind, OutputKind::kEmit);
  EXPECT_EQ(c.options.dedup.scope, DedupScope::kDocument);
  EXPECT_EQ(c.options.emit.format, OutputFormat::kJson);
  EXPECT_FALSE(c.options.emit.pretty);
  EXPECT_EQ(c.jobs, 6u);
  EXPECT_EQ(c.compression, OutputCompression::kNone);
  EXPECT_FALSE(plan->stream_index);
  EXPECT_EQ(plan->progress, ProgressMode::kOff);
}

TEST(ValidateTest, ValidCombinations) {
  {
    ParsedFlags f = Flags();
    f.scope = "stream";
    f.explain = true;
    Result<RunPlan> plan = Validate(kDedup, f, kBatch);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->config.options.dedup.scope, DedupScope::kStream);
    EXPECT_TRUE(plan->stream_index);
    EXPECT_TRUE(plan->audit);
  }
  {
    // --state implies stream scope; the ledger takes the index's place.
    ParsedFlags f = Flags();
    f.state = "/nonexistent/ledger";
    Result<RunPlan> plan = Validate(kDedup, f, kBatch);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->config.options.dedup.scope, DedupScope::kStream);
    EXPECT_FALSE(plan->stream_index);
    EXPECT_EQ(plan->config.state_path, "/nonexistent/ledger");
  }
  {
    ParsedFlags f = Flags();
    f.out_dir = "/nonexistent/out";
    f.shard_size = "64M";
    f.format = "markdown";
    f.compress = "zst";
    Result<RunPlan> plan = Validate(kClean, f, kBatch);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->config.shard_bytes, std::uint64_t{64} << 20);
    EXPECT_EQ(plan->config.shard_documents, 0u);
    EXPECT_FALSE(plan->config.options.emit.pretty);  // A shard is JSON Lines.
    EXPECT_EQ(plan->config.compression, OutputCompression::kZstd);
  }
  {
    ParsedFlags f = Flags();
    f.out_dir = "/nonexistent/out";
    Result<RunPlan> plan = Validate(kClean, f, kBatch);
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan->config.options.emit.pretty);  // A file a document.
  }
  {
    ParsedFlags f = Flags();
    f.changes_since = "/nonexistent/manifest";
    Result<RunPlan> plan = Validate(kClean, f, kBatch);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->config.output_kind, OutputKind::kChanges);
    EXPECT_EQ(plan->config.manifest_path, "/nonexistent/manifest");
  }
  {
    ParsedFlags f = Flags();
    f.fingerprints = true;
    Result<RunPlan> plan = Validate(kDedup, f, kBatch);
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan->config.stages.empty());
    EXPECT_EQ(plan->config.output_kind, OutputKind::kFingerprints);
  }
  {
    ParsedFlags f = Flags();
    f.output = "/nonexistent/out.jsonl.gz";
    f.jobs = "3";
    f.progress = true;
    Result<RunPlan> plan = Validate(kClean, f, kBatch);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->config.compression, OutputCompression::kGzip);
    EXPECT_EQ(plan->config.jobs, 3u);
    EXPECT_EQ(plan->progress, ProgressMode::kForced);
  }
}

TEST(ValidateTest, TerminalsChooseJobsAndProgress) {
  const Environment terminal{.stdin_terminal = true, .stderr_terminal = true, .cores = 6};
  ParsedFlags typed;  // No input: standard input, a terminal.
  Result<RunPlan> plan = Validate(kClean, typed, terminal);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->config.jobs, 1u);
  EXPECT_EQ(plan->progress, ProgressMode::kTerminal);
  plan = Validate(kClean, Flags(), terminal);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->config.jobs, 6u);
  ParsedFlags quiet = Flags();
  quiet.no_progress = true;
  plan = Validate(kClean, quiet, terminal);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->progress, ProgressMode::kOff);
}

// Each usage error Validate gives, with its exact message.
TEST(ValidateTest, UsageErrors) {
  struct Case {
    std::string_view name;
    void (*set)(ParsedFlags&);
    std::string_view want;
  };
  const Case cases[] = {
      {"glob without -r", [](ParsedFlags& f) { f.glob = "*.txt"; }, "--glob picks files in directories: add -r"},
      {"id with -r",
       [](ParsedFlags& f) {
         f.id = "x";
         f.recursive = true;
       },
       "--id names one page: not with -r"},
      {"compress", [](ParsedFlags& f) { f.compress = "xz"; }, "--compress must be gz or zst, not 'xz'"},
      {"input format", [](ParsedFlags& f) { f.input_format = "html"; },
       "--input-format must be auto, text or jsonl, not 'html'"},
      {"text key", [](ParsedFlags& f) { f.text_key.clear(); }, "--text-key needs a field name"},
      {"max doc bytes", [](ParsedFlags& f) { f.max_doc_bytes = 0; }, "--max-doc-bytes must be from 1 to 1073741824"},
      {"id with two inputs",
       [](ParsedFlags& f) {
         f.id = "x";
         f.inputs = {"a", "b"};
       },
       "--id names one page: give at most one input"},
      {"format", [](ParsedFlags& f) { f.format = "html"; }, "--format must be json, markdown, text or diff, not 'html'"},
      {"min words", [](ParsedFlags& f) { f.min_words = 0; }, "the argument ('0') for option '--min-words' is invalid"},
      {"max heading words", [](ParsedFlags& f) { f.max_heading_words = 1000001; },
       "the argument ('1000001') for option '--max-heading-words' is invalid"},
      {"learn min pages", [](ParsedFlags& f) { f.learn_min_pages = -1; },
       "the argument ('-1') for option '--learn-min-pages' is invalid"},
      {"jobs", [](ParsedFlags& f) { f.jobs = "0"; }, "--jobs must be a whole number from 1 to 1024, not '0'"},
      {"jobs too many", [](ParsedFlags& f) { f.jobs = "1025"; },
       "--jobs must be a whole number from 1 to 1024, not '1025'"},
      {"same file",
       [](ParsedFlags& f) {
         f.output = "/nonexistent/x";
         f.state = "/nonexistent/x";
       },
       "-o /nonexistent/x and --state /nonexistent/x are the same file: each needs its own"},
      {"out-dir with changes-since",
       [](ParsedFlags& f) {
         f.out_dir = "d";
         f.changes_since = "m";
       },
       "--out-dir and --changes-since do not go together"},
      {"out-dir with format",
       [](ParsedFlags& f) {
         f.out_dir = "d";
         f.format = "text";
       },
       "--out-dir writes JSON: leave out --format (or write shards, --shard-size)"},
      {"changes-since with format",
       [](ParsedFlags& f) {
         f.changes_since = "m";
         f.format = "markdown";
       },
       "--changes-since writes a change feed: leave out --format, --pretty and --signals"},
      {"changes-since with pretty",
       [](ParsedFlags& f) {
         f.changes_since = "m";
         f.pretty = true;
       },
       "--changes-since writes a change feed: leave out --format, --pretty and --signals"},
      {"changes-since with signals",
       [](ParsedFlags& f) {
         f.changes_since = "m";
         f.signals = true;
       },
       "--changes-since writes a change feed: leave out --format, --pretty and --signals"},
      {"shard size", [](ParsedFlags& f) { f.shard_size = "10X"; },
       "--shard-size must be a number of documents, or of bytes with K, M or G (64M), not '10X'"},
      {"shard size zero", [](ParsedFlags& f) { f.shard_size = "0"; },
       "--shard-size must be a number of documents, or of bytes with K, M or G (64M), not '0'"},
      {"shard size without out-dir", [](ParsedFlags& f) { f.shard_size = "10"; },
       "--shard-size needs --out-dir DIR, where the shards go"},
      {"shard size with -o",
       [](ParsedFlags& f) {
         f.shard_size = "10";
         f.out_dir = "d";
         f.output = "o";
       },
       "--shard-size writes the shards into --out-dir: leave out -o"},
      {"shard size with pretty",
       [](ParsedFlags& f) {
         f.shard_size = "10";
         f.out_dir = "d";
         f.pretty = true;
       },
       "--shard-size writes JSON Lines: leave out --pretty"},
      {"favor", [](ParsedFlags& f) { f.favor = "all"; }, "--favor must be precision, balanced or recall, not 'all'"},
      {"site from", [](ParsedFlags& f) { f.site_from = "host"; }, "--site-from must be url, dir or none, not 'host'"},
      {"scope", [](ParsedFlags& f) { f.scope = "run"; }, "--scope must be document or stream, not 'run'"},
      {"near threshold", [](ParsedFlags& f) { f.near_threshold = 1.5; },
       "--near-threshold must be from 0 to 1, not 1.5"},
      {"progress and no-progress",
       [](ParsedFlags& f) {
         f.progress = true;
         f.no_progress = true;
       },
       "--progress and --no-progress: give one"},
      {"fields unknown", [](ParsedFlags& f) { f.fields = "id,text,body"; },
       "--fields: no output field 'body' (the fields: id, source, title, hash, sections, metadata, text, "
       "schema_version, stats, removed)"},
      {"fields nested name", [](ParsedFlags& f) { f.fields = "metadata.language"; },
       "--fields: no output field 'metadata.language' (the fields: id, source, title, hash, sections, "
       "metadata, text, schema_version, stats, removed)"},
      {"fields empty", [](ParsedFlags& f) { f.fields = " , "; },
       "--fields needs at least one field name, of: id, source, title, hash, sections, metadata, text, "
       "schema_version, stats, removed"},
      {"fields with another format",
       [](ParsedFlags& f) {
         f.fields = "text";
         f.format = "markdown";
       },
       "--fields picks fields of the JSON output: leave out --format"},
      {"fields with a change feed",
       [](ParsedFlags& f) {
         f.fields = "text";
         f.changes_since = "site.manifest";
       },
       "--changes-since writes a change feed: leave out --fields"},
      {"fields without metadata for signals",
       [](ParsedFlags& f) {
         f.fields = "text";
         f.signals = true;
       },
       "--signals adds metadata.signals: add metadata to --fields, or leave out --signals"},
      {"fields without removed for explain",
       [](ParsedFlags& f) {
         f.fields = "text,metadata";
         f.explain = true;
       },
       "--explain adds the removed field: add removed to --fields, or leave out --explain"},
  };
  for (const Case& c : cases) {
    ParsedFlags f = Flags();
    c.set(f);
    Result<RunPlan> plan = Validate(kClean, f, kBatch);
    ASSERT_FALSE(plan.ok()) << c.name;
    EXPECT_EQ(plan.status().code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_EQ(plan.status().message(), c.want) << c.name;
  }
}

// --fields keeps the named top-level fields (id always), in any order and
// with spaces around the commas; without it every field is written.
TEST(ValidateTest, Fields) {
  {
    Result<RunPlan> plan = Validate(kClean, Flags(), kBatch);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->config.options.emit.fields, kAllOutputFields);
  }
  {
    ParsedFlags f = Flags();
    f.fields = "text, id ,metadata,text";
    Result<RunPlan> plan = Validate(kClean, f, kBatch);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    EXPECT_EQ(plan->config.options.emit.fields, kFieldText | kFieldMetadata);
  }
  {
    // id alone: nothing but id (and the input record's own fields).
    ParsedFlags f = Flags();
    f.fields = "id";
    Result<RunPlan> plan = Validate(kClean, f, kBatch);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    EXPECT_EQ(plan->config.options.emit.fields, 0u);
  }
  {
    ParsedFlags f = Flags();
    f.fields = "source,title,hash,sections,metadata,text,schema_version,stats,removed";
    f.signals = true;
    f.explain = true;
    f.format = "json";
    Result<RunPlan> plan = Validate(kClean, f, kBatch);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    EXPECT_EQ(plan->config.options.emit.fields, kAllOutputFields);
  }
}

// Every name the error message lists is one --fields takes.
TEST(ValidateTest, FieldNamesListed) {
  std::string_view names = OutputFieldNames();
  std::size_t count = 0;
  while (!names.empty()) {
    std::size_t comma = names.find(", ");
    std::string_view name = names.substr(0, comma);
    std::uint32_t bit = 1;
    EXPECT_TRUE(OutputFieldBit(name, &bit)) << name;
    EXPECT_EQ(bit == 0, name == "id") << name;
    ++count;
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 2);
  }
  EXPECT_EQ(count, 10u);
}

// The first error in the order Validate checks is the one reported.
TEST(ValidateTest, FirstErrorWins) {
  ParsedFlags f = Flags();
  f.glob = "*.txt";
  f.format = "html";
  f.progress = true;
  f.no_progress = true;
  Result<RunPlan> plan = Validate(kClean, f, kBatch);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().message(), "--glob picks files in directories: add -r");
}

TEST(ValidateTest, ParseShardSize) {
  std::uint64_t docs = 0, bytes = 0;
  EXPECT_TRUE(ParseShardSize("1000", &docs, &bytes));
  EXPECT_EQ(docs, 1000u);
  EXPECT_TRUE(ParseShardSize("2k", &docs, &bytes));
  EXPECT_EQ(bytes, 2048u);
  EXPECT_TRUE(ParseShardSize("1G", &docs, &bytes));
  EXPECT_EQ(bytes, std::uint64_t{1} << 30);
  for (const char* bad : {"", "0", "M", "5m", "5MB", "1234567890123"}) {
    EXPECT_FALSE(ParseShardSize(bad, &docs, &bytes)) << bad;
  }
}

TEST(ValidateTest, DedupStatsLine) {
  DedupCounters c{.documents = 2, .units_in = 10, .units_out = 7, .exact = 2, .near = 1, .dropped_by_list = 0};
  EXPECT_EQ(DedupStatsLine(c),
            "pagewash: stats: 2 documents, 10 paragraphs in, 7 out, 2 exact duplicates, 1 near duplicates, 0 from "
            "the drop list\n");
}

}  // namespace
}  // namespace pagewash::cli
