// Strip rules: what boilerplate looks like, as data.
//
// Rules come from rule files: the defaults under src/rules/ (compiled into
// the library) and any the user adds with --rules. The format is documented
// in src/rules/README.md; in short:
//
//   # A comment.
//   [back-link]                      a rule, named; names are unique
//   type = line                      what kind of test it is (below)
//   phrases = back | back to top     '|' separates phrases; lines add up
//
// Phrases are compared case-folded, as words: punctuation, symbols and
// spacing never matter, so "↑ Back to top" matches "back to top". Every
// phrase of every rule goes into one hash table, so a line is matched
// against all rules in one pass over its words, whatever their number.
//
// Types (src/rules/README.md says when each removes a line and which keys it
// takes; a built-in type is a detector in code, which a rule only names):
//   line        the whole line is one of the phrases
//   prefix      the line starts with a phrase (and `then`) and is short
//   near        as `line`, but only beside a match of the rules named in `near`
//   vocabulary  the line hits phrases of min-groups groups, and every `require` one
//   switcher    the phrases cover every word (or min-coverage percent): a switcher
//   byline      a phrase, then a name, which becomes metadata[field]
//   code        built in: a line of JSON, JavaScript or CSS
//   caption     built in: a line that repeats a heading above it, then breaks off
//   breadcrumb  a trail: a phrase and a separator, or two separators (a > b > c)
//   dateline    a date, maybe labelled and signed; it becomes metadata[field]
//   header      a heading ("Related posts"); the link titles under it go too
//   linkbar     built in: three or more short segments between one separator
//   address     a street phrase and a postal code, and no sentence
//   sender      built in: a mail sender's name and address; the name is metadata
//   signature   built in: a line "--" and the mail signature after it
//   barrier     the whole line is a phrase ("Comments"): the main content ends here
#ifndef PAGEWASH_RULES_H_
#define PAGEWASH_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pagewash/result.h"

namespace pagewash {

namespace internal {
struct CompiledRules;
}

/// A compiled set of strip rules. Cheap to share: copies share one immutable
/// table.
class RuleSet {
 public:
  /// The rules shipped with pagewash.
  static const RuleSet& Default();

  /// Parses rule files' text. `text` may hold several files, each begun by a
  /// line "#file NAME" (as the embedded defaults are); errors name the file
  /// and line: "navigation.rules:12: unknown type \"lines\"".
  static Result<RuleSet> Parse(std::string_view text, std::string_view source_name);

  /// A set with this set's rules followed by `more` (user rules add to the
  /// defaults). Returns InvalidInput when a name is defined twice.
  Result<RuleSet> Merge(std::string_view more, std::string_view source_name) const;

  /// Number of rules.
  std::size_t size() const;

  const internal::CompiledRules& compiled() const { return *compiled_; }

 private:
  std::string text_;  // All rule text so far, for Merge.
  std::shared_ptr<const internal::CompiledRules> compiled_;
};

}  // namespace pagewash

#endif  // PAGEWASH_RULES_H_
