#include "artefacts.h"

#include <algorithm>

#include "text/unicode.h"

namespace pagewash::internal {
namespace {

bool HasLetter(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (text::IsLetter(text::NextCodePoint(s, &i))) return true;
  }
  return false;
}

bool IsImageFileName(std::string_view s) {
  std::size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string ext(s.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "gif" || ext == "webp" ||
         ext == "svg";
}

}  // namespace

bool IsNumbersOnly(std::string_view s) { return s.size() <= 12 && !HasLetter(s); }

bool IsRendererArtefact(std::string_view s) {
  if (s.empty()) return false;
  if (s.starts_with("IFRAME:") || s.starts_with("(BUTTON)") || s == "(BUTTON)") return true;
  // A bullet with nothing after it: a list item that held only an image.
  if (s == "*" || s == "+" || s == "•" || s == "-") return true;
  // An image's file name standing for it ("IMG_4173.jpg").
  if (s.find(' ') == std::string_view::npos && IsImageFileName(s)) return true;
  // A few numbers and no letter: a chart's axis, a counter, a page number.
  if (IsNumbersOnly(s)) return true;
  if (s.find("____") != std::string_view::npos) {
    std::size_t underscores = static_cast<std::size_t>(std::count(s.begin(), s.end(), '_'));
    if (underscores * 2 >= s.size()) return true;
  }
  // An image's label in brackets: a file name or a few words ("[logo.png]",
  // "[IMG]", "[Photo of the harbour]"); a bracketed sentence is text.
  if (s.front() == '[' && s.back() == ']' && s.find(']') == s.size() - 1 &&
      std::count(s.begin(), s.end(), ' ') < 4) {
    return true;
  }
  // Markup that a renderer printed as text (MathML, SVG): most of the line
  // is inside tags.
  if (s.find('<') != std::string_view::npos) {
    std::size_t tagged = 0;
    bool in_tag = false;
    for (char c : s) {
      if (c == '<') in_tag = true;
      tagged += in_tag;
      if (c == '>') in_tag = false;
    }
    if (tagged * 2 >= s.size()) return true;
  }
  if (s.starts_with("[MATH:") || s.ends_with(":MATH]")) return true;
  // An image link: "![alt](src)" in Markdown renderings.
  if (s.starts_with("![") && s.back() == ')' && s.find("](") != std::string_view::npos) return true;
  return false;
}

namespace {
constexpr std::string_view kInlineMarks[] = {"[INS:", ":INS]", "[DEL:", ":DEL]"};
}  // namespace

void AppendWithoutInlineMarks(std::string_view line, std::string* out) {
  const std::size_t start = out->size();
  if (line.find("INS") == std::string_view::npos && line.find("DEL") == std::string_view::npos) {
    *out += line;
    return;
  }
  std::size_t pos = 0;
  while (pos < line.size()) {
    bool mark = false;
    for (std::string_view m : kInlineMarks) {
      if (line.compare(pos, m.size(), m) == 0) {
        pos += m.size();
        while (pos < line.size() && line[pos] == ' ') ++pos;
        mark = true;
        break;
      }
    }
    if (mark) continue;
    if (line[pos] == ' ' &&
        (pos + 1 == line.size() || out->size() == start || out->back() == ' ')) {
      ++pos;  // A space a mark left doubled or trailing.
      continue;
    }
    *out += line[pos++];
  }
  while (out->size() > start && out->back() == ' ') out->pop_back();  // " :INS]" ended the line.
}

bool IsLinkBar(std::string_view line) {
  return line.size() >= 2 && line[0] == '#' && line[1] != ' ' && line[1] != '#';
}

// Words (runs of letters or digits) in `s`.
std::size_t CountWords(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::uint32_t c = text::NextCodePoint(s, &i);
    bool word = text::IsLetter(c) || (c >= '0' && c <= '9');
    words += word && !in_word;
    in_word = word;
  }
  return words;
}

bool EmbeddedMarkup::IsMarkup(std::string_view line) {
  constexpr std::string_view kOpen = "[MATH:";
  constexpr std::string_view kClose = ":MATH]";
  constexpr std::string_view kTex = "{\\displaystyle";
  // The words after the markup ends on this line: prose, if there are a few.
  auto rest_is_prose = [](std::string_view rest) { return CountWords(rest) >= kProseWords; };
  if (in_math_) {
    std::size_t close = line.find(kClose);
    if (close == std::string_view::npos) return true;
    in_math_ = false;
    std::string_view rest = line.substr(close + kClose.size());
    bool prose = rest_is_prose(rest.substr(0, rest.find(kOpen)));
    OpensMath(rest);  // Another formula may start on the same line.
    return !prose;
  }
  if (tex_depth_ > 0) {
    std::size_t end = CloseBraces(line);
    if (tex_depth_ > 0) return true;
    return !rest_is_prose(line.substr(end));
  }
  if (line.starts_with(kTex)) {
    std::size_t end = CloseBraces(line);
    if (tex_depth_ > 0) return true;
    return !rest_is_prose(line.substr(end));
  }
  std::size_t open = line.rfind(kOpen);
  if (open != std::string_view::npos && line.find(kClose, open) == std::string_view::npos) {
    in_math_ = true;  // Markup runs on below; this line's words before it are text.
    return open == 0;
  }
  return false;
}

void EmbeddedMarkup::OpensMath(std::string_view s) {
  std::size_t open = s.rfind("[MATH:");
  if (open != std::string_view::npos && s.find(":MATH]", open) == std::string_view::npos)
    in_math_ = true;
}

std::size_t EmbeddedMarkup::CloseBraces(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '{') ++tex_depth_;
    if (line[i] == '}' && tex_depth_ > 0 && --tex_depth_ == 0) return i + 1;
  }
  return line.size();
}

}  // namespace pagewash::internal
