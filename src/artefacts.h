// What text renderers print for a page's elements that carry no text of
// its own: image labels, buttons, form fields, lynx's link bar and inline
// marks, and markup printed as text (MathML, TeX). The content model leaves
// these out of the units it judges and removes them as renderer-artefact.
#ifndef PAGEWASH_ARTEFACTS_H_
#define PAGEWASH_ARTEFACTS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace pagewash::internal {

/// A line a text renderer makes of an element with no text of its own: an
/// image's file name or alt text in brackets ("[logo.png]", "[IMG]"), an
/// inline frame ("IFRAME: https://..."), a button or a form field
/// ("(BUTTON) Search", "____________"), a few numbers and no letter (a
/// counter, a chart's axis), a line mostly of tags.
bool IsRendererArtefact(std::string_view line);

/// A few numbers and no letter ("2015.", "3 / 12"): an artefact alone, the
/// end of a sentence under a wrapped line.
bool IsNumbersOnly(std::string_view line);

/// lynx opens a page with its <link> elements, "#alternate alternate ...",
/// "#RSS Feed": a line that opens with '#' and a word ("# Title" is a
/// Markdown heading).
bool IsLinkBar(std::string_view line);

/// Appends `line` to *out without lynx's inline marks of inserted and deleted
/// text, "[INS: word :INS]" (ad slots and teasers are often <ins> elements;
/// a mark wrapped over lines leaves "[INS:" at the end of one and ":INS]" at
/// the start of the next). The marks are no words of the page: counted,
/// "INS" (a German stop word) outvotes the page's language.
void AppendWithoutInlineMarks(std::string_view line, std::string* out);

/// Markup that runs over lines: lynx prints a formula's MathML as
/// "[MATH: <semantics> ... :MATH]" over many lines, and a page's TeX
/// fallback follows as "{\displaystyle ...}". Fed a page's lines in order,
/// says which are markup: those inside a formula, and the one that closes
/// it unless prose follows (kProseWords words or more).
class EmbeddedMarkup {
 public:
  static constexpr std::size_t kProseWords = 3;
  bool IsMarkup(std::string_view line);

 private:
  void OpensMath(std::string_view s);              // A formula opens in `s` and runs on below.
  std::size_t CloseBraces(std::string_view line);  // Where the TeX group closes.
  bool in_math_ = false;
  int tex_depth_ = 0;
};

}  // namespace pagewash::internal

#endif  // PAGEWASH_ARTEFACTS_H_
