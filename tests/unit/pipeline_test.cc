#include "pagewash/pipeline.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "pagewash/files.h"

#include <filesystem>

#include "tests/support/icu_failure.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

namespace fs = std::filesystem;

class RecordingReporter : public Reporter {
 public:
  void Error(const Status& s) override { errors.push_back(s.ToString()); }
  void Warning(const Status& s) override { warnings.push_back(s.ToString()); }
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("pagewash_pipeline_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(PipelineTest, BadInputIsReportedAndTheRestGoesThrough) {
  testing::WriteFile(Path("a.txt"), "Title\n\nText.\n");
  testing::WriteFile(Path("b.jsonl"),
                     "{\"id\":\"1\",\"text\":\"One.\"}\n{\"id\":\"2\",\"text\":\n{\"id\":\"3\",\"text\":\"Three.\"}\n");
  RunConfig config;
  config.inputs = {Path("a.txt"), Path("missing.txt"), Path("b.jsonl")};
  config.output = Path("out.jsonl");
  config.stages = testing::Stages({"strip"});
  RecordingReporter reporter;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kDataError);
  ASSERT_EQ(reporter.errors.size(), 2u);
  EXPECT_EQ(reporter.errors[0], Path("missing.txt") + ": cannot open: No such file or directory");
  EXPECT_EQ(reporter.errors[1].rfind(Path("b.jsonl") + ":2: invalid JSON: ", 0), 0u) << reporter.errors[1];
  std::string out = testing::ReadFileOrDie(Path("out.jsonl"));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3);
  EXPECT_NE(out.find("\"id\":\"a\""), std::string::npos);
  EXPECT_NE(out.find("\"id\":\"3\""), std::string::npos);
}

// A document a stage could not do its work on (here: ICU out of memory
// while reading) is an error naming it; the others go through.
TEST_F(PipelineTest, ADocumentWithAProblemIsReportedAndTheRestGoesThrough) {
  testing::WriteFile(Path("a.txt"), "Title\n\nText.\n");
  testing::WriteFile(Path("b.txt"), "Fine.\n" + testing::NeedsIcuMemory() + "\n");
  testing::WriteFile(Path("c.txt"), "Other\n\nMore text.\n");
  RunConfig config;
  config.inputs = {Path("a.txt"), Path("b.txt"), Path("c.txt")};
  config.output = Path("out.jsonl");
  config.stages = testing::Stages({"strip", "dedup", "segment"});
  config.output_kind = OutputKind::kEmit;
  RecordingReporter reporter;
  {
    testing::FailIcuAllocations failing;
    EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kDataError);
  }
  EXPECT_EQ(reporter.errors,
            std::vector<std::string>{Path("b.txt") +
                                     ": document \"b\": line 2: ICU could not put it in NFC "
                                     "(U_MEMORY_ALLOCATION_ERROR); it is skipped"});
  std::string out = testing::ReadFileOrDie(Path("out.jsonl"));
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
  testing::WriteFile(Path("in.jsonl"), jsonl);
  std::string outs[4];
  std::vector<std::string> errors[4];
  DedupCounters counters[4];
  RunStats stats[4];
  const std::size_t jobs[] = {1, 2, 3, 8};
  for (int k = 0; k < 4; ++k) {
    SeenIndex index(/*audit=*/true);
    RunConfig config;
    config.inputs = {Path("in.jsonl"), Path("missing.txt"), Path("in.jsonl")};
    config.output = Path("out" + std::to_string(k));
    config.output_kind = OutputKind::kEmit;
    config.stages = testing::Stages({"strip", "dedup", "segment"});
    config.options.dedup.scope = DedupScope::kStream;
    config.state.dedup.index = &index;
    config.options.dedup.explain = true;
    config.state.dedup.counters = &counters[k];
    config.stats = &stats[k];
    config.jobs = jobs[k];
    RecordingReporter reporter;
    EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kDataError) << jobs[k];
    outs[k] = testing::ReadFileOrDie(Path("out" + std::to_string(k)));
    errors[k] = reporter.errors;
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
  testing::WriteFile(Path("a.txt"), "Title\n\nText.\n");
  testing::WriteFile(Path("out.json"), "old contents\n");
  RunConfig config;
  config.inputs = {Path("a.txt")};
  config.output = Path("out.json");
  config.output_kind = OutputKind::kEmit;
  config.stages = testing::Stages({"strip", "dedup", "segment"});
  RecordingReporter reporter;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kOk);
  std::string out = testing::ReadFileOrDie(Path("out.json"));
  EXPECT_EQ(out.rfind("{\"id\":\"a\"", 0), 0u) << out;
  // No temporary file is left beside it.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) files += e.is_regular_file();
  EXPECT_EQ(files, 2u);
}

