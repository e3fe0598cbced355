#include "layout.h"

#include <algorithm>

#include "text/tokenize.h"
#include "text/unicode.h"

namespace pagewash::internal {
namespace {

constexpr std::string_view kBullets[] = {"•", "·", "▪", "▫", "◦", "○", "●", "■", "□", "►", "▸",
                                         "‣", "⁃", "✓", "✔", "➢", "→", "*", "+", "-", "–", "—"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsRoman(std::string_view s, bool upper) {
  if (s.empty() || s.size() > 6) return false;
  std::string_view letters = upper ? "IVXLC" : "ivxlc";
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return letters.find(c) != std::string_view::npos; });
}

bool StartsUpperOrDigit(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  std::uint32_t c = text::NextCodePoint(s, &i);
  if (c == '"' || c == '\'' || c == 0x201C || c == 0x201E || c == 0xAB || c == '(') {
    if (i >= s.size()) return false;
    c = text::NextCodePoint(s, &i);
  }
  return text::IsUpper(c) || (c >= '0' && c <= '9') || (text::IsLetter(c) && !text::IsLower(c));
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  return text::IsLower(text::NextCodePoint(s, &i));
}

std::size_t FirstWordWidth(std::string_view s) {
  std::size_t end = s.find(' ');
  return Width(s.substr(0, end));
}

}  // namespace

bool WrappedAt(const Document& doc, std::size_t i) {
  return doc.blocks[i].indent + Width(doc.Text(doc.blocks[i])) >= kWrappedLineWidth;
}

bool IsHangingUnder(const Block& first, const Block& next, const Document& doc) {
  if (first.kind != BlockKind::kLine || next.kind != BlockKind::kLine || next.gap || next.indent == 0 ||
      first.indent < next.indent + 2 || first.indent > next.indent + 8) {
    return false;
  }
  std::string_view text = doc.Text(first);
  if (text.empty()) return false;
  // Chinese, Japanese and Korean paragraphs open with a full-width indent:
  // a paragraph, not an item.
  std::size_t i = 0;
  std::uint32_t c = text::NextCodePoint(text, &i);
  bool cjk = (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
             (c >= 0xFF00 && c <= 0xFFEF);
  return !cjk;
}

std::size_t AtxPrefixLength(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == '#') ++n;
  return n > 0 && n + 1 < line.size() && line[n] == ' ' ? n + 1 : 0;
}

bool HasYear(std::string_view s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if (i > 0 && IsDigit(s[i - 1])) continue;
    if (!(s.substr(i, 2) == "19" || s.substr(i, 2) == "20")) continue;
    if (IsDigit(s[i + 2]) && IsDigit(s[i + 3]) && (i + 4 == s.size() || !IsDigit(s[i + 4]))) return true;
  }
  return false;
}

std::size_t Width(std::string_view s) {
  // Only widths up to ~100 matter; a line of 400 bytes is wider than that.
  return s.size() > 400 ? s.size() : text::CodePoints(s);
}

