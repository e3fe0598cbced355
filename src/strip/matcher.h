// The phrase matcher: strip's first look at a line, on its own.
//
// Match() tokenizes a line once and walks its words through the compiled
// rules' phrase table (rules_internal.h), so a line is matched against every
// rule in one pass whatever their number. It then judges the rules the
// phrases touched, and the built-in detectors (strip/shapes.h) that run on
// every line, and returns a LineVerdict. The neighbourhood passes
// (strip/passes.h) take it from there.
#ifndef PAGEWASH_STRIP_MATCHER_H_
#define PAGEWASH_STRIP_MATCHER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "rules_internal.h"
#include "text/tokenize.h"

namespace pagewash::internal {

/// What the rules say of one line on its own, but its `near` rules.
struct LineFacts {
  int rule = -1;                          ///< The first rule (in file order) that removes the line.
  int header_rule = -1;                   ///< A `header` rule whose phrases are the whole line.
  std::string_view value;                 ///< Metadata value (byline name, date).
  std::string_view author;                ///< A dateline's "by NAME".
  std::string_view date;                  ///< A byline's date after the name.
};

/// What the rules say of one line on its own.
struct LineVerdict : LineFacts {
  std::vector<std::uint16_t> near_rules;  ///< `near` rules whose phrases are the whole line.
};

/// Matches lines against a rule set. Keeps its scratch between lines, so one
/// Matcher serves a whole document without allocating per line once its
/// buffers have grown. Not thread-safe; use one per thread.
class Matcher {
 public:
  /// `rules` must outlive the Matcher.
  explicit Matcher(const CompiledRules& rules);
  /// A Matcher for Reset() to start.
  Matcher() = default;

  /// Starts over on `rules` (which must outlive the use), keeping the
  /// buffers: a Matcher kept across documents allocates nothing once they
  /// have grown.
  void Reset(const CompiledRules& rules);

  /// The bytes its buffers hold (scratch.h).
  std::size_t CapacityBytes() const;

  /// Judges `line`. The verdict's views point into `line`; it is valid
  /// until the next Match() (its list is reused from line to line).
  const LineVerdict& Match(std::string_view line);

  /// The last line's number of words.
  std::size_t words() const { return words_; }
  /// The last line's tokens, all of them (text::Tokenize of the whole
  /// line), or nullptr when a long line kept only its first few.
  const text::TokenizedText* AllTokens() const { return cut_ ? nullptr : &tokens_; }

  /// The last line's folded words joined by spaces (text::Tokenize), valid
  /// until the next Match(). Of a line of more than kKeptWords words that
  /// was tokenized in parts (longer than text::kTokenizePartBytes and a
  /// half), only the start: the key of its first kKeptWords words or more
  /// and the space after them.
  std::string_view key() const { return tokens_.key; }

  /// The start of key(): its first `n` words (n <= kKeptWords), and the
  /// space after them when more follow; all of it when it has no more.
  std::string_view KeyStart(std::size_t n) const {
    if (words_ <= n) return tokens_.key;
    return std::string_view(tokens_.key).substr(0, tokens_.tokens[n - 1].end + 1);
  }

  /// Of a long line, the words kept whole: enough for every rule that reads
  /// words by position (prefixes, bylines, counts after a phrase) and for
  /// the caption pass, which compares a line's first 21 words.
  static constexpr std::size_t kKeptWords = 128;

  /// Group masks of the vocabulary rules the last line touched, and which
  /// rules it touched; valid until the next Match().
  std::uint64_t Groups(std::size_t rule) const { return groups_[rule]; }
  const std::vector<std::uint16_t>& Touched() const { return touched_; }

 private:
  bool Judge(std::uint16_t r, const Rule& rule, std::string_view line, std::size_t words,
             LineVerdict* v);
  bool IsDateFrom(std::string_view line, std::size_t begin, std::string_view* date);
  bool DateWords(std::uint16_t r, std::size_t first, std::size_t last, std::size_t* end);
  bool JudgeDateline(std::uint16_t r, std::string_view line, std::size_t words, LineVerdict* v);
  std::string_view After(std::string_view line, std::uint32_t words) const;
  bool FollowedBy(std::string_view line, std::uint32_t words, std::string_view then) const;
  bool IsBreadcrumb(std::string_view line, std::uint32_t prefix_words) const;
  void ScanInParts(std::string_view line);
  void Scan(const text::TokenizedText& t, std::size_t to, std::size_t base);
  void Record(std::uint16_t r, std::uint8_t group, std::size_t i, std::size_t n, std::size_t words);

  const CompiledRules* rules_ = nullptr;
  LineVerdict verdict_;         // What Match() returns.
  text::TokenizedText tokens_;  // The line's tokens; of a long one (cut_), the first few.
  std::size_t words_ = 0;       // The line's words.
  bool cut_ = false;            // tokens_ holds only the first of them.
  text::TokenizedText part_;    // A long line's part, and the window scanned.
  text::TokenizedText window_;
  std::vector<std::uint64_t> groups_;        // Vocabulary: groups hit, per rule.
  std::vector<std::uint32_t> prefix_words_;  // Prefix rules: longest prefix hit.
  std::vector<std::uint64_t> covered_;       // Words covered by phrases, per rule.
  std::vector<std::uint8_t> whole_line_;     // Line rules: the line is a phrase.
  std::vector<std::uint8_t> month_;          // Per word of the first 64: a month name.
  std::vector<std::uint8_t> by_;             // Per word of the first 64: "by" in a dateline.
  std::vector<std::uint16_t> touched_;
  std::vector<std::uint16_t> always_;  // Built-in detectors run on every line.
  int dateline_ = -1;                  // The first dateline rule.
};

}  // namespace pagewash::internal

#endif  // PAGEWASH_STRIP_MATCHER_H_
