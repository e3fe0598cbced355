// Site profiles: boilerplate that no rule knows but that repeats across the
// pages of one site (a footer, a slogan, a menu in words no rule lists).
//
// `pagewash strip --learn PROFILE` watches a set of pages and records every
// line that appears on many of them, with how many and where it sits (top,
// middle or bottom of the page); `--profile PROFILE` then removes every copy
// of those lines, the first included. The profile is a text file a person can
// read and keep between runs:
//
//   # pagewash site profile, format 2
//   # pages: 12
//   # pages<TAB>where<TAB>text
//   12	top	Ministry of Digital Affairs
//   11	bottom	ul. Królewska 27, 00-060 Warszawa
//   # checksum 6f1c2a9d8e7b3c40
//
// --learn writes format 2, whose last line is the XXH3 checksum of every byte
// before it, under a lock (StateLock), so that a profile cut short or damaged
// is refused rather than silently removing less. Format 1 is the same
// without the checksum: what a person writes or edits (change the first line
// to "format 1" and delete the checksum line), still read.
//
// Lines are compared as rules compare them: case-folded words, punctuation
// and spacing ignored. Delete a line to keep it in the output;
// add one (any count and place) to remove it.
#ifndef PAGEWASH_PROFILE_H_
#define PAGEWASH_PROFILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pagewash/document.h"
#include "pagewash/result.h"

namespace pagewash {

struct LearnOptions {
  /// A line must be on at least this many pages...
  std::size_t min_pages = 3;
  /// ...and on at least this share of the pages seen.
  double min_share = 0.5;
};

class SiteProfile {
 public:
  enum class Where : std::uint8_t { kTop, kMiddle, kBottom };

  struct Entry {
    std::uint32_t pages = 0;
    Where where = Where::kMiddle;
    std::string text;
  };

  /// Reads a profile; errors name the file and line.
  static Result<SiteProfile> Parse(std::string_view text, std::string_view source);

  /// The file form (see above), entries by pages seen, then by text.
  std::string Serialize() const;

  /// The profile as a strip rule named "site-profile" (type line, its lines
  /// as phrases), to merge into a RuleSet: profiles are matched by the same
  /// engine as every other rule, and removals are explained by that name.
  std::string ToRules() const;

  const std::vector<Entry>& entries() const { return entries_; }
  std::uint32_t pages_seen() const { return pages_seen_; }

  /// Watches pages and builds a profile of their repeated lines.
  class Learner {
   public:
    explicit Learner(LearnOptions options = {}) : options_(options) {}
    /// Records the document's lines (each counted once per page).
    void Observe(const Document& doc);
    /// The profile of what was observed so far.
    SiteProfile Build() const;

   private:
    struct Seen {
      std::uint32_t pages = 0;
      std::uint32_t last_page = 0;
      double position_sum = 0;  // Relative position on each page, 0 top to 1 bottom.
      std::string text;
    };
    LearnOptions options_;
    std::uint32_t pages_ = 0;
    std::unordered_map<std::uint64_t, Seen> lines_;
  };

 private:
  void Add(Entry entry);

  std::vector<Entry> entries_;
  std::unordered_set<std::uint64_t> fingerprints_;
  std::uint32_t pages_seen_ = 0;
};

/// The fingerprint the learner counts lines by: NFKC case-folded words; 0
/// for a line with no words.
std::uint64_t LineFingerprint(std::string_view line);

}  // namespace pagewash

#endif  // PAGEWASH_PROFILE_H_
