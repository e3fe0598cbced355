// The driver (Run, pipeline.h), run against a file system in memory
// (tests/support/memory_file_system.h): what it reads and writes, in what
// order the output and the state files are replaced, and what each failure
// leaves behind, without a temporary directory.
#include "pagewash/pipeline.h"

#include <gtest/gtest.h>

#include <optional>

#include <fmt/format.h>

#include <algorithm>

#include "pagewash/files.h"
#include "pagewash/json.h"
#include "tests/support/icu_failure.h"
#include "tests/support/memory_file_system.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

using testing::MemoryFileSystem;

class RecordingReporter : public Reporter {
 public:
  void Error(const Status& s) override { errors.push_back(s.ToString()); }
  void Warning(const Status& s) override { warnings.push_back(s.ToString()); }
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

class PipelineTest : public ::testing::Test {
 protected:
  RunStatus Run(const RunConfig& config) {
    outcome_ = pagewash::Run(config, fs_, reporter_);
    return outcome_.status;
  }

  // Standard output fails with EPIPE (set up by the caller): `config` runs
  // clean (standard output holding `delivered` bytes, when given); with a
  // profile to learn, the run is an error and the profile is not written.
  void ExpectABrokenPipeIsAnErrorOnlyWithStateFiles(RunConfig config, std::optional<std::size_t> delivered) {
    EXPECT_EQ(Run(config), RunStatus::kOk);
    EXPECT_TRUE(reporter_.errors.empty());
    if (delivered) {
      EXPECT_EQ(fs_.stdout_text.size(), *delivered);
    }

    config.learn_profile = "site.profile";
    EXPECT_EQ(Run(config), RunStatus::kDataError);
    EXPECT_EQ(reporter_.errors,
              std::vector<std::string>{"<stdout>: the output was not delivered in full (its reader closed it); "
                                       "site.profile left unchanged"});
    EXPECT_FALSE(fs_.Has("site.profile"));
  }

  MemoryFileSystem fs_;
  RecordingReporter reporter_;
  RunOutcome outcome_;
};

TEST_F(PipelineTest, BadInputIsReportedAndTheRestGoesThrough) {
  fs_.Add("a.txt", "Title\n\nText.\n");
  fs_.Add("b.jsonl",
                     "{\"id\":\"1\",\"text\":\"One.\"}\n{\"id\":\"2\",\"text\":\n{\"id\":\"3\",\"text\":\"Three.\"}\n");
  RunConfig config;
  config.inputs = {"a.txt", "missing.txt", "b.jsonl"};
  config.output = "out.jsonl";
  config.stages = testing::Stages({"strip"});
  EXPECT_EQ(Run(config), RunStatus::kDataError);
  ASSERT_EQ(reporter_.errors.size(), 2u);
  EXPECT_EQ(reporter_.errors[0], "missing.txt: cannot open: No such file or directory");
  EXPECT_EQ(reporter_.errors[1].rfind("b.jsonl:2: invalid JSON: ", 0), 0u) << reporter_.errors[1];
  std::string out = fs_.Get("out.jsonl");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3);
  EXPECT_NE(out.find("\"id\":\"a\""), std::string::npos);
  EXPECT_NE(out.find("\"id\":\"3\""), std::string::npos);
}

// A document a stage could not do its work on (here: ICU out of memory
// while reading) is an error naming it; the others go through.
TEST_F(PipelineTest, ADocumentWithAProblemIsReportedAndTheRestGoesThrough) {
  fs_.Add("a.txt", "Title\n\nText.\n");
  fs_.Add("b.txt", "Fine.\n" + testing::NeedsIcuMemory() + "\n");
  fs_.Add("c.txt", "Other\n\nMore text.\n");
  RunConfig config;
  config.inputs = {"a.txt", "b.txt", "c.txt"};
  config.output = "out.jsonl";
  config.stages = testing::Stages({"strip", "dedup", "segment"});
  config.output_kind = OutputKind::kEmit;
  {
    testing::FailIcuAllocations failing;
    EXPECT_EQ(Run(config), RunStatus::kDataError);
  }
  EXPECT_EQ(reporter_.errors,
            std::vector<std::string>{"b.txt: document \"b\": line 2: ICU could not put it in NFC "
                                     "(U_MEMORY_ALLOCATION_ERROR); it is skipped"});
  std::string out = fs_.Get("out.jsonl");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
  EXPECT_NE(out.find("\"id\":\"a\""), std::string::npos);
  EXPECT_NE(out.find("\"id\":\"c\""), std::string::npos);
}

