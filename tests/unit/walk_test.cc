#include "io/walk.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace pagewash::io {
namespace {

namespace fs = std::filesystem;

// A tree made for each test under the system's temporary directory.
class WalkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "pagewash-walk-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    Touch("b.txt");
    Touch("a.txt");
    Touch("Z.txt");  // Byte order: capitals first.
    Touch("sub/deeper/c.jsonl.gz");
    Touch("sub/d.txt");
    Touch("sub.txt");  // Sorts before "sub/..." ('.' < '/').
    fs::create_directory_symlink(root_, root_ + "/loop");
    fs::create_symlink(root_ + "/a.txt", root_ + "/sub/link.txt");
    fs::create_directory(root_ + "/empty");
  }
  void TearDown() override { fs::remove_all(root_); }

  void Touch(const std::string& rel) {
    fs::path p = fs::path(root_) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "x\n";
  }

  // The paths of `entries` relative to the root, errors as "error: MESSAGE".
  std::vector<std::string> Names(const std::vector<InputEntry>& entries) {
    std::vector<std::string> out;
    for (const InputEntry& e : entries) {
      if (!e.error.ok()) {
        out.push_back("error: " + e.error.ToString());
      } else if (e.path.rfind(root_, 0) == 0) {
        out.push_back(e.path.substr(root_.size() + 1));
      } else {
        out.push_back(e.path);
      }
    }
    return out;
  }

  std::string root_;
};

TEST_F(WalkTest, ReadsEveryFileSortedWithoutFollowingDirectoryLinks) {
  std::vector<std::string> want = {
      "Z.txt", "a.txt", "b.txt", "sub.txt", "sub/d.txt", "sub/deeper/c.jsonl.gz", "sub/link.txt"};
  EXPECT_EQ(Names(ExpandInputs({root_}, WalkOptions{true, ""})), want);
}

TEST_F(WalkTest, GlobMatchesFileNamesOnly) {
  EXPECT_EQ(Names(ExpandInputs({root_}, WalkOptions{true, "*.gz"})),
            std::vector<std::string>{"sub/deeper/c.jsonl.gz"});
  // The pattern is matched against the name, not the path: "sub/*" matches nothing.
  EXPECT_EQ(Names(ExpandInputs({root_}, WalkOptions{true, "sub/*"})), std::vector<std::string>{});
  EXPECT_EQ(Names(ExpandInputs({root_}, WalkOptions{true, "[ab].txt"})),
            (std::vector<std::string>{"a.txt", "b.txt"}));
}

TEST_F(WalkTest, KeepsArgumentOrderAndLeavesFilesAlone) {
  std::vector<std::string> got =
      Names(ExpandInputs({root_ + "/sub/d.txt", "-", root_ + "/sub/deeper", "missing.txt"},
                         WalkOptions{true, "*.gz"}));
  EXPECT_EQ(got,
            (std::vector<std::string>{"sub/d.txt", "-", "sub/deeper/c.jsonl.gz", "missing.txt"}));
}

TEST_F(WalkTest, EmptyDirectoryGivesNothing) {
  EXPECT_TRUE(ExpandInputs({root_ + "/empty"}, WalkOptions{true, ""}).empty());
}

TEST_F(WalkTest, DirectoryWithoutRecursiveIsAnError) {
  std::vector<InputEntry> got = ExpandInputs({root_ + "/sub", root_ + "/a.txt"}, WalkOptions{});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].error.ToString(),
            root_ + "/sub: is a directory: add -r (--recursive) to read the files in it");
  EXPECT_TRUE(got[1].error.ok());
}

TEST_F(WalkTest, DirectoryNamedThroughALinkIsWalked) {
  EXPECT_EQ(Names(ExpandInputs({root_ + "/loop"}, WalkOptions{true, "d.txt"})),
            std::vector<std::string>{"loop/sub/d.txt"});
}

TEST_F(WalkTest, UnreadableDirectoryIsAnErrorAndTheRestIsRead) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  fs::permissions(root_ + "/sub/deeper", fs::perms::none);
  std::vector<std::string> got = Names(ExpandInputs({root_ + "/sub"}, WalkOptions{true, ""}));
  fs::permissions(root_ + "/sub/deeper", fs::perms::owner_all);
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "error: " + root_ + "/sub/deeper: cannot read the directory: Permission denied",
                "sub/d.txt", "sub/link.txt"}));
}

}  // namespace
}  // namespace pagewash::io
