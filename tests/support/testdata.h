// Helpers shared by the test binaries: finding and reading testdata, and
// running the pipeline in process the way the CLI does.
#ifndef PAGEWASH_TESTS_SUPPORT_TESTDATA_H_
#define PAGEWASH_TESTS_SUPPORT_TESTDATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "pagewash/document.h"
#include "pagewash/pipeline.h"

namespace pagewash::testing {

/// PAGEWASH_TESTDATA_DIR + "/" + relative.
std::string TestdataPath(std::string_view relative);

/// Files in `dir` whose names end with `suffix`, sorted.
std::vector<std::string> ListFiles(const std::string& dir, std::string_view suffix);

/// The whole file; fails the current test if it cannot be read.
std::string ReadFileOrDie(const std::string& path);

/// Writes `text` to `path`.
void WriteFile(const std::string& path, std::string_view text);

/// The file name without directory and extension.
std::string Stem(const std::string& path);

/// A raw page read as the CLI reads it (id from the file name).
Document ReadPage(const std::string& path);

/// The stage functions named, in order.
std::vector<const Stage*> Stages(std::initializer_list<std::string_view> names);

/// `pagewash clean` in process: the output bytes for one page.
std::string CleanInProcess(const std::string& path, const PipelineOptions& options);

/// `pagewash strip | pagewash dedup | pagewash segment | pagewash emit` in
/// process: each stage's output goes through the stream writer and decoder.
std::string ChainInProcess(const std::string& path, const PipelineOptions& options);

/// A document read from raw text in memory (id "t", source "test").
Document FromText(std::string_view text);

/// A canonical one-line-per-block dump for structural checks:
/// "H1 Title", "P text", "L• item" (marker after L), "line text" before
/// segment, and "| " prefixed to a block that follows a blank line.
std::string DebugString(const Document& doc);

/// True when PAGEWASH_UPDATE_GOLDEN=1: golden tests rewrite expected files.
bool UpdateGolden();

}  // namespace pagewash::testing

#endif  // PAGEWASH_TESTS_SUPPORT_TESTDATA_H_