// Any number of jobs: the same output, the same errors in the same order,
// the same counters, with the stream index shared across documents.
TEST_F(PipelineTest, JobsGiveTheSameOutputErrorsAndCounters) {
  std::string jsonl;
  for (int i = 0; i < 60; ++i) {
    jsonl += i % 7 == 3 ? "{\"id\":\"bad\",\"text\":\n"
                        : fmt::format("{{\"id\":\"d{}\",\"text\":\"Shared paragraph of many words here.\\n\\n"
                                      "Its own paragraph number {} here.\\n\\nTitle {}\"}}\n",
                                      i, i % 13, i % 5);
  }
  fs_.Add("in.jsonl", jsonl);
  std::string outs[4];
  std::vector<std::string> errors[4];
  DedupCounters counters[4];
  RunStats stats[4];
  const std::size_t jobs[] = {1, 2, 3, 8};
  for (int k = 0; k < 4; ++k) {
    SeenIndex index(/*audit=*/true);
    RunConfig config;
    config.inputs = {"in.jsonl", "missing.txt", "in.jsonl"};
    config.output = "out" + std::to_string(k);
    config.output_kind = OutputKind::kEmit;
    config.stages = testing::Stages({"strip", "dedup", "segment"});
    config.options.dedup.scope = DedupScope::kStream;
    config.state.dedup.index = &index;
    config.options.dedup.explain = true;
    config.state.dedup.counters = &counters[k];
    config.jobs = jobs[k];
      EXPECT_EQ(Run(config), RunStatus::kDataError) << jobs[k];
    outs[k] = fs_.Get("out" + std::to_string(k));
    errors[k] = reporter_.errors;
    stats[k] = outcome_.stats;
    reporter_.errors.clear();
  }
  ASSERT_EQ(errors[0].size(), 19u);
  for (int k = 1; k < 4; ++k) {
    EXPECT_EQ(outs[k], outs[0]) << jobs[k];
    EXPECT_EQ(errors[k], errors[0]) << jobs[k];
    EXPECT_EQ(counters[k].exact, counters[0].exact) << jobs[k];
    EXPECT_EQ(counters[k].units_out, counters[0].units_out) << jobs[k];
    EXPECT_EQ(stats[k].documents_in, stats[0].documents_in) << jobs[k];
    EXPECT_EQ(stats[k].bytes_out, stats[0].bytes_out) << jobs[k];
    EXPECT_EQ(stats[k].errors, stats[0].errors) << jobs[k];
  }
}

TEST_F(PipelineTest, OutputFileIsReplacedWhole) {
  fs_.Add("a.txt", "Title\n\nText.\n");
  fs_.Add("out.json", "old contents\n");
  RunConfig config;
  config.inputs = {"a.txt"};
  config.output = "out.json";
  config.output_kind = OutputKind::kEmit;
  config.stages = testing::Stages({"strip", "dedup", "segment"});
  EXPECT_EQ(Run(config), RunStatus::kOk);
  std::string out = fs_.Get("out.json");
  EXPECT_EQ(out.rfind("{\"id\":\"a\"", 0), 0u) << out;
  EXPECT_EQ(fs_.commits, std::vector<std::string>{"out.json"});
}

