#include "tests/support/testdata.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pagewash/json.h"
#include "pagewash/text_input.h"

namespace pagewash::testing {

std::string TestdataPath(std::string_view relative) {
  return std::string(PAGEWASH_TESTDATA_DIR) + "/" + std::string(relative);
}

std::vector<std::string> ListFiles(const std::string& dir, std::string_view suffix) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      files.push_back(name);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  EXPECT_TRUE(out.good()) << "cannot write " << path;
}

std::string Stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

Document ReadPage(const std::string& path) {
  Document doc;
  TextReader reader;
  (void)reader.Read(ReadFileOrDie(path), &doc);
  doc.id = Stem(path);
  doc.source = path;
  return doc;
}

std::vector<const Stage*> Stages(std::initializer_list<std::string_view> names) {
  std::vector<const Stage*> stages;
  for (std::string_view n : names) stages.push_back(FindStage(n));
  return stages;
}

std::string CleanInProcess(const std::string& path, const PipelineOptions& options) {
  Document doc = ApplyStages(ReadPage(path), Stages({"strip", "dedup", "segment"}), options);
  std::string out;
  EmitDocument(doc, options.emit, &out);
  return out;
}

std::string ChainInProcess(const std::string& path, const PipelineOptions& options) {
  // `pagewash strip page.txt` reads the raw page; every later filter reads
  // the previous one's stream record.
  Document doc = FindStage("strip")->apply(ReadPage(path), options, {});
  StreamDecoder decoder;
  std::string record;
  for (const Stage* next : {FindStage("dedup"), FindStage("segment"), static_cast<const Stage*>(nullptr)}) {
    record.clear();
    WriteStreamRecord(doc, &record);
    EXPECT_EQ(record.back(), '\n');
    Status s = decoder.Decode(std::string_view(record).substr(0, record.size() - 1), &doc);
    EXPECT_TRUE(s.ok()) << s.ToString();
    if (next != nullptr) doc = next->apply(std::move(doc), options, {});
  }
  std::string out;
  EmitDocument(doc, options.emit, &out);
  return out;
}

Document FromText(std::string_view text) {
  Document doc;
  TextReader reader;
  (void)reader.Read(text, &doc);
  doc.id = "t";
  doc.source = "test";
  return doc;
}

std::string DebugString(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    if (b.gap) out += "| ";
    switch (b.kind) {
      case BlockKind::kLine:
        out += "line ";
        break;
      case BlockKind::kHeading:
        out += "H" + std::to_string(b.level) + " ";
        break;
      case BlockKind::kParagraph:
        out += "P ";
        break;
      case BlockKind::kListItem:
        out += "L" + std::string(doc.Text(b.marker)) + " ";
        break;
    }
    out += doc.Text(b);
    out += "\n";
  }
  return out;
}

bool UpdateGolden() {
  const char* v = std::getenv("PAGEWASH_UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

}  // namespace pagewash::testing
