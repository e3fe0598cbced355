#include "pagewash/strip.h"

#include <algorithm>
#include <bit>

#include "layout.h"
#include "removal.h"
#include "rules_internal.h"
#include "strip/shapes.h"
#include "text/tokenize.h"

namespace pagewash {
namespace {

using internal::AllDigits;
using internal::CompiledRules;
using internal::EndsWithSentencePunctuation;
using internal::HasPostalCode;
using internal::HasUnbalancedBracket;
using internal::IsDateNumber;
using internal::LooksLikeJson;
using internal::LooksLikeLinkBar;
using internal::LooksLikeLinkTitle;
using internal::LooksLikeName;
using internal::LooksLikeScriptOrStyle;
using internal::LooksLikeTrail;
using internal::Rule;
using internal::RuleType;
using internal::SenderName;
using internal::TrimSeparators;

// ---------------------------------------------------------------------------
// Matching one line against every rule.

struct LineVerdict {
  int rule = -1;       // The first rule (in file order) that removes the line.
  std::vector<std::uint16_t> near_rules;  // `near` rules whose phrases are the whole line.
  int header_rule = -1;  // A `header` rule whose phrases are the whole line.
  std::string_view value;   // Metadata value (byline name, date).
  std::string_view author;  // A dateline's "by NAME".
  std::string_view date;    // A byline's date after the name.
};

class Matcher {
 public:
  explicit Matcher(const CompiledRules& rules) : rules_(rules) {
    std::size_t n = rules.rules.size();
    groups_.assign(n, 0);
    prefix_words_.assign(n, 0);
    covered_.assign(n, 0);
    whole_line_.assign(n, 0);
    for (std::size_t r = 0; r < n; ++r) {
      RuleType t = rules.rules[r].type;
      if (t == RuleType::kCode || t == RuleType::kLinkBar || t == RuleType::kSender ||
          t == RuleType::kSignature || t == RuleType::kBreadcrumb || t == RuleType::kDateline ||
          !rules.rules[r].starts.empty()) {
        always_.push_back(static_cast<std::uint16_t>(r));
      }
      if (t == RuleType::kDateline && dateline_ < 0) dateline_ = static_cast<int>(r);
    }
  }

  const text::TokenizedText& tokens() const { return tokens_; }

  /// Group masks of the vocabulary rules this line touched, valid until the
  /// next Match().
  std::uint64_t Groups(std::size_t rule) const { return groups_[rule]; }
  const std::vector<std::uint16_t>& Touched() const { return touched_; }

  LineVerdict Match(std::string_view line) {
    for (std::uint16_t r : touched_) {
      groups_[r] = 0;
      prefix_words_[r] = 0;
      covered_[r] = 0;
      whole_line_[r] = 0;
    }
    touched_.clear();
    text::Tokenize(line, &tokens_);
    Scan();
    for (std::uint16_t r : always_) touched_.push_back(r);
    std::sort(touched_.begin(), touched_.end());
    touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());

    LineVerdict v;
    const std::size_t words = tokens_.tokens.size();
    for (std::uint16_t r : touched_) {
      const Rule& rule = rules_.rules[r];
      if (rule.type == RuleType::kNear) {
        if (whole_line_[r] && words >= rule.min_words && words <= rule.max_words) v.near_rules.push_back(r);
        continue;
      }
      if (v.rule >= 0) continue;
      if (words < rule.min_words || words > rule.max_words) continue;
      if (Judge(r, rule, line, words, &v)) v.rule = r;
    }
    return v;
  }