TEST_F(PipelineTest, UnwritableOutputLeavesNothing) {
  fs_.Add("a.txt", "Title\n\nText.\n");
  RunConfig config;
  config.inputs = {"a.txt"};
  config.output = "no/such/dir/out.json";
  EXPECT_EQ(Run(config), RunStatus::kDataError);
  ASSERT_EQ(reporter_.errors.size(), 1u);
  EXPECT_EQ(reporter_.errors[0], "no/such/dir/out.json: cannot create: No such file or directory");
  // Nothing was created beside the input.
  EXPECT_EQ(fs_.Names(), std::vector<std::string>{"a.txt"});
}

TEST_F(PipelineTest, InvalidUtf8IsAWarning) {
  // UTF-8 with one damaged byte (see text/encoding.h): repaired, not
  // converted.
  fs_.Add("bad.txt", "Title\n\nZa\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 "
                                      "ja\xC5\xBA\xC5\x84, caf\xC3\xA9 cr\xC3\xA8me \xFF text.\n");
  RunConfig config;
  config.inputs = {"bad.txt"};
  config.output = "out.jsonl";
  EXPECT_EQ(Run(config), RunStatus::kOk);
  ASSERT_EQ(reporter_.warnings.size(), 1u);
  EXPECT_EQ(reporter_.warnings[0],
            "bad.txt: invalid UTF-8 at byte 48: 1 sequence replaced by U+FFFD");
}

TEST_F(PipelineTest, LearnWritesAProfile) {
  for (int i = 1; i <= 3; ++i) {
    fs_.Add("p" + std::to_string(i) + ".txt",
                       "Site name\n\nText of page " + std::to_string(i) + ".\n");
  }
  RunConfig config;
  config.inputs = {"p1.txt", "p2.txt", "p3.txt"};
  config.output = "out.jsonl";
  config.stages = testing::Stages({"strip"});
  config.learn_profile = "site.profile";
  EXPECT_EQ(Run(config), RunStatus::kOk);
  std::string profile = fs_.Get("site.profile");
  EXPECT_NE(profile.find("\n3\ttop\tSite name\n"), std::string::npos) << profile;
  EXPECT_EQ(profile.find("Text of page"), std::string::npos) << profile;
}

TEST_F(PipelineTest, OutDirWritesOneFilePerDocument) {
  fs_.Add("in.jsonl", "{\"id\":\"a/b\",\"text\":\"One.\"}\n{\"id\":\".hidden\",\"text\":\"Two.\"}\n");
  RunConfig config;
  config.inputs = {"in.jsonl"};
  config.output = "stdout.txt";
  config.out_dir = "out/made/for/it";  // Created, with its parents.
  config.output_kind = OutputKind::kEmit;
  config.options.emit.pretty = true;
  EXPECT_EQ(Run(config), RunStatus::kOk);
  EXPECT_EQ(fs_.Get("out/made/for/it/" + OutDirFileName("a/b")).rfind("{\n  \"id\": \"a/b\"", 0),
            0u);
  EXPECT_TRUE(fs_.Has("out/made/for/it/" + OutDirFileName(".hidden")));
  EXPECT_EQ(fs_.Get("stdout.txt"), "");
}

TEST(OutDirFileNameTest, DistinctIdsGetDistinctNames) {
  struct Case {
    std::string_view id, name;
  };
  const Case cases[] = {
      {"page-1_v2.html", "page-1_v2.html.json"},  // Already a file name: kept.
      {"a_b", "a_b.json"},
      {"a/b", "a_b-48f71e9475860604.json"},
      {"a?b", "a_b-834b7724e6ab9adc.json"},
      {"a b", "a_b-8044f8a624582c4c.json"},
      {".hidden", "_.hidden-372051e37372c4c0.json"},
      {"", "_-2d06800538d394c2.json"},
  };
  for (const Case& c : cases) EXPECT_EQ(OutDirFileName(c.id), c.name) << c.id;
  // Long ids: cut to a prefix and told apart by the hash; short enough for
  // the ".tmp.XXXXXX" of the temporary copy under NAME_MAX (255).
  std::string long_a(300, 'x');
  std::string long_b = long_a + "y";
  EXPECT_NE(OutDirFileName(long_a), OutDirFileName(long_b));
  EXPECT_LE(OutDirFileName(long_b).size() + 11, 255u);
  EXPECT_EQ(OutDirFileName(long_b).substr(0, 183), std::string(183, 'x'));
  EXPECT_EQ(OutDirFileName(std::string(200, 'x')), std::string(200, 'x') + ".json");
}