bool ParseListMarker(std::string_view line, ListMarker* m, std::size_t indent) {
  *m = ListMarker{};
  if (line.size() < 3) return false;
  // Text browsers bullet the third level of nested lists with "o" (lynx):
  // a word in several languages, so only deep in an indented list.
  if (indent >= kNestedListIndent && line[0] == 'o' && line[1] == ' ') {
    m->marker = line.substr(0, 1);
    m->length = 2;
    return true;
  }
  // Most lines start with a letter that cannot begin a marker. Of the
  // others: a bullet that is not ASCII starts with the byte 0xC2 or 0xE2;
  // a letter of another script is a marker only before ')' ("а)"); a Roman
  // numeral ends with '.' or ')' before the first space.
  unsigned char first = static_cast<unsigned char>(line[0]);
  auto closes_before_space = [&](std::size_t within) {
    std::size_t space = line.substr(0, within + 1).find(' ');
    return space != std::string_view::npos && space >= 2 && (line[space - 1] == '.' || line[space - 1] == ')');
  };
  bool may_be_marker;
  if (first >= 0x80) {
    may_be_marker = first == 0xC2 || first == 0xE2 || line.substr(0, 6).find(')') != std::string_view::npos;
  } else {
    may_be_marker = first == '*' || first == '+' || first == '-' || first == '(' || (first >= '0' && first <= '9') ||
                    line[1] == '.' || line[1] == ')' ||
                    (std::string_view("IVXLCivxlc").find(static_cast<char>(first)) != std::string_view::npos &&
                     closes_before_space(8));
  }
  if (!may_be_marker) return false;
  if (first < 0x80) {  // Of the bullets, only "*", "+" and "-" are ASCII.
    if ((first == '*' || first == '+' || first == '-') && line[1] == ' ') {
      m->marker = line.substr(0, 1);
      m->length = 2;
      m->dash = first == '-';
      return true;
    }
  } else {
    for (std::string_view b : kBullets) {
      if (line.size() > b.size() + 1 && line.substr(0, b.size()) == b && line[b.size()] == ' ') {
        m->marker = line.substr(0, b.size());
        m->length = b.size() + 1;
        m->dash = b == "–" || b == "—";
        return true;
      }
    }
  }
  std::size_t space = line.find(' ');
  if (space == std::string_view::npos || space == 0 || space > 12 || space + 1 >= line.size()) {
    return false;
  }
  std::string_view token = line.substr(0, space);
  m->marker = token;
  m->length = space + 1;
  m->ordered = true;
  m->style = '1';
  // (3) or (c)
  if (token.size() >= 3 && token.front() == '(' && token.back() == ')') {
    std::string_view inner = token.substr(1, token.size() - 2);
    if (std::all_of(inner.begin(), inner.end(), IsDigit) && inner.size() <= 3) return true;
    if (inner.size() == 1 && inner[0] >= 'a' && inner[0] <= 'z') {
      m->style = 'a';
      return true;
    }
    m->style = 'i';
    return IsRoman(inner, false);
  }
  char last = token.back();
  if (last != '.' && last != ')') {
    // "2.1 Scope": a section number without a final dot.
    std::size_t dots = static_cast<std::size_t>(std::count(token.begin(), token.end(), '.'));
    bool digits_and_dots = std::all_of(token.begin(), token.end(), [](char c) { return IsDigit(c) || c == '.'; });
    if (dots >= 1 && digits_and_dots && IsDigit(token.front()) && IsDigit(last) &&
        token.find("..") == std::string_view::npos && token.size() <= 9) {
      m->section_number = true;
      m->heading_only = true;
      m->depth = static_cast<int>(dots) + 1;
      m->style = 's';
      return true;
    }
    return false;
  }
  std::string_view body = token.substr(0, token.size() - 1);
  if (body.empty()) return false;
  if (std::all_of(body.begin(), body.end(), IsDigit) && body.size() <= 3) {
    return true;
  }
  // 2.1. or 1.2.3.
  if (last == '.' && body.find('.') != std::string_view::npos && IsDigit(body.front()) && IsDigit(body.back()) &&
      std::all_of(body.begin(), body.end(), [](char c) { return IsDigit(c) || c == '.'; }) &&
      body.find("..") == std::string_view::npos && body.size() <= 8) {
    m->section_number = true;
    m->depth = static_cast<int>(std::count(body.begin(), body.end(), '.')) + 1;
    m->style = 's';
    return true;
  }
  if (body.size() == 1 && body[0] >= 'a' && body[0] <= 'z') {
    m->style = 'a';
    return true;
  }
  // One lowercase letter of any script: "а)", "б)".
  if (last == ')' && text::CodePoints(body) == 1) {
    std::size_t i = 0;
    if (text::IsLower(text::NextCodePoint(body, &i))) {
      m->style = 'a';
      return true;
    }
  }
  if (body.size() == 1 && body[0] >= 'A' && body[0] <= 'Z' && last == ')') {
    m->style = 'A';
    return true;
  }
  if (IsRoman(body, false)) {
    m->style = 'i';
    return true;
  }
  if (IsRoman(body, true)) {
    m->section_number = true;
    m->style = 'I';
    return true;
  }
  return false;
}

