#include "pagewash/strip.h"

#include <simdjson.h>

#include <algorithm>
#include <bit>

#include "removal.h"
#include "rules_internal.h"
#include "text/tokenize.h"
#include "text/unicode.h"

namespace pagewash {
namespace {

using internal::CompiledRules;
using internal::Rule;
using internal::RuleType;

// What the phrase table says about one line.
struct LineVerdict {
  int rule = -1;       // The first rule (in file order) that removes the line.
  int near_rule = -1;  // The first `near` rule whose phrases are the whole line.
  std::string_view byline_value;  // For a byline rule: the name.
};

// Reused across the lines of a document: per-rule hit state.
struct MatchScratch {
  text::TokenizedText tokens;
  std::vector<std::uint64_t> groups;       // Vocabulary: groups hit, per rule.
  std::vector<std::uint32_t> prefix_words;  // Prefix/byline: longest prefix hit.
  std::vector<std::uint64_t> covered;      // Switcher: words covered by phrases.
  std::vector<std::uint8_t> whole_line;    // Line/near: the line is a phrase.
  std::vector<std::uint16_t> touched;
};

constexpr std::string_view kClosingPunctuation[] = {".", "!", "?", "…", ";", ":", "\"", "”", "»",
                                                    "’", "'", ")", "]", "。", "！", "？"};

bool EndsWithSentencePunctuation(std::string_view s) {
  for (std::string_view p : kClosingPunctuation) {
    if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) return true;
  }
  return false;
}

// More '(' or '[' opened than closed: the text was cut off inside brackets.
bool HasUnbalancedBracket(std::string_view s) {
  int round = 0;
  int square = 0;
  for (char c : s) {
    round += (c == '(') - (c == ')');
    square += (c == '[') - (c == ']');
  }
  return round > 0 || square > 0;
}

// A name after a byline prefix: one to six words, each capitalised or a
// short particle ("van", "de"), no digits, no sentence punctuation.
bool LooksLikeName(std::string_view name, const text::TokenizedText& tokens, std::size_t first) {
  std::size_t words = tokens.tokens.size() - first;
  if (words < 1 || words > 6 || name.size() > 80 || name.empty()) return false;
  if (name.back() == '.' || name.back() == '!' || name.back() == '?' || name.back() == ',') {
    // "J." as a final initial is the only full stop a name ends in.
    if (!(name.back() == '.' && name.size() >= 2 && (name.size() == 2 || name[name.size() - 3] == ' '))) {
      return false;
    }
  }
  std::size_t i = 0;
  bool start = true;
  while (i < name.size()) {
    std::uint32_t c = text::NextCodePoint(name, &i);
    if (c >= '0' && c <= '9') return false;
    if (start && text::IsLetter(c) && !text::IsUpper(c)) {
      // Particles may be lowercase; anything longer must be capitalised.
      std::size_t end = name.find(' ', i);
      std::size_t len = (end == std::string_view::npos ? name.size() : end) - i + 1;
      if (len > 3) return false;
    }
    start = c == ' ' || c == '-';
  }
  return text::IsUpper([&] {
    std::size_t j = 0;
    return text::NextCodePoint(name, &j);
  }());
}

bool LooksLikeJson(std::string_view s) {
  if (s.size() < 2) return false;
  char first = s.front();
  char last = s.back();
  if (!((first == '{' && last == '}') || (first == '[' && last == ']'))) return false;
  // Only lines that already look like JSON get here, so the parse is rare.
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  return !parser.parse(s.data(), s.size()).get(element);
}

// JavaScript or CSS that leaked into the text: a line dense in code
// punctuation, with code keywords or a CSS declaration block, and ending
// the way code lines end.
bool LooksLikeScriptOrStyle(std::string_view s) {
  if (s.size() < 8) return false;
  char last = s.back();
  if (last != ';' && last != '{' && last != '}' && last != ')') return false;
  std::size_t symbols = 0;
  for (char c : s) {
    if (std::string_view("{}();=<>[]|&$").find(c) != std::string_view::npos) ++symbols;
  }
  double density = static_cast<double>(symbols) / static_cast<double>(s.size());
  static constexpr std::string_view kMarkers[] = {
      "function(", "function ", "=>", "var ", "const ", "let ", "window.", "document.",
      ".push(", "});", "return ", "typeof ", "===", "!==", "&&", "||", "();"};
  int markers = 0;
  for (std::string_view m : kMarkers) {
    if (s.find(m) != std::string_view::npos) ++markers;
  }
  if (markers >= 1 && density >= 0.06) return true;
  // CSS: "selector{property:value;...}" with no sentence in it.
  std::size_t open = s.find('{');
  std::size_t colon = s.find(':', open == std::string_view::npos ? 0 : open);
  return open != std::string_view::npos && colon != std::string_view::npos && last == '}' &&
         density >= 0.08 && s.find(". ") == std::string_view::npos;
}

class Matcher {
 public:
  explicit Matcher(const CompiledRules& rules) : rules_(rules) {
    std::size_t n = rules.rules.size();
    s_.groups.assign(n, 0);
    s_.prefix_words.assign(n, 0);
    s_.covered.assign(n, 0);
    s_.whole_line.assign(n, 0);
  }