 private:
  bool Judge(std::uint16_t r, const Rule& rule, std::string_view line, std::size_t words, LineVerdict* v) {
    switch (rule.type) {
      case RuleType::kLine:
        return whole_line_[r] != 0;
      case RuleType::kHeader:
        if (whole_line_[r]) v->header_rule = r;
        return whole_line_[r] != 0;
      case RuleType::kNear:
        return false;
      case RuleType::kPrefix:
        return prefix_words_[r] > 0 && FollowedBy(line, prefix_words_[r], rule.then);
      case RuleType::kBreadcrumb:
        return words >= 2 && IsBreadcrumb(line, prefix_words_[r]);  // max-words bounds it
      case RuleType::kVocabulary: {
        std::uint64_t hit = groups_[r];
        if (StartsWithAny(line, rule.starts)) hit |= 1;
        return std::popcount(hit) >= rule.min_groups && (hit & rule.require_mask) == rule.require_mask;
      }
      case RuleType::kSwitcher: {
        if (words < 2 || words > 64 || EndsWithSentencePunctuation(line)) return false;
        int covered = std::popcount(covered_[r]);
        return covered == static_cast<int>(words) ||
               (words >= 3 && covered * 100 >= rule.min_coverage * static_cast<int>(words));
      }
      case RuleType::kByline: {
        std::uint32_t n = prefix_words_[r];
        if (n == 0 || n >= words || !FollowedBy(line, n, rule.then)) return false;
        std::string_view rest = TrimSeparators(line.substr(tokens_.tokens[n - 1].source_end));
        if (LooksLikeName(rest)) {
          v->value = rest;
          return true;
        }
        // "Von Jonas Albrecht | 14.05.2024": a name, a separator, a date.
        for (std::string_view sep : {" | ", " · ", ", ", " – ", " — ", " - ", " / "}) {
          std::size_t p = rest.find(sep);
          if (p == std::string_view::npos || !LooksLikeName(rest.substr(0, p))) continue;
          std::size_t date_begin = static_cast<std::size_t>(rest.data() - line.data()) + p + sep.size();
          std::string_view date;
          if (!IsDateFrom(line, date_begin, &date)) continue;
          v->value = rest.substr(0, p);
          v->date = date;
          return true;
        }
        return false;
      }
      case RuleType::kDateline:
        return JudgeDateline(r, line, words, v);
      case RuleType::kCode:
        return LooksLikeJson(line) || LooksLikeScriptOrStyle(line);
      case RuleType::kLinkBar:
        return words >= 3 && words <= 30 && LooksLikeLinkBar(line);
      case RuleType::kAddress:
        return groups_[r] != 0 && !EndsWithSentencePunctuation(line) && HasPostalCode(line);
      case RuleType::kSender: {
        std::string_view name = words <= 10 ? SenderName(line) : std::string_view();
        if (name.empty()) return false;
        v->value = name;
        return true;
      }
      case RuleType::kSignature:
        return line == "--";
      case RuleType::kCaption:
        return false;  // Judged against its neighbours, later.
    }
    return false;
  }

  // True if the words from byte `begin` of `line` to its end are a date
  // (by the first dateline rule); sets *date to it.
  bool IsDateFrom(std::string_view line, std::size_t begin, std::string_view* date) {
    if (dateline_ < 0) return false;
    std::size_t first = 0;
    while (first < tokens_.tokens.size() && tokens_.tokens[first].source_begin < begin) ++first;
    if (first >= tokens_.tokens.size()) return false;
    std::size_t end = 0;
    if (!DateWords(static_cast<std::uint16_t>(dateline_), first, tokens_.tokens.size(), &end) ||
        end != tokens_.tokens.size()) {
      return false;
    }
    *date = TrimSeparators(line.substr(tokens_.tokens[first].source_begin));
    return true;
  }

  // Words [first, last) up to a "by" word are a date: months, weekdays,
  // fillers of the rule, or numbers; with a month and a number, or three
  // numbers. Sets *end one past the last date word.
  bool DateWords(std::uint16_t r, std::size_t first, std::size_t last, std::size_t* end) {
    bool month = false;
    std::size_t numbers = 0;
    *end = first;
    for (std::size_t j = first; j < last; ++j) {
      std::string_view w = tokens_.Word(j);
      bool covered = j < 64 && ((covered_[r] >> j) & 1);
      if (covered && by_[j]) break;
      if (IsDateNumber(w)) {
        ++numbers;
      } else if (covered) {
        month = month || month_[j];
      } else {
        return false;
      }
      *end = j + 1;
    }
    return *end > first && ((month && numbers >= 1) || numbers >= 3);
  }

  // [label] date [by NAME]: every word after the label is a month, weekday,
  // time-zone or filler word of the rule, or a number; there is a year, or a
  // month with a day.
  bool JudgeDateline(std::uint16_t r, std::string_view line, std::size_t words, LineVerdict* v) {
    std::size_t start = 0;
    if (std::uint32_t n = prefix_words_[r]; n > 0 && n < words) start = n;
    if (words - start > 14 || words > 64) return false;
    std::size_t end = 0;
    if (!DateWords(r, start, words, &end)) return false;
    if (end < words) {
      // "… by Hannah Price"
      std::string_view rest = TrimSeparators(line.substr(tokens_.tokens[end].source_end));
      if (!by_[end] || !LooksLikeName(rest)) return false;
      v->author = rest;
    }
    v->value = line.substr(tokens_.tokens[start].source_begin,
                           tokens_.tokens[end - 1].source_end - tokens_.tokens[start].source_begin);
    return true;
  }

