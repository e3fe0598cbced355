#include "pagewash/segment.h"

#include <algorithm>
#include <string>
#include <vector>

#include "layout.h"
#include "scratch.h"
#include "pagewash/language.h"
#include "text/unicode.h"

namespace pagewash {
namespace {

using internal::ListMarker;
using internal::Unit;

// 20 bytes a unit: a page of many short paragraphs has as many candidates.
// The few whose line opens like a list marker keep what was read of it
// aside, in SegmentScratch::markers.
struct Candidate {
  static constexpr std::uint32_t kNoMarker = 0xFFFFFFFF;
  Unit unit;
  std::uint32_t marker = kNoMarker;  // Its index in the markers, or kNoMarker.
  BlockKind kind = BlockKind::kParagraph;
  std::uint8_t atx = 0;  // A Markdown heading: its "#" signs ("## Scope": 2).
  bool has_marker = false;  // The marker stands (markers[marker] is one).
  bool gap = false;         // A blank line (or the start) precedes the unit.
  bool unmarked_item = false;  // A list item whose marker the renderer left out.
};
static_assert(sizeof(Candidate) <= 20);

// A Markdown (ATX) heading, as html2text and pandoc write them: one to six
// '#', a space, then text (that ends as a heading may: see EndsLikeHeading).
// Returns the number of '#', or 0. "#hashtag" is none.
std::size_t AtxLevel(std::string_view line) {
  std::size_t marks = internal::AtxPrefixLength(line);
  return marks >= 2 && marks - 1 <= 6 ? marks - 1 : 0;
}

std::size_t CountWords(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool StartsLikeHeading(std::string_view s) {
  if (s.empty()) return false;
  if (s.front() == '[') {
    // A mailing-list tag: "[textkit-dev] Proposal: ...".
    std::size_t close = s.find("] ");
    if (close == std::string_view::npos || close > 40) return false;
    s.remove_prefix(close + 2);
    if (s.empty()) return false;
  }
  std::size_t i = 0;
  std::uint32_t c = text::NextCodePoint(s, &i);
  if (c == '"' || c == 0x201C || c == 0x201E || c == 0xAB || c == '\'' || c == 0x2018) {
    if (i >= s.size()) return false;
    c = text::NextCodePoint(s, &i);
  }
  if (c >= '0' && c <= '9') return true;
  if (!text::IsLetter(c)) return false;
  return !text::IsLower(c);  // Capitals, and letters of caseless scripts.
}

// Ends like a heading may: not with sentence punctuation other than '?',
// and not with a comma or a dash that leaves it hanging.
bool EndsLikeHeading(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == '?') return true;
  if (internal::EndsSentence(s)) return false;
  static constexpr std::string_view kHanging[] = {",", "-", "–", "—", "(", "/", "&", "+"};
  for (std::string_view h : kHanging) {
    if (s.size() >= h.size() && s.substr(s.size() - h.size()) == h) return false;
  }
  return true;
}

// What SegmentSections keeps across documents, one per thread (-j N runs
// documents on worker threads), so that a document costs no allocation for
// them once they have grown.
struct SegmentScratch {
  std::vector<Unit> units;
  std::vector<Candidate> cands;
  std::vector<ListMarker> markers;  // Of the candidates that have one.
  std::string joined;

