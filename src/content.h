// The content model: which blocks of a page are its main content.
//
// Phrase rules know furniture by its words; most furniture on real pages is
// known by its shape instead: runs of short link labels (menus), lists of
// other articles' titles (teasers), renderer artefacts ("[logo.png]",
// "(BUTTON)", "____" form fields), and prose that stands apart from the
// article (sidebars, footers, comment threads). The model judges each unit (a
// paragraph reflowed from its wrapped lines, a list item, a heading
// candidate) from what plain text still shows:
//
//  1. Its own shape: words, share of stop words in the page's language (58
//     languages, src/lang/stopwords-iso.json), whether it ends a sentence,
//     share of capitalised words.
//  2. Its neighbours: a short unit between good prose is content, between
//     furniture is furniture (jusText's context-sensitive classification,
//     Pomikálek 2011).
//  3. Where it sits: the main content is the span of units with the largest
//     sum of signed scores (Finn et al.'s Body Text Extraction); everything
//     outside it goes, and inside it only what is clearly not content.
//
// Every removal names its reason: outside-main-content, menu, not-prose,
// renderer-artefact.
#ifndef PAGEWASH_CONTENT_H_
#define PAGEWASH_CONTENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "layout.h"
#include "text/tokenize.h"
#include "pagewash/document.h"
#include "pagewash/strip.h"

namespace pagewash::internal {

/// The reasons the content model gives.
inline constexpr std::string_view kOutsideMainContent = "outside-main-content";
inline constexpr std::string_view kMenu = "menu";
inline constexpr std::string_view kRendererArtefact = "renderer-artefact";
/// Inside the span, a unit of many words and few stop words that is not a
/// run of link labels: a list of names, tags or titles.
inline constexpr std::string_view kNotProse = "not-prose";
/// Inside the span, the slides of a gallery: three or more list items
/// numbered "k/N" with one N ("1/50 Title, caption"), when the span holds
/// an article beside them: a slideshow of other stories.
inline constexpr std::string_view kGallery = "gallery";

/// What the content model needs of each line's words: counts, and the
/// languages of its stop words. Tokens are context-free across a space, so
/// a unit's are the sum of its lines'. Filled line by line, in block order.
struct PageWords {
  static constexpr std::uint32_t kNotCounted = 0xFFFFFFFF;
  struct Line {
    std::uint32_t tokens = kNotCounted;  ///< kNotCounted: left to the model to tokenize.
    std::uint32_t short_tokens = 0;      ///< Of one or two bytes: a letter, a digit.
    std::uint32_t words = 0;             ///< As text::CountStopwords counts them.
    std::uint32_t stops_end = 0;  ///< Its stop words end here in stop_sets; begin where the line before's end.
  };
  std::vector<Line> lines;                  ///< One a block.
  std::vector<std::uint16_t> stop_sets;     ///< text::StopwordIndex::LanguageSetId of each stop word.

  void Clear() {
    lines.clear();
    stop_sets.clear();
  }
  std::size_t CapacityBytes() const {
    return lines.capacity() * sizeof(Line) + stop_sets.capacity() * sizeof(std::uint16_t);
  }
};

/// Appends to *words the line whose tokens (all of them, text::Tokenize of
/// the whole line) are `tokens`; nullptr appends a line left uncounted.
void AddLineWords(const text::TokenizedText* tokens, PageWords* words);

struct ContentVerdict {
  /// For each block, the reason the content model removes it, or an empty
  /// view to keep it.
  std::vector<std::string_view> reasons;
  /// The first block of the main content's headline (kept), or -1: of the
  /// heading-shaped lines above the main content and at its start, the one
  /// whose words the article repeats most; not a byline or a date.
  int headline = -1;
  /// Its text: its lines joined by spaces.
  std::string headline_text;
};

/// Judges the blocks of `doc` (unsegmented kLine blocks, or blocks of any
/// kind). Blocks with removed[i] set are already gone: they are neither
/// judged nor counted as neighbours. A gone block with barrier[i] set (a
/// `barrier` rule's line, "Comments") ends any main-content span that
/// reaches it. `units`, if given, must be SplitUnits(doc): a caller that
/// has them already saves splitting the page again. A barrier with
/// final_barrier[i] set (a `final` rule's, "Comments") ends the article for
/// good: what follows it is the main content only when it outweighs all
/// before it more than three times over; after any other barrier (a box) the
/// heavier side wins, joined by the run of prose right above the box when
/// the box stands right above it.
///
/// `words`, when given, holds what the lines' words are to the model, as
/// strip's matcher counted them while it tokenized each line (AddLineWords):
/// a unit is then not tokenized again unless one of its lines was not
/// counted or loses an inline mark. The verdict is the same either way.
ContentVerdict JudgeContent(const Document& doc, const std::vector<bool>& removed, const std::vector<bool>& barrier,
                            Favor favor, const std::vector<Unit>* units = nullptr,
                            const std::vector<bool>* final_barrier = nullptr, const PageWords* words = nullptr);

}  // namespace pagewash::internal

#endif  // PAGEWASH_CONTENT_H_