  static bool StartsWithAny(std::string_view line, const std::vector<std::string>& starts) {
    for (const std::string& s : starts) {
      if (line.substr(0, s.size()) == s) return true;
    }
    return false;
  }

  // The text after the first `words` words, without leading spaces.
  std::string_view After(std::string_view line, std::uint32_t words) const {
    std::string_view rest = line.substr(tokens_.tokens[words - 1].source_end);
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
    if (prefix_words > 0 && prefix_words < tokens_.tokens.size()) {
      std::string_view rest = After(line, prefix_words);
      for (std::string_view sep : kSeparators) {
        if (rest.substr(0, sep.size()) == sep) return true;
      }
    }
    // Without a home word, only the separators a menu does not also use.
    return LooksLikeTrail(line);
  }

  // One pass over the words: each run of up to max_phrase_words words that
  // could still be a phrase is looked up once; each word once more among the
  // stems.
  void Scan() {
    const auto& toks = tokens_.tokens;
    const std::size_t words = toks.size();
    month_.assign(words, 0);
    by_.assign(words, 0);
    for (std::size_t i = 0; i < words; ++i) {
      std::uint64_t run = toks[i].hash;
      for (std::size_t n = 1; n <= rules_.max_phrase_words && i + n <= words; ++n) {
        if (n > 1) run = text::MixWordHash(run, toks[i + n - 1].hash);
        const auto* slot = rules_.table.Find(run);
        if (slot == nullptr) break;
        for (std::uint32_t k = 0; k < slot->count; ++k) {
          const auto& e = rules_.table.entries[slot->first + k];
          Record(e.rule, e.group, i, n, words);
        }
        if (!slot->continues) break;
      }
      std::string_view word = tokens_.Word(i);
      std::string_view head;
      if (word.size() <= rules_.stems.min_chars || !rules_.stems.MayStart(word) ||
          !text::StemHead(word, rules_.stems.min_chars, &head)) {
        continue;
      }
      const auto& bucket = rules_.stems.buckets[internal::StemBucket(head)];
      if (bucket.empty()) continue;
      for (const auto& stem : bucket) {
        if (word.size() > stem.prefix.size() && word.compare(0, stem.prefix.size(), stem.prefix) == 0) {
          Record(stem.entry.rule, stem.entry.group, i, 1, words);
        }
      }
    }
  }

  void Record(std::uint16_t r, std::uint8_t group, std::size_t i, std::size_t n, std::size_t words) {
    const Rule& rule = rules_.rules[r];
    auto cover = [&] {
      if (i + n <= 64) covered_[r] |= ((n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1)) << i;
    };
    switch (rule.type) {
      case RuleType::kLine:
      case RuleType::kNear:
      case RuleType::kHeader:
        // A trailing count does not change what a line is: "Basket (0)".
        if (i != 0) return;
        if (n == words) {
          whole_line_[r] = 1;
        } else {
          bool numbers_after = true;
          for (std::size_t k = n; k < words; ++k) numbers_after = numbers_after && AllDigits(tokens_.Word(k));
          if (!numbers_after || words - n > 2) return;
          whole_line_[r] = 1;
        }
        break;
      case RuleType::kPrefix:
      case RuleType::kByline:
      case RuleType::kBreadcrumb:
        if (i != 0) return;
        prefix_words_[r] = std::max<std::uint32_t>(prefix_words_[r], static_cast<std::uint32_t>(n));
        break;
      case RuleType::kVocabulary:
      case RuleType::kAddress:
        groups_[r] |= std::uint64_t{1} << group;
        break;
      case RuleType::kSwitcher:
        cover();
        break;
      case RuleType::kDateline: {
        const std::string& name = rule.groups[group];
        if (name == "label") {
          if (i == 0) prefix_words_[r] = std::max<std::uint32_t>(prefix_words_[r], static_cast<std::uint32_t>(n));
          break;
        }
        cover();
        if (name == "month") month_[i] = 1;
        if (name == "by") by_[i] = 1;
        break;
      }
      case RuleType::kCode:
      case RuleType::kCaption:
      case RuleType::kLinkBar:
      case RuleType::kSender:
      case RuleType::kSignature:
        return;
    }
    touched_.push_back(r);
  }

