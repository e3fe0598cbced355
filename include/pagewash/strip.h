// Stage 1 of 4: strip removes boilerplate, the furniture a crawler leaves in
// a page's text: consent notices and their buttons, navigation and "Back to
// top" links, language switchers, stray code, bylines (which become
// metadata), a title glued to a truncated caption.
//
// What counts as boilerplate is data: a RuleSet (see rules.h). strip looks
// at each block on its own (line, prefix, vocabulary, switcher, byline and
// code rules), then at neighbours: `near` rules take the buttons next to a
// removed notice, and the caption rule compares a line with the headings
// just above it.
#ifndef PAGEWASH_STRIP_H_
#define PAGEWASH_STRIP_H_

#include "pagewash/document.h"
#include "pagewash/rules.h"
#include "pagewash/site_evidence.h"

namespace pagewash {

/// How the content model trades the two kinds of error: `precision` removes
/// more (some content may go), `recall` keeps more (some furniture stays).
enum class Favor { kPrecision, kBalanced, kRecall };

struct StripOptions {
  /// The rules to apply; nullptr means RuleSet::Default(). Not owned; must
  /// outlive the call.
  const RuleSet* rules = nullptr;
  /// Keep each removed block in Document::removed with its rule's name.
  bool explain = false;
  /// Judge the main content by shape (content.h) besides the phrase rules.
  bool content_model = true;
  Favor favor = Favor::kBalanced;
  /// The furniture of the document's site found in this run (SiteEvidence),
  /// or nullptr; every line it holds is removed as `site-evidence`. Not owned.
  const FurnitureSet* site_furniture = nullptr;
};

/// Returns `doc` without its boilerplate blocks. Adds "strip" to
/// doc.stages, counts removals in doc.stats.stripped and fills metadata from
/// byline rules (the first value found for a field wins). Works on blocks of
/// any kind, so it may run before or after segment. Never fails.
Document StripBoilerplate(Document doc, const StripOptions& options);

}  // namespace pagewash

#endif  // PAGEWASH_STRIP_H_