bool EndsSentence(std::string_view s) {
  // Up to two closing quotes or brackets may follow the punctuation.
  for (int pass = 0; pass < 3 && !s.empty(); ++pass) {
    unsigned char last = static_cast<unsigned char>(s.back());
    if (last < 0x80) {
      if (std::string_view(".!?;:").find(static_cast<char>(last)) != std::string_view::npos) return true;
      if (std::string_view("\"')]").find(static_cast<char>(last)) == std::string_view::npos) return false;
      s.remove_suffix(1);
      continue;
    }
    bool closer = false;
    for (std::string_view e : {"…", "。", "！", "？"}) {
      if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
    }
    for (std::string_view c : {"”", "»", "’", "“"}) {
      if (s.size() > c.size() && s.substr(s.size() - c.size()) == c) {
        s.remove_suffix(c.size());
        closer = true;
        break;
      }
    }
    if (!closer) return false;
  }
  return false;
}

bool EndsWithSentencePunctuation(std::string_view s) {
  if (s.empty()) return false;
  unsigned char last = static_cast<unsigned char>(s.back());
  if (last < 0x80) return std::string_view(".!?;:\"')]").find(static_cast<char>(last)) != std::string_view::npos;
  for (std::string_view p : {"…", "”", "»", "’", "。", "！", "？"}) {
    if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) return true;
  }
  return false;
}

// More '(' or '[' opened than closed: the text was cut off inside brackets.
bool HasUnbalancedBracket(std::string_view s) {
  // Most lines open no bracket: two searches for one are far quicker than
  // the count.
  if (s.find('(') == std::string_view::npos && s.find('[') == std::string_view::npos) return false;
  int round = 0;
  int square = 0;
  for (char c : s) {
    round += (c == '(') - (c == ')');
    square += (c == '[') - (c == ']');
  }
  return round > 0 || square > 0;
}

bool IsGluedRepeat(std::string_view head, std::string_view head_key, std::size_t head_words,
                   std::string_view line, std::string_view line_key) {
  if (head_words == 0 || head_words > 20) return false;
  // The key's start first: dedup asks this of every unit and the last three
  // short ones kept, and few units open with another's words.
  if (line_key.size() <= head_key.size() || line_key.compare(0, head_key.size(), head_key) != 0 ||
      line_key[head_key.size()] != ' ') {
    return false;
  }
  if (EndsWithSentencePunctuation(head)) return false;
  return !EndsWithSentencePunctuation(line) || HasUnbalancedBracket(line);
}

bool OneBlockPerLine(const Document& doc) {
  if (doc.blocks.size() < 3) return false;
  bool long_line = false;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].kind != BlockKind::kLine || (i > 0 && doc.blocks[i].gap)) return false;
    long_line = long_line || (doc.blocks[i].text.length > kWrapWidth && Width(doc.Text(doc.blocks[i])) > kWrapWidth);
  }
  return long_line;
}

bool AtHeadingIndent(const Document& doc, const Block& b, const BodyLayout& body) {
  if (body.indent == 0 || b.indent < body.indent) return true;
  // Centred in the page's width, as lynx sets a top-level heading.
  std::size_t left = 2 * b.indent + Width(doc.Text(b));
  return b.indent > body.indent + 2 && left + 6 >= body.width && left <= body.width + 6;
}

BodyLayout MeasureBody(const Document& doc) {
  // The indents of the lines that fill most of a wrapped line's width: prose.
  constexpr std::size_t kMaxIndent = 16;
  constexpr std::size_t kProseWidth = 50;
  std::size_t count[kMaxIndent + 1] = {};
  std::size_t lines = 0;
  BodyLayout body;
  for (const Block& b : doc.blocks) {
    if (b.kind != BlockKind::kLine || b.text.length < kProseWidth) continue;
    std::size_t w = Width(doc.Text(b));
    if (w < kProseWidth || b.indent + w > kWrapWidth) continue;
    ++count[std::min<std::size_t>(b.indent, kMaxIndent)];
    ++lines;
    body.width = std::max(body.width, b.indent + w);
  }
  if (lines < kMinProseLines) return BodyLayout{};
  for (std::size_t i = 0; i <= kMaxIndent; ++i) {
    if (count[i] * 5 >= lines) {
      body.indent = i;
      return body;
    }
  }
  return BodyLayout{};
}