  const CompiledRules& rules_;
  text::TokenizedText tokens_;
  std::vector<std::uint64_t> groups_;        // Vocabulary: groups hit, per rule.
  std::vector<std::uint32_t> prefix_words_;  // Prefix rules: longest prefix hit.
  std::vector<std::uint64_t> covered_;       // Words covered by phrases, per rule.
  std::vector<std::uint8_t> whole_line_;     // Line rules: the line is a phrase.
  std::vector<std::uint8_t> month_;          // Per word: a month name.
  std::vector<std::uint8_t> by_;             // Per word: "by" in a dateline.
  std::vector<std::uint16_t> touched_;
  std::vector<std::uint16_t> always_;        // Built-in detectors run on every line.
  int dateline_ = -1;                        // The first dateline rule.
};

// What the first pass learnt about each block.
struct BlockInfo {
  int rule = -1;       // The rule that removes the block, once decided.
  LineVerdict match;   // What the phrase table said of the line alone.
  std::string key;
  std::uint32_t words = 0;
  std::vector<std::pair<std::uint16_t, std::uint64_t>> vocabulary;  // Guarded/chunk rules' groups.
};

bool MeetsVocabulary(const Rule& rule, std::uint64_t hit) {
  return std::popcount(hit) >= rule.min_groups && (hit & rule.require_mask) == rule.require_mask;
}

std::uint64_t GroupsOf(const BlockInfo& info, std::uint16_t rule) {
  for (const auto& [r, mask] : info.vocabulary) {
    if (r == rule) return mask;
  }
  return 0;
}

}  // namespace