  const text::TokenizedText& tokens() const { return s_.tokens; }

  LineVerdict Match(std::string_view line) {
    text::Tokenize(line, &s_.tokens);
    Scan();
    LineVerdict v;
    const std::size_t words = s_.tokens.tokens.size();
    std::sort(s_.touched.begin(), s_.touched.end());
    s_.touched.erase(std::unique(s_.touched.begin(), s_.touched.end()), s_.touched.end());
    for (std::uint16_t r : s_.touched) {
      const Rule& rule = rules_.rules[r];
      if (v.rule >= 0 && rule.type != RuleType::kNear) continue;
      if (words < rule.min_words || words > rule.max_words) continue;
      switch (rule.type) {
        case RuleType::kLine:
          if (s_.whole_line[r]) v.rule = r;
          break;
        case RuleType::kNear:
          if (s_.whole_line[r] && v.near_rule < 0) v.near_rule = r;
          break;
        case RuleType::kPrefix:
          if (s_.prefix_words[r] > 0 && FollowedBy(line, s_.prefix_words[r], rule.then)) v.rule = r;
          break;
        case RuleType::kBreadcrumb:
          if (IsBreadcrumb(line, s_.prefix_words[r])) v.rule = r;
          break;
        case RuleType::kVocabulary: {
          std::uint64_t hit = s_.groups[r];
          if (std::popcount(hit) >= rule.min_groups && (hit & rule.require_mask) == rule.require_mask) {
            v.rule = r;
          }
          break;
        }
        case RuleType::kSwitcher:
          if (words >= 2 && words <= 64 && std::popcount(s_.covered[r]) == static_cast<int>(words)) {
            v.rule = r;
          }
          break;
        case RuleType::kByline: {
          std::uint32_t n = s_.prefix_words[r];
          if (n == 0 || n >= words || !FollowedBy(line, n, rule.then)) break;
          std::string_view rest = line.substr(s_.tokens.tokens[n - 1].source_end);
          while (!rest.empty() && std::string_view(" :-–—|,").find(rest.front()) != std::string_view::npos) {
            rest.remove_prefix(1);
          }
          if (rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94") {
            rest.remove_prefix(3);
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
          }
          if (LooksLikeName(rest, s_.tokens, n)) {
            v.rule = r;
            v.byline_value = rest;
          }
          break;
        }
        case RuleType::kCode:
        case RuleType::kCaption:
          break;
      }
    }
    if (v.rule < 0) {
      for (std::uint16_t r : rules_.breadcrumbs) {
        const Rule& rule = rules_.rules[r];
        if (words >= 2 && words <= rule.max_words && IsBreadcrumb(line, 0)) {
          v.rule = r;
          break;
        }
      }
    }
    for (std::uint16_t r : s_.touched) {
      s_.groups[r] = 0;
      s_.prefix_words[r] = 0;
      s_.covered[r] = 0;
      s_.whole_line[r] = 0;
    }
    s_.touched.clear();
    return v;
  }