// Ids that shared a file name, or an id that comes twice, would have
// replaced each other's file: the first stays, the others are errors.
TEST_F(PipelineTest, OutDirNeverReplacesADocumentOfTheSameRun) {
  // An id spelled as another's hashed name is the one way two ids can share a
  // file name (short of an XXH3 collision).
  std::string crafted = OutDirFileName("a/b");
  crafted.resize(crafted.size() - 5);
  fs_.Add("in.jsonl",
                     "{\"id\":\"a\",\"text\":\"First.\"}\n{\"id\":\"a\",\"text\":\"Second.\"}\n"
                     "{\"id\":\"a/b\",\"text\":\"Third.\"}\n{\"id\":\"" + crafted + "\",\"text\":\"Fourth.\"}\n"
                     "{\"id\":\"a?b\",\"text\":\"Fifth.\"}\n");
  RunConfig config;
  config.inputs = {"in.jsonl"};
  config.out_dir = "out";
  config.output_kind = OutputKind::kEmit;
  EXPECT_EQ(Run(config), RunStatus::kDataError);
  EXPECT_NE(fs_.Get("out/a.json").find("First."), std::string::npos);
  EXPECT_NE(fs_.Get("out/" + crafted + ".json").find("Third."), std::string::npos);
  EXPECT_NE(fs_.Get("out/" + OutDirFileName("a?b")).find("Fifth."), std::string::npos);
  const std::vector<std::string> want = {
      "out/a.json: document \"a\" comes twice; the file holds the first",
      "out/" + crafted + ".json: documents \"a/b\" and \"" + crafted +
          "\" have the same file name; it holds the first",
  };
  EXPECT_EQ(reporter_.errors, want);
}

TEST_F(PipelineTest, ChangeFeedUpdatesTheManifest) {
  auto run = [&](std::string_view page) {
    fs_.Add("page.txt", page);
    Result<Manifest> manifest = LoadManifest(fs_, "m.manifest");
    EXPECT_TRUE(manifest.ok());
    RunConfig config;
    config.inputs = {"page.txt"};
    config.output = "feed.jsonl";
    config.stages = testing::Stages({"strip", "dedup", "segment"});
    config.output_kind = OutputKind::kChanges;
    config.manifest = &manifest.value();
    config.manifest_path = "m.manifest";
    EXPECT_EQ(Run(config), RunStatus::kOk);
    return fs_.Get("feed.jsonl");
  };
  EXPECT_NE(run("Title\n\nText one.\n").find("\"change\":\"added\""), std::string::npos);
  EXPECT_NE(run("Title\n\nText one.\n").find("\"change\":\"unchanged\""), std::string::npos);
  std::string changed = run("Title\n\nText two.\n");
  EXPECT_NE(changed.find("\"change\":\"changed\""), std::string::npos) << changed;
  EXPECT_NE(changed.find("\"text\":\"Text two.\""), std::string::npos) << changed;
}

TEST_F(PipelineTest, IdOverridesTheFileName) {
  fs_.Add("page.txt", "Text.\n");
  RunConfig config;
  config.inputs = {"page.txt"};
  config.output = "out.jsonl";
  config.input.id = "custom-id";
  EXPECT_EQ(Run(config), RunStatus::kOk);
  EXPECT_EQ(fs_.Get("out.jsonl").rfind("{\"id\":\"custom-id\"", 0), 0u);
}

// Stream scope without the run's index is the caller's mistake, refused
// before any input is read.
TEST_F(PipelineTest, RunRefusesStreamScopeWithoutAnIndex) {
  RunConfig config;
  config.inputs = {"never-read.txt"};
  config.stages = {FindStage("dedup")};
  config.options.dedup.scope = DedupScope::kStream;
  EXPECT_EQ(Run(config), RunStatus::kUsage);
  EXPECT_EQ(reporter_.errors,
            std::vector<std::string>{"dedup with scope stream needs a seen index (or a ledger) for the run"});
  EXPECT_EQ(outcome_.stats.inputs, 0u);
}

