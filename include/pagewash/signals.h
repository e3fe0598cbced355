// Quality signals of a clean document, for corpus builders: the counts and
// ratios that the Gopher quality and repetition filters (Rae et al. 2021,
// appendix A) and the C4 filters (Raffel et al. 2020) threshold on, computed
// on the text pagewash emits. pagewash does not filter on them; emit writes
// them as metadata.signals with --signals. docs/signals.md defines each one
// and gives the published thresholds.
//
// Terms, all over the emitted "text" (ComposeText):
// - a character is a Unicode code point;
// - a word is a maximal run of characters other than space and newline;
// - a line is a block (the text has one line per block; empty ones are
//   skipped); a paragraph is a run of lines between blank lines;
// - a token is a word of the tokenizer (text/tokenize.h): a case-folded run
//   of letters, digits and combining marks, each character of Chinese,
//   Japanese or Thai text one token.
#ifndef PAGEWASH_SIGNALS_H_
#define PAGEWASH_SIGNALS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "pagewash/document.h"
#include "pagewash/json.h"

namespace pagewash {

struct Signals {
  std::uint64_t characters = 0;  ///< Characters of the text.
  std::uint64_t words = 0;
  double mean_word_length = 0;     ///< Characters per word.
  double hash_word_ratio = 0;      ///< '#' characters per word.
  double ellipsis_word_ratio = 0;  ///< ("…" + non-overlapping "...") per word.
  std::uint64_t lines = 0;
  double lines_ending_with_ellipsis = 0;  ///< Share of lines.
  double lines_starting_with_bullet = 0;  ///< Share: unordered list items, or a bullet first.
  double lines_ending_with_terminal_punctuation = 0;  ///< C4: . ! ? or a closing quote.
  double duplicate_lines = 0;                         ///< Share of lines equal to an earlier line.
  double duplicate_line_chars = 0;  ///< Their characters / characters of the text.
  std::uint64_t paragraphs = 0;
  double duplicate_paragraphs = 0;
  double duplicate_paragraph_chars = 0;
  /// [n - 2] for n = 2, 3, 4: share of word characters covered by the most
  /// frequent n-gram (occurring at least twice; ties: the longest, then the
  /// first), overlapping occurrences counted once.
  std::array<double, 3> top_ngram_chars{};
  /// [n - 5] for n = 5..10: share of word characters covered by n-grams that
  /// occur at least twice (every occurrence), overlaps counted once.
  std::array<double, 6> duplicate_ngram_chars{};
  /// How many of "the be to of and that have with" occur as tokens (0..8).
  std::uint32_t gopher_stop_words = 0;
  /// Share of tokens the stop-word list of metadata.language names
  /// (stopwords-iso); empty when there is no list for the language.
  std::optional<double> stop_word_ratio;
  double alphabetic_words = 0;       ///< Share of words with a letter.
  std::uint64_t curly_brackets = 0;  ///< C4: '{' characters.
  bool lorem_ipsum = false;          ///< C4: "lorem ipsum", any case.
};

/// Computes the signals of `doc`'s emitted text. Ratios with a zero
/// denominator are 0. N-grams are compared by 64-bit hashes of their words:
/// two different n-grams with the same hash (about 1 in 2^64 a pair) would
/// count as one. Reuses scratch buffers per thread. Deterministic.
Signals ComputeSignals(const Document& doc);

/// Writes `s` as a JSON object, ratios rounded to 4 decimals.
void WriteSignals(const Signals& s, JsonWriter* w);

/// Writes "metadata" as WriteMetadata does, with "signals" computed for
/// `doc` (in key order, replacing a "signals" entry the input had).
void WriteMetadataWithSignals(const Document& doc, JsonWriter* w);

}  // namespace pagewash

#endif  // PAGEWASH_SIGNALS_H_