 private:
  // The text after the first `words` words, without leading spaces.
  std::string_view After(std::string_view line, std::uint32_t words) const {
    std::string_view rest = line.substr(s_.tokens.tokens[words - 1].source_end);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return rest;
  }

  bool FollowedBy(std::string_view line, std::uint32_t words, std::string_view then) const {
    return then.empty() || After(line, words).substr(0, then.size()) == then;
  }

  // "Home > News > Politics": a home word then a separator, or at least two
  // separators of one kind between short segments.
  bool IsBreadcrumb(std::string_view line, std::uint32_t prefix_words) const {
    static constexpr std::string_view kSeparators[] = {">", "›", "»", "/", "|", "→", "\\", "·", "•", "::"};
    if (EndsWithSentencePunctuation(line)) return false;
    if (prefix_words > 0 && prefix_words < s_.tokens.tokens.size()) {
      std::string_view rest = After(line, prefix_words);
      for (std::string_view sep : kSeparators) {
        if (rest.substr(0, sep.size()) == sep) return true;
      }
    }
    // Without a home word, only the separators a menu does not also use.
    for (std::string_view sep : {std::string_view(">"), std::string_view("›"),
                                 std::string_view("»"), std::string_view("→"),
                                 std::string_view("/")}) {
      std::string spaced = " " + std::string(sep) + " ";
      std::size_t count = 0;
      for (std::size_t p = line.find(spaced); p != std::string_view::npos; p = line.find(spaced, p + 1)) {
        ++count;
      }
      if (count >= 2) return true;
    }
    return false;
  }

  // One pass over the words: each run of up to max_phrase_words words that
  // could still be a phrase is looked up once.
  void Scan() {
    const auto& toks = s_.tokens.tokens;
    const std::size_t words = toks.size();
    for (std::size_t i = 0; i < words; ++i) {
      for (std::size_t n = 1; n <= rules_.max_phrase_words && i + n <= words; ++n) {
        const auto* slot = rules_.table.Find(text::Hash64(s_.tokens.Slice(i, i + n - 1)));
        if (slot == nullptr) break;
        for (std::uint32_t k = 0; k < slot->count; ++k) {
          const auto& e = rules_.table.entries[slot->first + k];
          Record(e.rule, e.group, i, n, words);
        }
        if (!slot->continues) break;
      }
    }
  }

  void Record(std::uint16_t r, std::uint8_t group, std::size_t i, std::size_t n, std::size_t words) {
    const Rule& rule = rules_.rules[r];
    switch (rule.type) {
      case RuleType::kLine:
      case RuleType::kNear:
        if (i == 0 && n == words) s_.whole_line[r] = 1;
        else return;
        break;
      case RuleType::kPrefix:
      case RuleType::kByline:
      case RuleType::kBreadcrumb:
        if (i != 0) return;
        s_.prefix_words[r] = std::max<std::uint32_t>(s_.prefix_words[r], static_cast<std::uint32_t>(n));
        break;
      case RuleType::kVocabulary:
        s_.groups[r] |= std::uint64_t{1} << group;
        break;
      case RuleType::kSwitcher:
        if (i + n > 64) return;
        s_.covered[r] |= ((n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1)) << i;
        break;
      case RuleType::kCode:
      case RuleType::kCaption:
        return;
    }
    s_.touched.push_back(r);
  }

  const CompiledRules& rules_;
  MatchScratch s_;
};

}  // namespace