TEST_F(PipelineTest, UnwritableOutputLeavesNothing) {
  testing::WriteFile(Path("a.txt"), "Title\n\nText.\n");
  RunConfig config;
  config.inputs = {Path("a.txt")};
  config.output = Path("no/such/dir/out.json");
  RecordingReporter reporter;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kDataError);
  ASSERT_EQ(reporter.errors.size(), 1u);
  EXPECT_EQ(reporter.errors[0], Path("no/such/dir/out.json") + ": cannot create: No such file or directory");
  // Nothing was created beside the input: no directory, no temporary file.
  std::vector<std::string> left;
  for (const fs::directory_entry& e : fs::directory_iterator(dir_)) left.push_back(e.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"a.txt"});
}

TEST_F(PipelineTest, InvalidUtf8IsAWarning) {
  // UTF-8 with one damaged byte (see text/encoding.h): repaired, not
  // converted.
  testing::WriteFile(Path("bad.txt"), "Title\n\nZa\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 "
                                      "ja\xC5\xBA\xC5\x84, caf\xC3\xA9 cr\xC3\xA8me \xFF text.\n");
  RunConfig config;
  config.inputs = {Path("bad.txt")};
  config.output = Path("out.jsonl");
  RecordingReporter reporter;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kOk);
  ASSERT_EQ(reporter.warnings.size(), 1u);
  EXPECT_EQ(reporter.warnings[0],
            Path("bad.txt") + ": invalid UTF-8 at byte 48: 1 sequence replaced by U+FFFD");
}

TEST_F(PipelineTest, LearnWritesAProfile) {
  for (int i = 1; i <= 3; ++i) {
    testing::WriteFile(Path("p" + std::to_string(i) + ".txt"),
                       "Site name\n\nText of page " + std::to_string(i) + ".\n");
  }
  RunConfig config;
  config.inputs = {Path("p1.txt"), Path("p2.txt"), Path("p3.txt")};
  config.output = Path("out.jsonl");
  config.stages = testing::Stages({"strip"});
  config.learn_profile = Path("site.profile");
  RecordingReporter reporter;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kOk);
  std::string profile = testing::ReadFileOrDie(Path("site.profile"));
  EXPECT_NE(profile.find("\n3\ttop\tSite name\n"), std::string::npos) << profile;
  EXPECT_EQ(profile.find("Text of page"), std::string::npos) << profile;
}

