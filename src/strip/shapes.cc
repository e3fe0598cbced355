#include "strip/shapes.h"

#include <simdjson.h>

#include <algorithm>
#include <array>

#include "layout.h"
#include "scratch.h"
#include "text/tokenize.h"
#include "text/unicode.h"

namespace pagewash::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A set of bytes, built at compile time, so that a line is scanned once with
// one table lookup a byte (string_view::find_first_of searches the set for
// every byte).
struct ByteSet {
  std::array<bool, 256> in{};
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) in[static_cast<unsigned char>(c)] = true;
  }
  bool AnyIn(std::string_view s) const {
    for (char c : s) {
      if (in[static_cast<unsigned char>(c)]) return true;
    }
    return false;
  }
};

// Bytes that start a link-bar separator (| / · •) or a trail's (> / › » →).
constexpr ByteSet kLinkBarBytes("|/\xC2\xE2");
constexpr ByteSet kTrailBytes(">/\xC2\xE2");

// s.find(sep, from) for a separator " X " (X not a space), found by its X:
// a search for the separator's first byte, a space, stops at every word.
std::size_t FindSeparator(std::string_view s, std::string_view sep, std::size_t from) {
  const std::string_view tail = sep.substr(1);
  for (std::size_t p = s.find(tail, from + 1); p != std::string_view::npos; p = s.find(tail, p + 1)) {
    if (s[p - 1] == ' ') return p - 1;
  }
  return std::string_view::npos;
}

}  // namespace

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

bool LooksLikeName(std::string_view name) {
  if (name.empty() || name.size() > 80) return false;
  std::size_t words = 1 + static_cast<std::size_t>(std::count(name.begin(), name.end(), ' '));
  if (words > 6) return false;
  char last = name.back();
  if (last == '!' || last == '?' || last == ',' || last == ':' || last == ';') return false;
  if (last == '.' && !(name.size() >= 2 && (name.size() == 2 || name[name.size() - 3] == ' '))) {
    return false;
  }
  std::size_t i = 0;
  bool start = true;
  bool first = true;
  while (i < name.size()) {
    std::size_t at = i;
    std::uint32_t c = text::NextCodePoint(name, &i);
    if (c >= '0' && c <= '9') return false;
    if (start && text::IsLetter(c) && !text::IsUpper(c)) {
      if (first) return false;
      std::size_t end = name.find(' ', at);
      std::size_t len =
          text::CodePoints(name.substr(at, end == std::string_view::npos ? end : end - at));
      if (len > 3) return false;  // Only particles may be lowercase.
    }
    if (start && text::IsLetter(c)) first = false;
    start = c == ' ' || c == '-';
  }
  return !first;
}

std::string_view TrimSeparators(std::string_view s) {
  auto separator = [](std::string_view t) {
    for (std::string_view sep : {" ", ":", "-", "|", ",", "–", "—", "·", "•"}) {
      if (t.substr(0, sep.size()) == sep) return sep.size();
    }
    return std::size_t{0};
  };
  while (std::size_t n = separator(s)) s.remove_prefix(n);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '|')) s.remove_suffix(1);
  return s;
}

bool LooksLikeJson(std::string_view s) {
  if (s.size() < 2) return false;
  char first = s.front();
  char last = s.back();
  if (!((first == '{' && last == '}') || (first == '[' && last == ']'))) return false;
  // Only lines that already look like JSON get here, so the parse is rare;
  // one parser a thread keeps its buffers for the next, but for a long line,
  // which has a parser of its own (see scratch.h).
  simdjson::dom::element element;
  if (s.size() > kScratchKeepBytes / 8) {
    simdjson::dom::parser parser;
    return !parser.parse(s.data(), s.size()).get(element);
  }
  thread_local simdjson::dom::parser parser;
  return !parser.parse(s.data(), s.size()).get(element);
}

// Code lines end in ; { } or ), which rules out most prose before the
// symbols are counted.
bool LooksLikeScriptOrStyle(std::string_view s) {
  if (s.size() < 8) return false;
  char last = s.back();
  if (last != ';' && last != '{' && last != '}' && last != ')') return false;
  static constexpr auto kCodeSymbol = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("{}();=<>[]|&$'")) t[c] = true;
    return t;
  }();
  std::size_t symbols = 0;
  for (char c : s) symbols += kCodeSymbol[static_cast<unsigned char>(c)];
  double density = static_cast<double>(symbols) / static_cast<double>(s.size());
  // Prose, even a list item ending in ';', has few of these: the keyword
  // search below is only worth it for dense lines.
  bool dense = density >= 0.06;
  static constexpr std::string_view kMarkers[] = {"function(", "function ", "=>",      "var ",
                                                  "const ",    "let ",      "window.", "document.",
                                                  ".push(",    "});",       "return ", "typeof ",
                                                  "===",       "!==",       "&&",      "||",
                                                  "();",       "', '",      "gtag(",   "new Date("};
  if (dense) {
    for (std::string_view m : kMarkers) {
      if (s.find(m) != std::string_view::npos) return true;
    }
  }
  // A call statement: name(args); with no sentence in it.
  std::size_t paren = s.find('(');
  if (last == ';' && paren != std::string_view::npos && paren > 0 && s.find(' ') > paren &&
      s.substr(s.size() - 2) == ");") {
    return true;
  }
  // CSS: "selector{property:value;...}": a short selector, then a block
  // of declarations, and no sentence in it.
  std::size_t open = s.find('{');
  if (open == std::string_view::npos || open == 0 || open > 80 || last != '}') return false;
  std::string_view selector = s.substr(0, open);
  std::string_view body = s.substr(open + 1, s.size() - open - 2);
  return std::count(selector.begin(), selector.end(), ' ') <= 3 &&
         body.find(':') != std::string_view::npos && body.find('{') == std::string_view::npos &&
         body.find(". ") == std::string_view::npos;
}

