// The words of a formula that lynx printed as its MathML.
//
// lynx shows a <math> element as its markup, "[MATH: <mi> a </mi> <mo> ≠
// </mo> <mn> 0 </mn> :MATH]", wrapped over as many lines as it takes, where
// a browser, w3m or a page's text shows the formula's own characters,
// "a ≠ 0". FormulaText gives each line of such a formula the text a reader
// sees: the characters between the tags, the words before "[MATH:" and after
// ":MATH]" kept as they are. A formula wrapped over several lines is one
// line of text, as a reader sees it: its characters go to its first line,
// and the lines below it hold only its markup.
//
// A formula that carries an <annotation> (its TeX source) is left alone:
// that is the copy MediaWiki hides behind an image of the formula, so its
// characters are not what the page shows; the content model removes it as
// markup (artefacts.h, EmbeddedMarkup).
#ifndef PAGEWASH_STRIP_FORMULAS_H_
#define PAGEWASH_STRIP_FORMULAS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pagewash::internal {

/// What becomes of one line that holds part of a shown formula.
struct FormulaLine {
  std::size_t index = 0;  ///< The line, in the order given.
  /// The line as a reader sees it, with the characters of the lines that
  /// continue its formulas; empty when the line is only markup (tags and
  /// their attributes) or continues a formula of the line above.
  std::string text;
  /// The line continues a formula that opened above: its characters are in
  /// the text of the first line of that formula.
  bool continues = false;
};

/// The lines of `lines` that hold part of a formula shown as its MathML,
/// with their text, in order. Lines outside formulas, and formulas with an
/// <annotation>, are not listed. A formula that is never closed is left
/// alone: without ":MATH]" nothing says where its markup ends.
std::vector<FormulaLine> FormulaText(const std::vector<std::string_view>& lines);

}  // namespace pagewash::internal

#endif  // PAGEWASH_STRIP_FORMULAS_H_
