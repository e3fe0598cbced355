#include "strip/formulas.h"

namespace pagewash::internal {
namespace {

constexpr std::string_view kOpen = "[MATH:";
constexpr std::string_view kClose = ":MATH]";
constexpr std::string_view kAnnotation = "<annotation";

// Where a formula starts and ends: the line and byte of "[MATH:", the line
// and byte just past ":MATH]".
struct Formula {
  std::size_t first_line = 0;
  std::size_t begin = 0;
  std::size_t last_line = 0;
  std::size_t end = 0;
};

// Finds every closed formula; returns false for the rest of the page once
// one is never closed.
std::vector<Formula> FindFormulas(const std::vector<std::string_view>& lines) {
  std::vector<Formula> found;
  std::size_t line = 0;
  std::size_t pos = 0;
  while (line < lines.size()) {
    std::size_t open = lines[line].find(kOpen, pos);
    if (open == std::string_view::npos) {
      ++line;
      pos = 0;
      continue;
    }
    Formula f{line, open, line, 0};
    std::size_t from = open + kOpen.size();
    bool annotated = false;
    bool closed = false;
    for (std::size_t l = line; l < lines.size() && !closed; ++l, from = 0) {
      std::string_view s = lines[l];
      std::size_t close = s.find(kClose, from);
      std::string_view inside = s.substr(from, close == std::string_view::npos ? s.npos : close - from);
      annotated = annotated || inside.find(kAnnotation) != std::string_view::npos;
      if (close != std::string_view::npos) {
        f.last_line = l;
        f.end = close + kClose.size();
        closed = true;
      }
    }
    if (!closed) break;
    if (!annotated) found.push_back(f);
    line = f.last_line;
    pos = f.end;
  }
  return found;
}

// Appends the characters of `markup` outside tags to *out, one space between
// runs; *in_tag carries a tag that runs on to the next line.
void AppendCharacters(std::string_view markup, bool* in_tag, std::string* out) {
  bool space = !out->empty();
  for (std::size_t i = 0; i < markup.size(); ++i) {
    char c = markup[i];
    if (*in_tag) {
      if (c == '>') *in_tag = false;
      space = true;
      continue;
    }
    // A tag opens with a name or '/'; "<mo> < </mo>" is the character.
    char next = i + 1 < markup.size() ? markup[i + 1] : ' ';
    bool name = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/';
    if (c == '<' && name) {
      *in_tag = true;
      space = true;
      continue;
    }
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out->empty()) *out += ' ';
    space = false;
    *out += c;
  }
}

void AppendWords(std::string_view s, std::string* out) {
  bool dummy = false;
  AppendCharacters(s, &dummy, out);
}

}  // namespace

std::vector<FormulaLine> FormulaText(const std::vector<std::string_view>& lines) {
  std::vector<FormulaLine> result;
  std::vector<Formula> formulas = FindFormulas(lines);
  bool in_tag = false;
  for (std::size_t k = 0; k < formulas.size(); ++k) {
    const Formula& f = formulas[k];
    for (std::size_t l = f.first_line; l <= f.last_line; ++l) {
      if (!result.empty() && result.back().index == l) continue;  // Two formulas on one line.
      FormulaLine out{l, {}, l != f.first_line};
      std::string_view s = lines[l];
      // Walk the line through every formula that touches it.
      std::size_t pos = 0;
      std::size_t j = k;
      bool inside = l != f.first_line;  // Continues a formula from above.
      while (pos < s.size()) {
        if (!inside) {
          if (j >= formulas.size() || formulas[j].first_line != l) {
            AppendWords(s.substr(pos), &out.text);
            break;
          }
          AppendWords(s.substr(pos, formulas[j].begin - pos), &out.text);
          pos = formulas[j].begin + kOpen.size();
          inside = true;
          in_tag = false;
          continue;
        }
        const Formula& g = formulas[j];
        if (g.last_line != l) {
          AppendCharacters(s.substr(pos), &in_tag, &out.text);
          break;
        }
        AppendCharacters(s.substr(pos, g.end - kClose.size() - pos), &in_tag, &out.text);
        pos = g.end;
        inside = false;
        ++j;
      }
      result.push_back(std::move(out));
    }
  }
  // A formula over several lines is one line of text: its first.
  std::size_t head = 0;
  for (std::size_t i = 0; i < result.size(); ++i) {
    if (!result[i].continues) {
      head = i;
      continue;
    }
    std::string& to = result[head].text;
    if (!to.empty() && !result[i].text.empty()) to += ' ';
    to += result[i].text;
    result[i].text.clear();
  }
  return result;
}

}  // namespace pagewash::internal