Document StripBoilerplate(Document doc, const StripOptions& options) {
  const RuleSet& rule_set = options.rules != nullptr ? *options.rules : RuleSet::Default();
  const CompiledRules& rules = rule_set.compiled();
  int code_rule = -1;
  int caption_rule = -1;
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    if (rules.rules[r].type == RuleType::kCode && code_rule < 0) code_rule = static_cast<int>(r);
    if (rules.rules[r].type == RuleType::kCaption && caption_rule < 0) caption_rule = static_cast<int>(r);
  }

  internal::BlockRemover remover(&doc, "strip", options.explain);
  const std::size_t n = doc.blocks.size();
  std::vector<int> near_rule(n, -1);
  std::vector<int> removed_by(n, -1);
  std::vector<std::string> keys(n);  // Folded words, for the caption rule.
  std::vector<std::uint32_t> word_counts(n, 0);
  Matcher matcher(rules);

  for (std::size_t i = 0; i < n; ++i) {
    std::string_view line = doc.Text(doc.blocks[i]);
    LineVerdict v = matcher.Match(line);
    keys[i] = matcher.tokens().key;
    word_counts[i] = static_cast<std::uint32_t>(matcher.tokens().tokens.size());
    near_rule[i] = v.near_rule;
    int rule = v.rule;
    if (code_rule >= 0 && (rule < 0 || rule > code_rule) &&
        (LooksLikeJson(line) || LooksLikeScriptOrStyle(line))) {
      rule = code_rule;
    }
    if (rule < 0) continue;
    const Rule& r = rules.rules[static_cast<std::size_t>(rule)];
    if (r.type == RuleType::kByline && doc.GetMetadata(r.field).empty()) {
      doc.SetMetadata(r.field, v.byline_value);
    }
    removed_by[i] = rule;
    remover.Mark(i, r.name);
  }

  // Buttons and headers of a removed notice: runs of `near` lines on either
  // side of a block removed by one of the rules they name.
  auto near_applies = [&](std::size_t j, int anchor) {
    if (removed_by[j] >= 0 || near_rule[j] < 0) return false;
    const Rule& r = rules.rules[static_cast<std::size_t>(near_rule[j])];
    return std::find(r.near.begin(), r.near.end(), anchor) != r.near.end();
  };
  for (std::size_t i = 0; i < n; ++i) {
    int anchor = removed_by[i];
    if (anchor < 0 || rules.rules[static_cast<std::size_t>(anchor)].type == RuleType::kNear) continue;
    for (std::size_t j = i + 1; j < n && near_applies(j, anchor); ++j) {
      removed_by[j] = near_rule[j];
      remover.Mark(j, rules.rules[static_cast<std::size_t>(near_rule[j])].name);
    }
    for (std::size_t j = i; j > 0 && near_applies(j - 1, anchor); --j) {
      removed_by[j - 1] = near_rule[j - 1];
      remover.Mark(j - 1, rules.rules[static_cast<std::size_t>(near_rule[j - 1])].name);
    }
  }

  // A heading repeated at the start of a line that then breaks off (no
  // closing punctuation, or an open bracket): a title glued to a caption.
  if (caption_rule >= 0) {
    const std::string& name = rules.rules[static_cast<std::size_t>(caption_rule)].name;
    for (std::size_t i = 0; i < n; ++i) {
      if (removed_by[i] >= 0) continue;
      std::string_view line = doc.Text(doc.blocks[i]);
      bool fragment = !EndsWithSentencePunctuation(line) || HasUnbalancedBracket(line);
      if (fragment) {
        // Look back over the last few kept lines for a short heading-like one.
        std::size_t looked = 0;
        for (std::size_t j = i; j > 0 && looked < 3; --j) {
          std::size_t h = j - 1;
          if (removed_by[h] >= 0) continue;
          ++looked;
          std::string_view head = doc.Text(doc.blocks[h]);
          if (word_counts[h] == 0 || word_counts[h] > 20 || EndsWithSentencePunctuation(head)) continue;
          const std::string& hk = keys[h];
          const std::string& lk = keys[i];
          if (lk.size() > hk.size() && lk.compare(0, hk.size(), hk) == 0 && lk[hk.size()] == ' ') {
            removed_by[i] = caption_rule;
            remover.Mark(i, name);
            break;
          }
        }
      }
    }
  }

  doc.stats.stripped += remover.Finish();
  doc.stages.emplace_back("strip");
  return doc;
}

}  // namespace pagewash
