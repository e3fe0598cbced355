#include "pagewash/ledger.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pagewash/dedup.h"
#include "pagewash/files.h"
#include "pagewash/pipeline.h"
#include "pagewash/state_lock.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

TEST(LedgerTest, ClaimsReleasesAndRoundTrips) {
  Ledger ledger;
  Ledger::Owner owner;
  std::uint32_t a = ledger.BeginDocument("a");
  EXPECT_TRUE(ledger.Claim(1, a, 1, &owner));
  EXPECT_TRUE(ledger.Claim(2, a, 3, &owner));
  std::uint32_t b = ledger.BeginDocument("b \"quoted\"\n");
  EXPECT_FALSE(ledger.Claim(2, b, 5, &owner));
  EXPECT_EQ(owner.doc, a);
  EXPECT_EQ(owner.line, 3u);
  EXPECT_TRUE(ledger.Claim(3, b, 7, &owner));
  // "a" comes again without fingerprint 2: it is released for others.
  EXPECT_EQ(ledger.BeginDocument("a"), a);
  EXPECT_TRUE(ledger.Claim(1, a, 1, &owner));
  EXPECT_TRUE(ledger.Claim(2, b, 5, &owner));
  EXPECT_EQ(ledger.fingerprints(), 3u);

  std::string file = ledger.Serialize();
  Result<Ledger> back = Ledger::Parse(file, "l");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), file);
  EXPECT_EQ(back->DocumentId(1), "b \"quoted\"\n");
}

TEST(LedgerTest, DamagedOrForeignFilesAreRefused) {
  Ledger ledger;
  Ledger::Owner owner;
  ledger.Claim(7, ledger.BeginDocument("a"), 1, &owner);
  std::string file = ledger.Serialize();
  std::string damaged = file;
  damaged[damaged.find("\"a\"") + 1] = 'b';
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {damaged, "l: checksum mismatch: the ledger is damaged (it is left as it is)"},
      {"hello\n", "l:1: not a pagewash ledger (it is left as it is)"},
      {"pagewash ledger 2\n", "l:1: ledger version \"pagewash ledger 2\" is not supported (this pagewash reads \"pagewash ledger 1\")"},
      {file.substr(0, file.rfind("checksum")), "l: the ledger has no checksum line: it is damaged (it is left as it is)"},
  };
  for (const Case& c : cases) {
    Result<Ledger> r = Ledger::Parse(c.text, "l");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().ToString(), c.message);
  }
}

TEST(LedgerTest, MergeAgreesWithOneRunInShardOrder) {
  // One run over a, b, c against two shards (a, b) and (c), merged in order.
  auto run = [](Ledger* ledger, std::string_view id, std::initializer_list<std::uint64_t> fps) {
    std::uint32_t d = ledger->BeginDocument(id);
    Ledger::Owner owner;
    for (std::uint64_t fp : fps) ledger->Claim(fp, d, static_cast<std::uint32_t>(fp), &owner);
  };
  Ledger single, shard1, shard2;
  run(&single, "a", {1, 2});
  run(&single, "b", {2, 3});
  run(&single, "c", {3, 4});
  run(&shard1, "a", {1, 2});
  run(&shard1, "b", {2, 3});
  run(&shard2, "c", {3, 4});
  Ledger merged;
  merged.MergeFrom(shard1);
  merged.MergeFrom(shard2);
  EXPECT_EQ(merged.Serialize(), single.Serialize());
}

class LedgerFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("pagewash_ledger_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(LedgerFileTest, LockIsExclusive) {
  StateLock first;
  ASSERT_TRUE(first.Acquire(Path("state"), "ledger").ok());
  StateLock second;
  Status s = second.Acquire(Path("state"), "ledger");
  EXPECT_EQ(s.ToString(), Path("state") + ": the ledger is in use by another pagewash run (locked)");
}

TEST_F(LedgerFileTest, ALockFileThatCannotBeCreatedIsNamed) {
  StateLock lock;
  Status s = lock.Acquire(Path("no-such-dir/state"), "ledger");
  EXPECT_EQ(s.ToString(), Path("no-such-dir/state") + ": cannot create the lock file " + Path("no-such-dir/state") +
                              ".lock: No such file or directory");
}

class Quiet : public Reporter {
 public:
  void Error(const Status& s) override { ADD_FAILURE() << s.ToString(); }
  void Warning(const Status&) override {}
};

// A page is cleaned, then cleaned again in a changed version, with
// the same state file; another page owns what they share.
TEST_F(LedgerFileTest, ReIngestionWithTheSameState) {
  auto clean = [&](const std::string& page, const std::string& id) {
    Ledger ledger = LoadLedger(Path("state")).value();
    RunConfig config;
    config.inputs = {page};
    config.input.id = id;
    config.output = Path("out.jsonl");
    config.stages = testing::Stages({"strip", "dedup", "segment"});
    config.output_kind = OutputKind::kEmit;
    config.options.emit.format = OutputFormat::kText;
    config.options.dedup.scope = DedupScope::kStream;
    config.state.dedup.ledger = &ledger;
    config.state_path = Path("state");
    Quiet reporter;
    EXPECT_EQ(pagewash::Run(config, RealFileSystem(), reporter).status, RunStatus::kOk);
    return testing::ReadFileOrDie(Path("out.jsonl"));
  };
  testing::WriteFile(Path("v1.txt"), "Title\n\nFirst version of the text.\n\nA note both pages carry.\n");
  testing::WriteFile(Path("other.txt"), "Other\n\nA note both pages carry.\n\nSomething else entirely.\n");
  testing::WriteFile(Path("v2.txt"), "Title\n\nSecond version of the text.\n\nA note both pages carry.\n");
  EXPECT_EQ(clean(Path("v1.txt"), "page"),
            "Title\n\nFirst version of the text.\n\nA note both pages carry.\n\n");
  EXPECT_EQ(clean(Path("other.txt"), "other"), "Other\n\nSomething else entirely.\n\n");
  // The changed page keeps its own note: its earlier claims are its own.
  EXPECT_EQ(clean(Path("v2.txt"), "page"),
            "Title\n\nSecond version of the text.\n\nA note both pages carry.\n\n");
  Result<Ledger> ledger = LoadLedger(Path("state"));
  ASSERT_TRUE(ledger.ok());
  EXPECT_EQ(ledger->documents(), 2u);
  // "First version" was released; the note and the two own paragraphs remain.
  EXPECT_EQ(ledger->fingerprints(), 3u);
}

}  // namespace
}  // namespace pagewash