TEST_F(PipelineTest, ReadsStandardInputAndWritesStandardOutput) {
  fs_.stdin_text = "Title\n\nText.\n";
  RunConfig config;
  config.output_kind = OutputKind::kEmit;
  config.options.emit.format = OutputFormat::kText;
  config.stages = testing::Stages({"strip", "dedup", "segment"});
  EXPECT_EQ(Run(config), RunStatus::kOk);
  EXPECT_EQ(fs_.stdout_text, "Title\n\nText.\n\n");
  EXPECT_TRUE(fs_.commits.empty());
}

// The counters Run returns, for --stats-json.
TEST_F(PipelineTest, OutcomeCountsInputsDocumentsAndErrors) {
  fs_.Add("a.jsonl", "{\"id\":\"1\",\"text\":\"One.\"}\n{\"id\":\"2\",\"text\":\n{\"id\":\"3\",\"text\":\"Three.\"}\n");
  RunConfig config;
  config.inputs = {"a.jsonl", "missing.txt"};
  config.output = "out.jsonl";
  EXPECT_EQ(Run(config), RunStatus::kDataError);
  const RunStats& stats = outcome_.stats;
  EXPECT_EQ(stats.inputs, 1u);
  EXPECT_EQ(stats.documents_in, 2u);
  EXPECT_EQ(stats.documents_out, 2u);
  EXPECT_EQ(stats.bytes_out, fs_.Get("out.jsonl").size());
  EXPECT_EQ(stats.errors, 2u);
  EXPECT_EQ(reporter_.errors.back(), "missing.txt: cannot open: No such file or directory");
}

// An input the disk fails to read is an error naming it; the others go
// through.
TEST_F(PipelineTest, AnInputThatCannotBeReadIsNamedAndTheRestGoesThrough) {
  fs_.Add("bad.txt", "Title\n\nText.\n");
  fs_.Fail("bad.txt", MemoryFileSystem::Failure::kRead);
  fs_.Add("good.txt", "Title\n\nText.\n");
  RunConfig config;
  config.inputs = {"bad.txt", "good.txt"};
  config.output = "out.jsonl";
  EXPECT_EQ(Run(config), RunStatus::kDataError);
  EXPECT_EQ(reporter_.errors, std::vector<std::string>{"bad.txt: read failed: Input/output error"});
  EXPECT_EQ(fs_.Get("out.jsonl").rfind("{\"id\":\"good\"", 0), 0u) << fs_.Get("out.jsonl");
}

// -r reads a directory as the files under it, in byte order of their
// paths; without it, a directory is an error that says to add it.
TEST_F(PipelineTest, DirectoriesAreReadWithRecursiveOnly) {
  fs_.Add("d/b.txt", "Bee.\n");
  fs_.Add("d/a.txt", "Ay.\n");
  fs_.Add("d/sub/c.txt", "Sea.\n");
  fs_.Add("d/sub/notes.md", "Notes.\n");
  RunConfig config;
  config.inputs = {"d"};
  config.output = "out.jsonl";
  EXPECT_EQ(Run(config), RunStatus::kDataError);
  EXPECT_EQ(reporter_.errors, std::vector<std::string>{"d: is a directory: add -r (--recursive) to read the files in it"});
  EXPECT_EQ(fs_.Get("out.jsonl"), "");

  reporter_.errors.clear();
  config.recursive = true;
  config.glob = "*.txt";
  EXPECT_EQ(Run(config), RunStatus::kOk);
  const std::string out = fs_.Get("out.jsonl");
  const std::size_t a = out.find("\"id\":\"a\""), b = out.find("\"id\":\"b\""), c = out.find("\"id\":\"c\"");
  ASSERT_NE(c, std::string::npos) << out;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(out.find("notes"), std::string::npos) << out;
}