std::vector<Unit> SplitUnits(const Document& doc) {
  std::vector<Unit> units;
  SplitUnits(doc, &units);
  return units;
}

void SplitUnits(const Document& doc, std::vector<Unit>* out) {
  const bool one_block_per_line = OneBlockPerLine(doc);
  std::vector<Unit>& units = *out;
  units.clear();
  const std::vector<Block>& blocks = doc.blocks;
  // A unit a block at most: room for them at once, touched only as used,
  // where a vector that doubles holds its old and new buffers while it
  // copies, and up to twice what it needs after.
  units.reserve(blocks.size());
  std::size_t i = 0;
  while (i < blocks.size()) {
    if (blocks[i].kind != BlockKind::kLine) {
      units.push_back(Unit{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i)});
      ++i;
      continue;
    }
    // A run: lines with no blank line between them.
    std::size_t end = i + 1;
    while (end < blocks.size() && blocks[end].kind == BlockKind::kLine && !blocks[end].gap) ++end;
    std::size_t width = 0;  // Read only when the run has a second line.
    for (std::size_t k = i; k < end && end - i >= 2; ++k) {
      width = std::max(width, blocks[k].indent + Width(doc.Text(blocks[k])));
    }
    bool may_be_wrapped = end - i >= 2 && width >= 40 && width <= kWrapWidth && !one_block_per_line;
    Unit unit{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i)};
    ListMarker marker;
    bool in_item = ParseListMarker(doc.Text(blocks[i]), &marker, blocks[i].indent) && !marker.heading_only;
    std::size_t item_indent = blocks[i].indent;
    for (std::size_t k = i + 1; k < end; ++k) {
      std::string_view prev = doc.Text(blocks[k - 1]);
      std::string_view line = doc.Text(blocks[k]);
      ListMarker next_marker;
      bool continues;
      // Under an item without a marker, a wrapped line goes on at the indent
      // of the item's second line, whatever it starts with ("44. Chapter 1").
      // Once that second line has joined, every line at its indent does.
      const Block& second = blocks[unit.last > unit.first ? unit.first + 1 : k];
      const bool under_hanging = IsHangingUnder(blocks[unit.first], second, doc) && blocks[k].indent == second.indent;
      if (!one_block_per_line && under_hanging && WrappedAt(doc, k - 1)) {
        continues = true;
      } else if (one_block_per_line ||
                 (ParseListMarker(line, &next_marker, blocks[k].indent) && !next_marker.heading_only)) {
        continues = false;
      } else if (in_item && blocks[k].indent > item_indent) {
        continues = true;  // Hanging indent under a list item.
      } else if (unit.last > unit.first && under_hanging) {
        continues = true;  // The lines under an item that has no marker.
      } else if (StartsLower(line) || prev.ends_with(',')) {
        continues = true;  // A comma never ends a paragraph.
      } else {
        std::size_t prev_width = blocks[k - 1].indent + Width(prev);
        bool full = may_be_wrapped && prev_width + 1 + FirstWordWidth(line) + 3 > width;
        bool ends = EndsSentence(prev);
        if (full) {
          continues = true;
        } else if (ends) {
          continues = false;
        } else {
          // A short line that ends no sentence, then a capital: a heading,
          // a label or a line of an address, not a wrap.
          continues = may_be_wrapped && prev_width * 10 >= width * 6 && !StartsUpperOrDigit(line);
        }
      }
      if (continues) {
        unit.last = static_cast<std::uint32_t>(k);
        continue;
      }
      units.push_back(unit);
      unit = Unit{static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k)};
      in_item = ParseListMarker(line, &marker, blocks[k].indent) && !marker.heading_only;
      item_indent = blocks[k].indent;
    }
    units.push_back(unit);
    i = end;
  }
}

}  // namespace pagewash::internal