TEST_F(PipelineTest, OutDirWritesOneFilePerDocument) {
  testing::WriteFile(Path("in.jsonl"), "{\"id\":\"a/b\",\"text\":\"One.\"}\n{\"id\":\".hidden\",\"text\":\"Two.\"}\n");
  RunConfig config;
  config.inputs = {Path("in.jsonl")};
  config.output = Path("stdout.txt");
  config.out_dir = Path("out/made/for/it");  // Created, with its parents.
  config.output_kind = OutputKind::kEmit;
  config.options.emit.pretty = true;
  RecordingReporter reporter;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kOk);
  EXPECT_EQ(testing::ReadFileOrDie(Path("out/made/for/it/" + OutDirFileName("a/b"))).rfind("{\n  \"id\": \"a/b\"", 0),
            0u);
  EXPECT_TRUE(std::filesystem::exists(Path("out/made/for/it/" + OutDirFileName(".hidden"))));
  EXPECT_EQ(testing::ReadFileOrDie(Path("stdout.txt")), "");
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
  testing::WriteFile(Path("in.jsonl"),
                     "{\"id\":\"a\",\"text\":\"First.\"}\n{\"id\":\"a\",\"text\":\"Second.\"}\n"
                     "{\"id\":\"a/b\",\"text\":\"Third.\"}\n{\"id\":\"" + crafted + "\",\"text\":\"Fourth.\"}\n"
                     "{\"id\":\"a?b\",\"text\":\"Fifth.\"}\n");
  RunConfig config;
  config.inputs = {Path("in.jsonl")};
  config.out_dir = Path("out");
  config.output_kind = OutputKind::kEmit;
  RecordingReporter reporter;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kDataError);
  EXPECT_NE(testing::ReadFileOrDie(Path("out/a.json")).find("First."), std::string::npos);
  EXPECT_NE(testing::ReadFileOrDie(Path("out/" + crafted + ".json")).find("Third."), std::string::npos);
  EXPECT_NE(testing::ReadFileOrDie(Path("out/" + OutDirFileName("a?b"))).find("Fifth."), std::string::npos);
  const std::vector<std::string> want = {
      Path("out") + "/a.json: document \"a\" comes twice; the file holds the first",
      Path("out") + "/" + crafted + ".json: documents \"a/b\" and \"" + crafted +
          "\" have the same file name; it holds the first",
  };
  EXPECT_EQ(reporter.errors, want);
}

TEST_F(PipelineTest, ChangeFeedUpdatesTheManifest) {
  auto run = [&](std::string_view page) {
    testing::WriteFile(Path("page.txt"), page);
    Result<Manifest> manifest = LoadManifest(Path("m.manifest"));
    EXPECT_TRUE(manifest.ok());
    RunConfig config;
    config.inputs = {Path("page.txt")};
    config.output = Path("feed.jsonl");
    config.stages = testing::Stages({"strip", "dedup", "segment"});
    config.output_kind = OutputKind::kChanges;
    config.manifest = &manifest.value();
    config.manifest_path = Path("m.manifest");
    RecordingReporter reporter;
    EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kOk);
    return testing::ReadFileOrDie(Path("feed.jsonl"));
  };
  EXPECT_NE(run("Title\n\nText one.\n").find("\"change\":\"added\""), std::string::npos);
  EXPECT_NE(run("Title\n\nText one.\n").find("\"change\":\"unchanged\""), std::string::npos);
  std::string changed = run("Title\n\nText two.\n");
  EXPECT_NE(changed.find("\"change\":\"changed\""), std::string::npos) << changed;
  EXPECT_NE(changed.find("\"text\":\"Text two.\""), std::string::npos) << changed;
}

TEST_F(PipelineTest, IdOverridesTheFileName) {
  testing::WriteFile(Path("page.txt"), "Text.\n");
  RunConfig config;
  config.inputs = {Path("page.txt")};
  config.output = Path("out.jsonl");
  config.input.id = "custom-id";
  RecordingReporter reporter;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kOk);
  EXPECT_EQ(testing::ReadFileOrDie(Path("out.jsonl")).rfind("{\"id\":\"custom-id\"", 0), 0u);
}

}  // namespace
}  // namespace pagewash

namespace pagewash {
namespace {

// Stream scope without the run's index is the caller's mistake, refused
// before any input is read.
TEST(DedupStateTest, RunRefusesStreamScopeWithoutAnIndex) {
  struct Recording : Reporter {
    std::vector<std::string> errors;
    void Error(const Status& s) override { errors.push_back(s.ToString()); }
    void Warning(const Status&) override {}
  } reporter;
  RunConfig config;
  config.inputs = {"/nonexistent/never-read"};
  config.stages = {FindStage("dedup")};
  config.options.dedup.scope = DedupScope::kStream;
  EXPECT_EQ(pagewash::Run(config, reporter), ExitCode::kUsage);
  ASSERT_EQ(reporter.errors.size(), 1u);
  EXPECT_EQ(reporter.errors[0], "dedup with scope stream needs a seen index (or a ledger) for the run");
}

}  // namespace
}  // namespace pagewash