// A run with a ledger and a manifest: the output and both state files
// are replaced together, the output first.
class StateFilesTest : public PipelineTest {
 protected:
  void SetUp() override {
    fs_.Add("page.txt", "Title\n\nA paragraph long enough to be kept in the ledger.\n");
    fs_.Add("out.jsonl", "old output\n");
    fs_.Add("m.manifest", Manifest().Serialize());
    fs_.Add("state", Ledger().Serialize());
  }
  RunStatus RunWithState() {
    Result<Manifest> manifest = LoadManifest(fs_, "m.manifest");
    Result<Ledger> ledger = LoadLedger(fs_, "state");
    EXPECT_TRUE(manifest.ok() && ledger.ok());
    manifest_ = std::move(manifest.value());
    ledger_ = std::move(ledger.value());
    RunConfig config;
    config.inputs = {"page.txt"};
    config.output = "out.jsonl";
    config.stages = testing::Stages({"strip", "dedup", "segment"});
    config.output_kind = OutputKind::kChanges;
    config.options.dedup.scope = DedupScope::kStream;
    config.manifest = &manifest_;
    config.manifest_path = "m.manifest";
    config.state.dedup.ledger = &ledger_;
    config.state_path = "state";
    return Run(config);
  }

  Manifest manifest_;
  Ledger ledger_;
};

TEST_F(StateFilesTest, ACleanRunReplacesTheOutputFirstThenTheStateFiles) {
  EXPECT_EQ(RunWithState(), RunStatus::kOk);
  EXPECT_TRUE(reporter_.errors.empty());
  EXPECT_EQ(fs_.commits, (std::vector<std::string>{"out.jsonl", "m.manifest", "state"}));
  EXPECT_NE(fs_.Get("out.jsonl").find("\"change\":\"added\""), std::string::npos) << fs_.Get("out.jsonl");
  Result<Manifest> manifest = Manifest::Parse(fs_.Get("m.manifest"), "m.manifest");
  ASSERT_TRUE(manifest.ok()) << manifest.status().ToString();
  EXPECT_NE(manifest->Find("page"), nullptr);
  Result<Ledger> ledger = Ledger::Parse(fs_.Get("state"), "state");
  ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
  EXPECT_EQ(ledger->documents(), 1u);
  // A second run finds the page unchanged.
  EXPECT_EQ(RunWithState(), RunStatus::kOk);
  EXPECT_NE(fs_.Get("out.jsonl").find("\"change\":\"unchanged\""), std::string::npos) << fs_.Get("out.jsonl");
}

// A state file that cannot be written (a full disk) leaves every file as
// it was, the output too, and says so.
TEST_F(StateFilesTest, AFailedStateWriteReplacesNothing) {
  fs_.Fail("state", MemoryFileSystem::Failure::kPrepare);
  const std::string manifest = fs_.Get("m.manifest");
  const std::string ledger = fs_.Get("state");
  EXPECT_EQ(RunWithState(), RunStatus::kDataError);
  EXPECT_EQ(reporter_.errors, (std::vector<std::string>{
                                  "state: write failed: No space left on device",
                                  "state: nothing was replaced: out.jsonl, m.manifest and state left unchanged",
                              }));
  EXPECT_TRUE(fs_.commits.empty());
  EXPECT_EQ(fs_.Get("out.jsonl"), "old output\n");
  EXPECT_EQ(fs_.Get("m.manifest"), manifest);
  EXPECT_EQ(fs_.Get("state"), ledger);
}

// An output not written in full: the state files must not record
// documents its reader never got.
TEST_F(StateFilesTest, AFailedOutputWriteLeavesTheStateFilesUnchanged) {
  fs_.Fail("out.jsonl", MemoryFileSystem::Failure::kWrite);
  const std::string ledger = fs_.Get("state");
  EXPECT_EQ(RunWithState(), RunStatus::kDataError);
  EXPECT_EQ(reporter_.errors, (std::vector<std::string>{
                                  "out.jsonl: write failed: No space left on device",
                                  "out.jsonl: the output was not delivered in full; m.manifest and state left "
                                  "unchanged",
                              }));
  EXPECT_TRUE(fs_.commits.empty());
  EXPECT_EQ(fs_.Get("state"), ledger);
}