Document StripBoilerplate(Document doc, const StripOptions& options) {
  const RuleSet& rule_set = options.rules != nullptr ? *options.rules : RuleSet::Default();
  const CompiledRules& rules = rule_set.compiled();
  const std::size_t n = doc.blocks.size();
  std::vector<BlockInfo> info(n);
  internal::BlockRemover remover(&doc, "strip", options.explain);
  auto remove = [&](std::size_t i, int rule) {
    if (info[i].rule >= 0 && remover.IsMarked(i)) return;
    info[i].rule = rule;
    remover.Mark(i, rules.rules[static_cast<std::size_t>(rule)].name);
  };

  // Pass 1: every line on its own.
  Matcher matcher(rules);
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view line = doc.Text(doc.blocks[i]);
    LineVerdict v = matcher.Match(line);
    BlockInfo& b = info[i];
    b.words = static_cast<std::uint32_t>(matcher.tokens().tokens.size());
    // The caption pass compares short lines (headings) with fragments; a
    // finished sentence of many words is neither, and keeps no copy.
    if (b.words <= 20 || !EndsWithSentencePunctuation(line) || HasUnbalancedBracket(line)) {
      b.key = matcher.tokens().key;
    }
    b.match = std::move(v);
    for (std::uint16_t r : matcher.Touched()) {
      const Rule& rule = rules.rules[r];
      if (rule.type == RuleType::kVocabulary && (rule.chunk || rule.topic_mask != 0) && matcher.Groups(r) != 0) {
        b.vocabulary.emplace_back(r, matcher.Groups(r));
      }
    }
  }

  // A page about the topic of a guarded rule (a heading-like line with the
  // rule's topic words: "3. Cookies", "Chocolate chip cookies") keeps the
  // rule's matches unless a notice's button or title stands next to them.
  // Only a line standing alone counts: a notice's buttons ("Accept all
  // cookies") come in a run of lines.
  std::vector<bool> about(rules.rules.size(), false);
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view line = doc.Text(doc.blocks[i]);
    if (info[i].words == 0 || info[i].words > 10 || EndsWithSentencePunctuation(line)) continue;
    bool alone = (i == 0 || doc.blocks[i].gap) && (i + 1 == n || doc.blocks[i + 1].gap);
    if (!alone) continue;
    if (info[i].match.rule >= 0 || !info[i].match.near_rules.empty()) continue;
    for (const auto& [r, mask] : info[i].vocabulary) {
      if ((mask & rules.rules[r].topic_mask) != 0) about[r] = true;
    }
  }
  // Block j is a `near` line that belongs to a match of `anchor` standing
  // after it (before = true) or before it (before = false).
  // Returns the `near` rule, or -1.
  auto near_side = [&](std::size_t j, int anchor, bool before) {
    if (j >= n) return -1;
    for (std::uint16_t nr : info[j].match.near_rules) {
      const Rule& r = rules.rules[nr];
      if (r.side == Rule::Side::kBefore && !before) continue;
      if (r.side == Rule::Side::kAfter && before) continue;
      if (std::find(r.near.begin(), r.near.end(), anchor) != r.near.end()) return static_cast<int>(nr);
    }
    return -1;
  };
  auto near_names = [&](std::size_t j, int anchor) {
    return near_side(j, anchor, true) >= 0 || near_side(j, anchor, false) >= 0;
  };
  // A match [first, last] with a title just above or a button just below.
  auto flanked = [&](std::size_t first, std::size_t last, int rule) {
    return (first > 0 && near_side(first - 1, rule, true) >= 0) || near_side(last + 1, rule, false) >= 0;
  };
  auto guarded_ok = [&](std::size_t first, std::size_t last, int rule) {
    return !about[static_cast<std::size_t>(rule)] || flanked(first, last, rule);
  };

  for (std::size_t i = 0; i < n; ++i) {
    int rule = info[i].match.rule;
    if (rule < 0) continue;
    const Rule& r = rules.rules[static_cast<std::size_t>(rule)];
    if (r.type == RuleType::kVocabulary && !guarded_ok(i, i, rule)) continue;
    if (r.flanked && !flanked(i, i, rule)) continue;
    remove(i, rule);
  }

  // A line with the required groups but too few others is still a notice
  // when a notice's button or title stands next to it.
  for (std::size_t i = 0; i < n; ++i) {
    if (info[i].rule >= 0 || !info[i].match.near_rules.empty()) continue;
    for (const auto& [r, mask] : info[i].vocabulary) {
      const Rule& rule = rules.rules[r];
      if (rule.require_mask == 0 || (mask & rule.require_mask) != rule.require_mask) continue;
      if (flanked(i, i, r)) {
        remove(i, r);
        break;
      }
    }
  }

  // Pass 2: notices split over several short lines, judged together.
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    if (rule.type != RuleType::kVocabulary || !rule.chunk) continue;
    std::size_t i = 0;
    while (i < n) {
      std::size_t end = i + 1;
      while (end < n && !doc.blocks[end].gap) ++end;
      std::size_t lines = end - i;
      std::uint64_t mask = 0;
      std::size_t words = 0;
      std::size_t hit_lines = 0;
      bool short_lines = true;
      for (std::size_t k = i; k < end; ++k) {
        if (!info[k].match.near_rules.empty()) {
          --lines;  // Buttons go with the notice but do not make one.
          continue;
        }
        std::uint64_t m = GroupsOf(info[k], static_cast<std::uint16_t>(r));
        mask |= m;
        hit_lines += m != 0;
        words += info[k].words;
        short_lines = short_lines && info[k].words <= 60;
      }
      // Buttons in or around the run: they confirm a notice, and on a page
      // about the topic they are required.
      bool buttons = flanked(i, end - 1, static_cast<int>(r));
      for (std::size_t k = i; k < end && !buttons; ++k) buttons = near_names(k, static_cast<int>(r));
      bool enough = MeetsVocabulary(rule, mask) ||
                    (buttons && (mask & rule.require_mask) == rule.require_mask);
      if (lines >= 2 && lines <= 8 && words <= 150 && short_lines && hit_lines * 2 >= lines && enough &&
          (buttons || !about[r])) {
        for (std::size_t k = i; k < end; ++k) {
          if (info[k].rule < 0 && info[k].match.near_rules.empty()) remove(k, static_cast<int>(r));
        }
      }
      i = end;
    }
  }

  // Pass 3: the buttons and titles of a removed notice: runs of `near`
  // lines on either side of a block removed by a rule they name.
  for (std::size_t i = 0; i < n; ++i) {
    int anchor = info[i].rule;
    if (anchor < 0 || rules.rules[static_cast<std::size_t>(anchor)].type == RuleType::kNear) continue;
    // Short lines between a notice (or its title) and its buttons, in one
    // run of lines, are the rest of the notice.
    std::size_t k = i + 1;
    while (k < n && k - i <= 4 && info[k].rule < 0 && !doc.blocks[k].gap && info[k].words <= 40 &&
           near_side(k, anchor, false) < 0) {
      ++k;
    }
    if (k > i + 1 && k < n && info[k].rule < 0 && !doc.blocks[k].gap && near_side(k, anchor, false) >= 0) {
      for (std::size_t m = i + 1; m < k; ++m) remove(m, anchor);
    }
    for (std::size_t j = i + 1; j < n && info[j].rule < 0; ++j) {
      int nr = near_side(j, anchor, false);
      if (nr < 0) break;
      remove(j, nr);
    }
    for (std::size_t j = i; j > 0 && info[j - 1].rule < 0; --j) {
      int nr = near_side(j - 1, anchor, true);
      if (nr < 0) break;
      remove(j - 1, nr);
    }
  }

  // Pass 4: "Related posts" and the link titles under it, up to the first
  // line that is a sentence, or a heading with its own text under it.
  for (std::size_t i = 0; i < n; ++i) {
    if (info[i].match.header_rule < 0 || info[i].rule != info[i].match.header_rule) continue;
    std::size_t j = i + 1;
    while (j < n && j - i <= 12 && info[j].rule < 0 && LooksLikeLinkTitle(doc.Text(doc.blocks[j]), info[j].words)) ++j;
    // A last title standing alone before a real paragraph is its heading.
    if (j < n && j > i + 1 && doc.blocks[j - 1].gap && info[j].rule < 0) --j;
    for (std::size_t k = i + 1; k < j; ++k) remove(k, info[i].match.header_rule);
  }

  // Pass 5: a mail signature, from "-- " to the end of its paragraph, or to
  // the end of the page when only short lines follow.
  for (std::size_t i = 0; i < n; ++i) {
    if (info[i].rule < 0 || rules.rules[static_cast<std::size_t>(info[i].rule)].type != RuleType::kSignature) {
      continue;
    }
    bool tail_is_short = n - i <= 12;
    for (std::size_t k = i + 1; k < n && tail_is_short; ++k) tail_is_short = info[k].words <= 15;
    for (std::size_t k = i + 1; k < n && (tail_is_short || !doc.blocks[k].gap); ++k) {
      if (info[k].rule < 0) remove(k, info[i].rule);
    }
    break;
  }

  // Pass 6: a heading repeated at the start of a line that then breaks off
  // (no closing punctuation, or an open bracket): a title glued to a caption.
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    if (rules.rules[r].type != RuleType::kCaption) continue;
    for (std::size_t i = 0; i < n; ++i) {
      if (info[i].rule >= 0) continue;
      std::string_view line = doc.Text(doc.blocks[i]);
      std::size_t looked = 0;
      for (std::size_t j = i; j > 0 && looked < 3; --j) {
        std::size_t h = j - 1;
        if (info[h].rule >= 0) continue;
        ++looked;
        if (internal::IsGluedRepeat(doc.Text(doc.blocks[h]), info[h].key, info[h].words, line, info[i].key)) {
          remove(i, static_cast<int>(r));
          break;
        }
      }
    }
    break;
  }

  // Metadata from the lines removed as bylines, datelines and senders.
  for (std::size_t i = 0; i < n; ++i) {
    if (info[i].rule < 0) continue;
    const Rule& r = rules.rules[static_cast<std::size_t>(info[i].rule)];
    bool fills = r.type == RuleType::kByline || r.type == RuleType::kDateline || r.type == RuleType::kSender;
    if (!fills || info[i].match.value.empty()) continue;
    std::string_view field = !r.field.empty() ? std::string_view(r.field)
                             : r.type == RuleType::kDateline ? std::string_view("date")
                                                             : std::string_view("author");
    if (doc.GetMetadata(field).empty()) doc.SetMetadata(field, info[i].match.value);
    if (!info[i].match.author.empty() && doc.GetMetadata("author").empty()) doc.SetMetadata("author", info[i].match.author);
    if (!info[i].match.date.empty() && doc.GetMetadata("date").empty()) doc.SetMetadata("date", info[i].match.date);
  }

  doc.stats.stripped += remover.Finish();
  doc.stages.emplace_back("strip");
  return doc;
}

}  // namespace pagewash