  std::size_t CapacityBytes() const {
    return units.capacity() * sizeof(Unit) + cands.capacity() * sizeof(Candidate) +
           markers.capacity() * sizeof(ListMarker) + joined.capacity();
  }
};

}  // namespace

Document SegmentSections(Document doc, const SegmentOptions& options) {
  thread_local internal::Scratch<SegmentScratch> scratch;
  std::vector<Unit>& units = scratch.units;
  internal::SplitUnits(doc, &units);
  const bool one_block_per_line = internal::OneBlockPerLine(doc);
  std::vector<Candidate>& cands = scratch.cands;
  cands.clear();
  cands.reserve(units.size());
  std::vector<ListMarker>& markers = scratch.markers;
  markers.clear();
  for (const Unit& u : units) {
    Candidate c;
    c.unit = u;
    const Block& first = doc.blocks[u.first];
    c.gap = first.gap || u.first == 0 || one_block_per_line;
    if (first.kind != BlockKind::kLine) {
      c.kind = first.kind;
    } else if (const std::size_t atx = AtxLevel(doc.Text(first));
               atx > 0 && u.first == u.last && EndsLikeHeading(doc.Text(first))) {
      c.atx = static_cast<std::uint8_t>(atx);
      c.kind = BlockKind::kHeading;  // Marked up as one: no need to guess.
    } else {
      ListMarker marker;
      c.has_marker = internal::ParseListMarker(doc.Text(first), &marker, first.indent);
      c.kind = c.has_marker && !marker.heading_only ? BlockKind::kListItem : BlockKind::kParagraph;
      // What a line that is no list item gave is kept too: an item found
      // later without a marker (below) takes its marker's bytes off, as
      // when every candidate kept its own.
      if (c.has_marker || marker.ordered || !marker.marker.empty() || marker.length != 0) {
        c.marker = static_cast<std::uint32_t>(markers.size());
        markers.push_back(marker);
      }
    }
    cands.push_back(c);
  }

  auto text_of = [&](const Candidate& c) { return doc.Text(doc.blocks[c.unit.first]); };
  static const ListMarker kNoListMarker;
  auto marker_of = [&](const Candidate& c) -> const ListMarker& {
    return c.marker == Candidate::kNoMarker ? kNoListMarker : markers[c.marker];
  };
  auto is_kline = [&](const Candidate& c) { return doc.blocks[c.unit.first].kind == BlockKind::kLine; };

  // Dashes open quoted speech as often as they open list items: a dash item
  // counts as a list item only beside another one, and never when the line
  // carries a second dash (– Ready – he said.).
  for (std::size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (!is_kline(c) || !c.has_marker || !marker_of(c).dash) continue;
    std::string_view rest = text_of(c).substr(marker_of(c).length);
    bool speech = rest.find(" – ") != std::string_view::npos || rest.find(" — ") != std::string_view::npos;
    auto dash_item = [&](std::size_t j) {
      return cands[j].has_marker && marker_of(cands[j]).dash && marker_of(cands[j]).marker == marker_of(c).marker;
    };
    bool beside = (i > 0 && dash_item(i - 1)) || (i + 1 < cands.size() && dash_item(i + 1));
    if (speech || !beside) {
      c.has_marker = false;
      c.kind = BlockKind::kParagraph;
    }
  }

  // Items without markers: paragraphs whose first line starts further right
  // than the lines under it (IsHangingUnder), three or more in a row with
  // one-line paragraphs that start where their first lines do.
  auto hanging = [&](const Candidate& c) {
    return is_kline(c) && c.gap && !c.has_marker && c.unit.last > c.unit.first &&
           internal::IsHangingUnder(doc.blocks[c.unit.first], doc.blocks[c.unit.first + 1], doc);
  };
  for (std::size_t i = 0; i < cands.size();) {
    if (!hanging(cands[i])) {
      ++i;
      continue;
    }
    const std::size_t indent = doc.blocks[cands[i].unit.first].indent;
    auto fits = [&](const Candidate& c) {
      return is_kline(c) && c.gap && !c.has_marker && doc.blocks[c.unit.first].indent == indent &&
             (c.unit.first == c.unit.last || hanging(c));
    };
    std::size_t begin = i;
    while (begin > 0 && fits(cands[begin - 1])) --begin;
    std::size_t end = i;
    std::size_t hanging_units = 0;
    while (end < cands.size() && fits(cands[end])) hanging_units += hanging(cands[end++]);
    if (end - begin >= 3 && hanging_units >= 2) {
      for (std::size_t k = begin; k < end; ++k) {
        cands[k].kind = BlockKind::kListItem;
        cands[k].unmarked_item = true;
      }
    }
    i = end;
  }

  // Headings. Where the prose is indented (lynx), a heading stands left of it.
  const internal::BodyLayout prose = internal::MeasureBody(doc);
  for (std::size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (!is_kline(c) || c.unit.first != c.unit.last || !c.gap || c.atx > 0 || c.unmarked_item) continue;
    if (!internal::AtHeadingIndent(doc, doc.blocks[c.unit.first], prose)) continue;
    if (i + 1 >= cands.size()) continue;  // A heading introduces something.
    std::string_view line = text_of(c);
    std::string_view title = line;
    if (c.has_marker) {
      // Only a section number may head a heading; a short numbered line
      // followed by another numbered line is a list.
      const Candidate& next = cands[i + 1];
      bool next_numbered = next.has_marker && marker_of(next).ordered && marker_of(next).style == marker_of(c).style;
      bool numbered_heading = marker_of(c).ordered && !next_numbered &&
                              (marker_of(c).section_number || next.gap);
      if (!numbered_heading) continue;
      title = line.substr(marker_of(c).length);
    }
    if (internal::Width(line) > options.max_heading_chars) continue;
    if (CountWords(line) > options.max_heading_words) continue;
    if (!StartsLikeHeading(title) || !EndsLikeHeading(line)) continue;
    // A short line glued above another short unpunctuated line is an
    // address or a list of names, not a heading.
    const Candidate& next = cands[i + 1];
    if (!next.gap && next.kind == BlockKind::kParagraph && !internal::EndsSentence(text_of(next)) &&
        CountWords(text_of(next)) <= options.max_heading_words) {
      continue;
    }
    c.kind = BlockKind::kHeading;
  }

  // Three or more headings in a row, with nothing under any but the last,
  // are a list of links (teasers, a menu written as lines), not headings:
  // only the last, which opens a section, stays one.
  for (std::size_t i = 0; i < cands.size();) {
    std::size_t j = i;
    while (j < cands.size() && cands[j].kind == BlockKind::kHeading && cands[j].atx == 0) ++j;
    if (j - i >= 3) {
      for (std::size_t k = i; k + 1 < j; ++k) {
        cands[k].kind = cands[k].has_marker && !marker_of(cands[k]).heading_only ? BlockKind::kListItem
                                                                            : BlockKind::kParagraph;
      }
    }
    i = j == i ? i + 1 : j;
  }

  // A dotless section number that did not make a heading is plain text.
  for (Candidate& c : cands) {
    if (c.has_marker && marker_of(c).heading_only && c.kind != BlockKind::kHeading) c.has_marker = false;
  }

  // Build the new block list in place: candidate i is made of blocks i and
  // after, so block i is read before it is overwritten and no later
  // candidate reads it. Joined text is appended to the arena.
  std::string& joined = scratch.joined;
  std::size_t out = 0;
  for (const Candidate& c : cands) {
    const Block first = doc.blocks[c.unit.first];
    if (first.kind != BlockKind::kLine) {
      doc.blocks[out++] = first;
      continue;
    }
    Block b;
    b.kind = c.kind;
    b.line = first.line;
    b.span = Span{first.span.begin, doc.blocks[c.unit.last].span.end};
    joined.clear();
    for (std::uint32_t k = c.unit.first; k <= c.unit.last; ++k) {
      if (k > c.unit.first) joined.push_back(' ');
      joined.append(doc.Text(doc.blocks[k]));
    }
    std::string_view body = joined;
    if (c.kind == BlockKind::kListItem) {
      b.ordered = marker_of(c).ordered;
      // The marker is the first bytes of the line: a slice of the arena, not
      // a copy (its ListMarker::marker is a view that AddText may invalidate).
      b.marker = TextRef{first.text.offset, static_cast<std::uint32_t>(marker_of(c).marker.size())};
      body.remove_prefix(marker_of(c).length);
    }
    if (c.kind == BlockKind::kHeading) {
      b.level = static_cast<std::uint8_t>(c.atx > 0 ? std::max<std::size_t>(c.atx, 2)
                                          : c.has_marker && marker_of(c).section_number
                                              ? std::min(6, 1 + marker_of(c).depth)
                                              : 2);
    }
    if (c.atx > 0) {
      // The text after "## ", a slice of the line: no copy.
      b.text = TextRef{first.text.offset + static_cast<std::uint32_t>(c.atx + 1),
                       first.text.length - static_cast<std::uint32_t>(c.atx + 1)};
    } else if (c.unit.first == c.unit.last && c.kind != BlockKind::kListItem) {
      b.text = first.text;  // Unchanged: no copy.
    } else {
      b.text = doc.AddText(body);
    }
    const Block* previous = out > 0 ? &doc.blocks[out - 1] : nullptr;
    bool continues_list = c.kind == BlockKind::kListItem && previous != nullptr &&
                          previous->kind == BlockKind::kListItem && previous->ordered == b.ordered;
    b.gap = previous != nullptr && !continues_list;
    doc.blocks[out++] = b;
  }
  doc.blocks.resize(out);

  // The title: the main content's headline when strip found it (a heading
  // from now on, whatever it looked like), else the first heading, or the one
  // right after a label.
  if (!doc.title.empty()) {
    for (std::size_t t = 0; t < doc.blocks.size(); ++t) {
      if (doc.blocks[t].kind == BlockKind::kListItem || doc.Text(doc.blocks[t]) != doc.title) continue;
      doc.blocks[t].kind = BlockKind::kHeading;
      doc.blocks[t].level = 1;
      if (t > 0 && doc.blocks[t - 1].kind == BlockKind::kHeading && !doc.title.ends_with('?')) {
        doc.blocks[t - 1].level = 1;  // The label above the title.
      }
      break;
    }
  } else {
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      if (doc.blocks[i].kind != BlockKind::kHeading) continue;
      std::size_t t = i;
      // A heading directly above another is a section label, unless the
      // second is a question: then it is the first entry of an FAQ.
      // A byline or a date under a headline ("Jane Doe - Apr 16, 2015") is
      // no headline either.
      if (i + 1 < doc.blocks.size() && doc.blocks[i + 1].kind == BlockKind::kHeading &&
          !doc.Text(doc.blocks[i + 1]).ends_with('?') && !internal::HasYear(doc.Text(doc.blocks[i + 1]))) {
        doc.blocks[i].level = 1;  // The label above the title.
        t = i + 1;
      }
      doc.blocks[t].level = 1;
      doc.title.assign(doc.Text(doc.blocks[t]));
      break;
    }
  }
  if (doc.GetMetadata("language").empty()) AddLanguageMetadata(&doc);
  internal::ReleaseLargeScratch();
  doc.stages.emplace_back("segment");
  return doc;
}

}  // namespace pagewash