// A page whose text is over 2 MiB (kStreamTextBytes in pipeline.cc): a
// page of many short paragraphs, about 3 MiB.
// Sentences of made-up words, as dedup would not take numbered ones for
// near duplicates.
std::string LargePage() {
  static constexpr std::string_view kSyllables[] = {"ka", "lo", "min", "ter", "sa", "vel", "dor", "ni",
                                                    "pra", "sto", "qui", "ben", "ra", "mo", "tel", "\"q\""};
  std::string page = "Title\n\n";
  std::uint64_t x = 1;
  while (page.size() < (std::size_t{3} << 20)) {
    for (int w = 0; w < 10; ++w) {
      if (w > 0) page += w == 5 ? "\t" : " ";
      for (int k = 0; k < 3; ++k) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        page += kSyllables[x % std::size(kSyllables)];
      }
    }
    page += ".\n\n";
  }
  return page;
}

// A large document's JSON goes to the one output stream as it is made, in
// pieces of about 1 MiB: the same bytes as the whole JSON, which a shard
// (written whole) holds, for any number of jobs, between small documents,
// and all of them counted.
TEST_F(PipelineTest, ALargeDocumentIsWrittenInPiecesAsTheWholeJson) {
  fs_.Add("a.txt", "Title\n\nText.\n");
  fs_.Add("big.txt", LargePage());
  fs_.Add("c.txt", "Other\n\nMore text.\n");
  for (bool pretty : {false, true}) {
    RunConfig config;
    config.inputs = {"a.txt", "big.txt", "c.txt"};
    config.stages = testing::Stages({"strip", "dedup", "segment"});
    config.output_kind = OutputKind::kEmit;
    config.options.emit.pretty = pretty;
    config.options.strip.explain = true;
    config.out_dir = "shards";
    config.shard_documents = 100;
    ASSERT_EQ(Run(config), RunStatus::kOk);
    const std::string whole = fs_.Get("shards/part-00000.jsonl");
    ASSERT_GT(whole.size(), std::size_t{6} << 20);
    config.out_dir.clear();
    config.shard_documents = 0;
    for (std::size_t jobs : {1, 3}) {
      config.jobs = jobs;
      config.output = fmt::format("out{}.jsonl", jobs);
      fs_.largest_write = 0;
      ASSERT_EQ(Run(config), RunStatus::kOk);
      EXPECT_TRUE(fs_.Get(config.output) == whole) << jobs << (pretty ? " pretty" : "");
      EXPECT_LT(fs_.largest_write, std::size_t{2} << 20);
      EXPECT_EQ(outcome_.stats.bytes_out, whole.size());
      EXPECT_EQ(outcome_.stats.documents_out, 3u);
    }
  }
}

// So is the stream record between stages: the record written in pieces
// reads back as the document, which written whole gives the same bytes.
TEST_F(PipelineTest, ALargeStreamRecordIsWrittenInPieces) {
  fs_.Add("big.txt", LargePage());
  RunConfig config;
  config.inputs = {"big.txt"};
  config.output = "out.jsonl";
  config.stages = testing::Stages({"strip"});
  config.output_kind = OutputKind::kStream;
  ASSERT_EQ(Run(config), RunStatus::kOk);
  const std::string record = fs_.Get("out.jsonl");
  EXPECT_LT(fs_.largest_write, std::size_t{2} << 20);
  EXPECT_EQ(outcome_.stats.bytes_out, record.size());
  ASSERT_EQ(record.back(), '\n');
  Document doc;
  StreamDecoder decoder;
  ASSERT_TRUE(decoder.Decode(std::string_view(record).substr(0, record.size() - 1), &doc).ok());
  std::string whole;
  WriteStreamRecord(doc, &whole);
  EXPECT_TRUE(record == whole);
}

