// Evidence across the pages of one site, found within one run.
//
// A site's furniture (its menu, slogan, hotline, footer) stands on most of
// its pages, in words no rule knows. When one run holds several pages of a
// site, a first pass over the inputs counts, per site, on how many pages
// each line stands; strip then removes every copy of the lines that stand on
// at least `min_pages` pages and on `min_share` of the site's pages, the
// first copy included, as `site-evidence`. It is `--learn` and `--profile`
// in one run, with no file.
//
// Which site a page belongs to: the host of its record's `url` field, or of
// `source` when that is a URL (SiteFrom::kUrl, the default); or, when asked,
// the directory of its file (kDir: one directory often holds many sites, so
// never by default). A line shared by pages of different sites is no
// evidence: lines are counted per site.
//
// Memory is bounded: a line is tracked by its 64-bit fingerprint only (its
// NFKC case-folded words, as site profiles compare lines), lines longer than
// kMaxLineBytes are not furniture and are not counted, and once
// `max_lines` lines are tracked in all, lines not yet seen are not added.
#ifndef PAGEWASH_SITE_EVIDENCE_H_
#define PAGEWASH_SITE_EVIDENCE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pagewash/document.h"

namespace pagewash {

enum class SiteFrom : std::uint8_t { kNone, kUrl, kDir };

/// The site `doc` belongs to, or empty: the lower-case host of its `url`
/// field or URL `source` (without "www."), or its file's directory.
std::string SiteOf(const Document& doc, SiteFrom from);

struct SiteEvidenceOptions {
  SiteFrom from = SiteFrom::kUrl;
  std::size_t min_pages = 3;
  double min_share = 0.5;
  /// At most this many lines are tracked over all sites (about 40 bytes each).
  std::size_t max_lines = std::size_t{1} << 22;
};

/// The fingerprints of one site's furniture lines.
using FurnitureSet = std::unordered_set<std::uint64_t>;

class SiteEvidence {
 public:
  /// Lines longer than this (in bytes) are never counted as furniture.
  static constexpr std::size_t kMaxLineBytes = 300;

  explicit SiteEvidence(SiteEvidenceOptions options = {}) : options_(options) {}

  /// First pass: counts the lines of one page of its site.
  void Observe(const Document& doc);

  /// What Observe counts of one page: its site and the fingerprints of the
  /// lines that may be furniture, in page order.
  struct PageLines {
    std::string site;  ///< Empty: the page has no site, and is not counted.
    std::vector<std::uint64_t> fingerprints;
  };
  /// The first half of Observe(doc): reads only `doc`, so it may run on any
  /// thread. Observe(LinesOf(doc)) counts what Observe(doc) counts.
  void LinesOf(const Document& doc, PageLines* out) const;
  /// The second half: the counting, one page at a time, in input order.
  void Observe(const PageLines& page);

  /// Ends the first pass: decides each site's furniture and frees the counts.
  void Finish();

  /// Second pass: the furniture of doc's site, or nullptr when it has none.
  const FurnitureSet* FurnitureOf(const Document& doc) const;

  /// Sites seen with furniture found (for --stats and tests).
  std::size_t sites_with_furniture() const { return furniture_.size(); }

 private:
  struct Count {
    std::uint32_t pages = 0;
    std::uint32_t last_page = 0;
  };
  struct Site {
    std::uint32_t pages = 0;
    std::unordered_map<std::uint64_t, Count> lines;
  };
  SiteEvidenceOptions options_;
  std::unordered_map<std::string, Site> sites_;
  std::unordered_map<std::string, FurnitureSet> furniture_;
  std::size_t tracked_ = 0;
};

}  // namespace pagewash

#endif  // PAGEWASH_SITE_EVIDENCE_H_
