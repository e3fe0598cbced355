// The golden scorer: compares pagewash's output for a page with what a
// careful editor made of it (testdata/gold/*.json, format in GOLD.md).
//
// Texts are compared after collapsing whitespace; otherwise exactly.
// - Blocks: paragraphs and list items, matched as multisets of texts
//   (precision over the output's blocks, recall over the gold's).
// - Headings and list items: the same, each kind on its own.
// - Boilerplate: a gold piece leaked if an output heading or block equals
//   it, or an output block that is not gold content contains it (it was
//   glued to content).
// - Duplicates: each must occur exactly once among the output's headings
//   and blocks (a list marker on either side is ignored).
// - Author and title: equal to the gold's.
#ifndef PAGEWASH_TESTS_GOLDEN_SCORE_H_
#define PAGEWASH_TESTS_GOLDEN_SCORE_H_

#include <optional>
#include <string>
#include <vector>

#include "pagewash/document.h"

namespace pagewash::testing {

struct GoldBlock {
  std::string type;  // "paragraph" or "list_item"
  std::string text;
};

struct GoldSection {
  std::optional<std::string> heading;
  std::vector<GoldBlock> blocks;
};

struct GoldPage {
  std::string title;
  std::string language;
  std::vector<GoldSection> sections;
  std::string author;
  std::string date;
  std::vector<std::string> boilerplate;
  std::vector<std::string> duplicates;
};

/// Parses a gold file. Returns false and sets *error when it is malformed.
bool ParseGold(std::string_view json, GoldPage* gold, std::string* error);

/// Counts for one page, or summed over pages.
struct Score {
  std::size_t gold_blocks = 0, out_blocks = 0, matched_blocks = 0;
  std::size_t gold_headings = 0, out_headings = 0, matched_headings = 0;
  std::size_t gold_items = 0, out_items = 0, matched_items = 0;
  std::size_t boilerplate = 0, boilerplate_removed = 0;
  std::size_t duplicates = 0, duplicates_once = 0;
  std::size_t authors = 0, authors_found = 0;
  std::size_t titles = 0, titles_right = 0;
  std::size_t languages = 0, languages_right = 0;
  std::vector<std::string> problems;  // Human-readable, for the report.

  void Add(const Score& other);
  double BlockPrecision() const;
  double BlockRecall() const;
  double BlockF1() const;
  double HeadingF1() const;
  double ListItemF1() const;
  double BoilerplateRemoved() const;
};

/// Scores a segmented document against its gold.
Score ScorePage(const GoldPage& gold, const Document& doc);

/// One line of the report: the page name and its figures.
std::string FormatScore(std::string_view name, const Score& score);

}  // namespace pagewash::testing

#endif  // PAGEWASH_TESTS_GOLDEN_SCORE_H_
