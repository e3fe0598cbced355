// How the lines of an unsegmented document group into logical units: one
// paragraph, list item or heading each. dedup compares units and segment
// turns them into blocks, so both agree on what a paragraph is.
//
// Within a run of lines with no blank line between them, a line continues
// the unit above it when the text was hard-wrapped (the line above is full
// for the run's width, or does not end a sentence, or this one starts in
// lower case) or when it is indented under a list item; it starts a new unit
// when it opens with a list marker or follows a finished sentence (seed 000:
// one-line paragraphs with no blank line between them).
#ifndef PAGEWASH_LAYOUT_H_
#define PAGEWASH_LAYOUT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "pagewash/document.h"

namespace pagewash::internal {

/// A bullet or number at the start of a line.
struct ListMarker {
  std::string_view marker;   ///< "•", "1.", "a)", "iv.".
  std::size_t length = 0;    ///< Bytes of marker and the spaces after it.
  bool ordered = false;
  bool dash = false;         ///< "-", "–", "—": also opens quoted speech.
  bool section_number = false;  ///< "2.1" or "IV.": may number a heading.
  /// "2.1 Scope" (no final dot) reads the same as "1.5 million": it numbers
  /// a heading, never a list item.
  bool heading_only = false;
  int depth = 1;             ///< Levels of a section number: "2.1" is 2.
  /// How it numbers: 'b' bullet, '1' digits, 'a' letters, 'i' lower roman,
  /// 'I' upper roman, 's' section number ("2.1"). Items of one list share it.
  char style = 'b';
};

/// Indentation (columns) from which a line "o item" is a bullet of a nested
/// list, as lynx draws its third level.
inline constexpr std::size_t kNestedListIndent = 6;

/// Recognises a list marker at the start of `line`: a bullet (• · ▪ ◦ ○ ● ■
/// ► ‣ ⁃ - * + – — ✓; "o" when `indent` is kNestedListIndent or more) or a
/// number (1. 2) a) iv. (3) 2.1) followed by a space.
bool ParseListMarker(std::string_view line, ListMarker* marker, std::size_t indent = 0);

/// True if the text ends a sentence: . ! ? … or a closing quote or bracket
/// after one, or ; and : (which end a list item or introduce a list).
bool EndsSentence(std::string_view text);

/// True if the text ends with . ! ? … ; : or a closing quote or bracket.
bool EndsWithSentencePunctuation(std::string_view s);

/// More '(' or '[' opened than closed: the text was cut off inside brackets.
bool HasUnbalancedBracket(std::string_view s);

/// A title glued to a truncated caption: `line` repeats a short (1 to 20
/// words), unpunctuated `head` word for word, then goes on and breaks off:
/// it ends no sentence, or leaves a bracket open. Keys are the folded words
/// joined by spaces (text::Tokenize). A heading followed by a paragraph that
/// begins with its words and ends a sentence is not one. Only the start of
/// `line_key` is read: its first 21 words and the space after them are
/// enough, whatever follows.
bool IsGluedRepeat(std::string_view head, std::string_view head_key, std::size_t head_words,
                   std::string_view line, std::string_view line_key);

/// A logical unit: blocks [first, last] of the document.
struct Unit {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

/// `first` starts further right than the line under it, `next`, which is
/// indented too: the first line of a list item whose marker the renderer
/// left out (lynx writes a reference list's items so, "     ^ Smith, J."
/// over lines at column 3). The lines at `next`'s indent belong to it.
bool IsHangingUnder(const Block& first, const Block& next, const Document& doc);

/// Groups the document's blocks into units. Blocks that are not kLine are a
/// unit each.
std::vector<Unit> SplitUnits(const Document& doc);
/// The same into *units (cleared first), for a caller that keeps the
/// vector across documents.
void SplitUnits(const Document& doc, std::vector<Unit>* units);

/// Text wrapped by a crawler or a mail client is at most this many columns.
inline constexpr std::size_t kWrapWidth = 100;

/// Columns from which a line is one a renderer or a mail client wrapped at
/// about 80 columns, rather than a short line of its own.
inline constexpr std::size_t kWrappedLineWidth = 60;

/// Block `i` is such a line: the line under it, in the same unit, is the
/// rest of its sentence, whatever it would look like alone ("2015.").
bool WrappedAt(const Document& doc, std::size_t i);

/// The page has no blank line at all and some lines are longer than any
/// wrapping: one block element a line, as Common Crawl's WET files and
/// BeautifulSoup's get_text("\n") write pages. Every line is then a unit of
/// its own and starts a paragraph, as if a blank line stood before it.
bool OneBlockPerLine(const Document& doc);

/// Where the page's paragraphs stand: the least indent that a fifth of its
/// wrapped lines have, or more (list items' and quotes' lines stand further
/// in and may outnumber them). lynx sets paragraphs 3 columns in and
/// headings at the margin or centred, so there a line at the paragraphs'
/// indent is no heading (see AtHeadingIndent). The indent is 0 when the
/// prose stands at the margin (w3m, Markdown, plain text) or there is too
/// little of it (fewer than kMinProseLines lines) to tell.
struct BodyLayout {
  std::size_t indent = 0;  ///< Columns before the prose; 0 at the margin or unknown.
  std::size_t width = 0;   ///< The widest line of prose, indent included: the page's width.
};
BodyLayout MeasureBody(const Document& doc);
inline constexpr std::size_t kMinProseLines = 5;

/// Line `b` stands where a heading may: anywhere when the prose is at the
/// margin, else left of the prose or centred in the page's width (lynx
/// centres some top-level headings).
bool AtHeadingIndent(const Document& doc, const Block& b, const BodyLayout& body);

/// Bytes of a Markdown (ATX) heading's opening marks, as html2text and
/// pandoc write them: '#' signs and a space ("## " is 3), when text follows;
/// 0 otherwise ("#hashtag", "# " alone).
std::size_t AtxPrefixLength(std::string_view line);

/// A year of the last two centuries as a number of its own ("2015",
/// "13, 2017"): in a short line, the mark of a date or a byline's date
/// ("Jane Doe - Apr 16, 2015"), not of a headline.
bool HasYear(std::string_view s);

/// Number of code points in `s` (for widths).
std::size_t Width(std::string_view s);

}  // namespace pagewash::internal

#endif  // PAGEWASH_LAYOUT_H_