bool LooksLikeLinkBar(std::string_view s) {
  if (!kLinkBarBytes.AnyIn(s)) return false;
  for (std::string_view sep : {std::string_view(" | "), std::string_view(" · "),
                               std::string_view(" • "), std::string_view(" ▪ "),
                               std::string_view(" / ")}) {
    std::size_t next = FindSeparator(s, sep, 0);
    if (next == std::string_view::npos) continue;  // One segment is no bar.
    std::size_t segments = 1;
    std::size_t pos = 0;
    bool short_segments = true;
    while (short_segments) {
      std::string_view seg = s.substr(pos, next == std::string_view::npos ? next : next - pos);
      std::size_t words = 1 + static_cast<std::size_t>(std::count(seg.begin(), seg.end(), ' '));
      if (words > 6 || seg.empty() || (seg.back() == '.' && seg.size() > 3) || seg.back() == '!' ||
          seg.back() == '?') {
        short_segments = false;
      }
      if (next == std::string_view::npos) break;
      ++segments;
      pos = next + sep.size();
      next = FindSeparator(s, sep, pos);
    }
    if (segments >= 3 && short_segments) return true;
  }
  return false;
}

bool LooksLikeTrail(std::string_view s) {
  if (!kTrailBytes.AnyIn(s)) return false;
  // An equation's arrows and slashes ("a → b = c / d") are no trail.
  if (FindSeparator(s, " = ", 0) != std::string_view::npos) return false;
  for (std::string_view sep :
       {std::string_view(" > "), std::string_view(" › "), std::string_view(" » "),
        std::string_view(" → "), std::string_view(" / ")}) {
    std::size_t count = 0;
    for (std::size_t p = FindSeparator(s, sep, 0); p != std::string_view::npos && count < 2;
         p = FindSeparator(s, sep, p + 1)) {
      ++count;
    }
    if (count >= 2) return true;
  }
  return false;
}

bool HasPostalCode(std::string_view s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (IsDigit(s[i - 1]) || upper(s[i - 1]))) continue;
    std::size_t d = i;
    while (d < s.size() && IsDigit(s[d])) ++d;
    std::size_t digits = d - i;
    if (digits == 5 && (d == s.size() || s[d] == ' ' || s[d] == ',')) return true;
    if (digits == 2 && d + 4 <= s.size() && s[d] == '-' && AllDigits(s.substr(d + 1, 3)) &&
        (d + 4 == s.size() || !IsDigit(s[d + 4]))) {
      return true;
    }
    if (digits == 4 && d + 3 <= s.size() && s[d] == ' ' && upper(s[d + 1]) && upper(s[d + 2]) &&
        (d + 3 == s.size() || !upper(s[d + 3]))) {
      return true;
    }
    // UK: letters, digit, optional alnum, space, digit, two letters.
    std::size_t l = i;
    while (l < s.size() && upper(s[l]) && l - i < 2) ++l;
    if (l > i && l < s.size() && IsDigit(s[l])) {
      std::size_t k = l + 1;
      if (k < s.size() && (IsDigit(s[k]) || upper(s[k]))) ++k;
      if (k + 4 <= s.size() && s[k] == ' ' && IsDigit(s[k + 1]) && upper(s[k + 2]) &&
          upper(s[k + 3]) && (k + 4 == s.size() || !upper(s[k + 4]))) {
        return true;
      }
    }
  }
  return false;
}

std::string_view SenderName(std::string_view s) {
  std::size_t at = s.find('@');
  std::size_t local_end = at;
  if (at == std::string_view::npos) {
    at = s.find(" at ");
    if (at == std::string_view::npos) return {};
    local_end = at;
    at += 3;
  }
  std::string_view domain = s.substr(at + 1);
  while (!domain.empty() && domain.front() == ' ') domain.remove_prefix(1);
  std::size_t domain_end = domain.find_first_of(" >)");
  domain = domain.substr(0, domain_end);
  if (domain.find('.') == std::string_view::npos || domain.find(' ') != std::string_view::npos)
    return {};
  if (domain_end != std::string_view::npos) {
    std::string_view rest =
        s.substr(static_cast<std::size_t>(domain.data() - s.data()) + domain.size());
    while (!rest.empty() && (rest.front() == '>' || rest.front() == ')' || rest.front() == ' ')) {
      rest.remove_prefix(1);
    }
    if (!rest.empty()) return {};
  }
  std::size_t local_begin = s.rfind(' ', local_end == 0 ? 0 : local_end - 1);
  if (local_begin == std::string_view::npos || local_begin == 0) return {};
  std::string_view name = s.substr(0, local_begin);
  while (!name.empty() && (name.back() == ' ' || name.back() == '<' || name.back() == '('))
    name.remove_suffix(1);
  return LooksLikeName(name) ? name : std::string_view();
}

bool IsDateNumber(std::string_view w) {
  if (AllDigits(w)) return w.size() <= 4;
  std::size_t d = 0;
  while (d < w.size() && IsDigit(w[d])) ++d;
  if (d == 0 || d > 2) return false;
  std::string_view rest = w.substr(d);
  if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th" || rest == "er" || rest == "e")
    return true;
  return rest.size() >= 2 && rest[0] == 'h' && AllDigits(rest.substr(1));
}

bool LooksLikeLinkTitle(std::string_view line, std::uint32_t words) {
  return words >= 1 && words <= 14 &&
         !(EndsWithSentencePunctuation(line) && line.back() != '?' && line.back() != ')' &&
           line.back() != '"' && line.back() != '\'');
}

}  // namespace pagewash::internal