// A disk that fills up in the middle of a large document: the run stops as
// it would for a small one, and -o FILE is not replaced by the part written.
TEST_F(PipelineTest, AFailedWriteInALargeDocumentReplacesNothing) {
  fs_.Add("a.txt", "Title\n\nText.\n");
  fs_.Add("big.txt", LargePage());
  fs_.Add("out.jsonl", "old output\n");
  fs_.FailAfter("out.jsonl", MemoryFileSystem::Failure::kWrite, std::size_t{3} << 20);
  for (OutputKind kind : {OutputKind::kEmit, OutputKind::kStream}) {
    for (std::size_t jobs : {1, 2}) {
      reporter_.errors.clear();
      fs_.largest_write = 0;
      RunConfig config;
      config.inputs = {"a.txt", "big.txt", "a.txt"};
      config.output = "out.jsonl";
      config.output_kind = kind;
      config.stages = testing::Stages({"strip", "dedup", "segment"});
      config.jobs = jobs;
      EXPECT_EQ(Run(config), RunStatus::kDataError);
      EXPECT_EQ(reporter_.errors, std::vector<std::string>{"out.jsonl: write failed: No space left on device"});
      EXPECT_LT(fs_.largest_write, std::size_t{2} << 20);  // It failed in the middle of the document.
      EXPECT_EQ(outcome_.stats.documents_out, 1u);
      EXPECT_TRUE(fs_.commits.empty());
      EXPECT_EQ(fs_.Get("out.jsonl"), "old output\n");
    }
  }
}

// Its reader leaving standard output in the middle of a large document is
// no error without state files, and one with them, as for a small one.
TEST_F(PipelineTest, ABrokenPipeInALargeDocument) {
  fs_.Add("big.txt", LargePage());
  fs_.FailAfter("-", MemoryFileSystem::Failure::kEpipe, std::size_t{3} << 20);
  RunConfig config;
  config.inputs = {"big.txt"};
  config.output_kind = OutputKind::kEmit;
  ExpectABrokenPipeIsAnErrorOnlyWithStateFiles(config, std::size_t{3} << 20);
}

// EPIPE on standard output: its reader left. Without state files that is
// no error; with them, they stay as they were, and the run says why.
TEST_F(PipelineTest, ABrokenPipeIsAnErrorOnlyWithStateFiles) {
  fs_.Add("page.txt", "Title\n\nText.\n");
  fs_.Fail("-", MemoryFileSystem::Failure::kEpipe);
  RunConfig config;
  config.inputs = {"page.txt"};
  ExpectABrokenPipeIsAnErrorOnlyWithStateFiles(config, std::nullopt);
}

// --shard-size: full shards as they fill, the last one with the state
// files, and the shards of an earlier, longer run removed.
TEST_F(PipelineTest, ShardsReplaceTheShardsOfALongerRun) {
  fs_.Add("in.jsonl", "{\"id\":\"1\",\"text\":\"One.\"}\n{\"id\":\"2\",\"text\":\"Two.\"}\n"
                      "{\"id\":\"3\",\"text\":\"Three.\"}\n");
  fs_.Add("out/part-00002.jsonl", "stale\n");
  fs_.Add("out/part-00003.jsonl", "stale\n");
  fs_.Add("out/part-00005.jsonl", "not next to the others: kept\n");
  RunConfig config;
  config.inputs = {"in.jsonl"};
  config.out_dir = "out";
  config.output_kind = OutputKind::kEmit;
  config.shard_documents = 2;
  EXPECT_EQ(Run(config), RunStatus::kOk);
  EXPECT_EQ(fs_.Names(), (std::vector<std::string>{"in.jsonl", "out/part-00000.jsonl", "out/part-00001.jsonl",
                                                   "out/part-00005.jsonl"}));
  const std::string first = fs_.Get("out/part-00000.jsonl");
  EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 2);
  EXPECT_EQ(fs_.Get("out/part-00001.jsonl").rfind("{\"id\":\"3\"", 0), 0u);
  EXPECT_EQ(fs_.stdout_text, "");
}

}  // namespace
}  // namespace pagewash
