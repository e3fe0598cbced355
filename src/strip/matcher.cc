#include "strip/matcher.h"

#include <algorithm>
#include <bit>

#include "layout.h"
#include "strip/shapes.h"

namespace pagewash::internal {
namespace {

bool StartsWithAny(std::string_view line, const std::vector<std::string>& starts) {
  for (const std::string& s : starts) {
    if (line.substr(0, s.size()) == s) return true;
  }
  return false;
}

}  // namespace

Matcher::Matcher(const CompiledRules& rules) { Reset(rules); }

void Matcher::Reset(const CompiledRules& rules) {
  rules_ = &rules;
  touched_.clear();
  always_.clear();
  dateline_ = -1;
  words_ = 0;
  cut_ = false;
  std::size_t n = rules.rules.size();
  groups_.assign(n, 0);
  prefix_words_.assign(n, 0);
  covered_.assign(n, 0);
  whole_line_.assign(n, 0);
  for (std::size_t r = 0; r < n; ++r) {
    RuleType t = rules.rules[r].type;
    // A raw prefix (`starts`) is no phrase, so the phrase table cannot
    // bring the rule to a line.
    if (TypeInfo(t).always || !rules.rules[r].starts.empty()) {
      always_.push_back(static_cast<std::uint16_t>(r));
    }
    if (t == RuleType::kDateline && dateline_ < 0) dateline_ = static_cast<int>(r);
  }
}

std::size_t Matcher::CapacityBytes() const {
  auto tokens = [](const text::TokenizedText& t) { return t.key.capacity() + t.tokens.capacity() * sizeof(text::Token); };
  return tokens(tokens_) + tokens(part_) + tokens(window_) + verdict_.near_rules.capacity() * sizeof(std::uint16_t) +
         groups_.capacity() * sizeof(std::uint64_t) +
         prefix_words_.capacity() * sizeof(std::uint32_t) + covered_.capacity() * sizeof(std::uint64_t) +
         whole_line_.capacity() + month_.capacity() + by_.capacity() +
         (touched_.capacity() + always_.capacity()) * sizeof(std::uint16_t);
}

const LineVerdict& Matcher::Match(std::string_view line) {
  for (std::uint16_t r : touched_) {
    groups_[r] = 0;
    prefix_words_[r] = 0;
    covered_[r] = 0;
    whole_line_[r] = 0;
  }
  touched_.clear();
  if (text::TokenPartEnd(line, 0) == line.size()) {
    text::Tokenize(line, &tokens_);
    words_ = tokens_.tokens.size();
    cut_ = false;
    // Only the first 64 words can be covered by a dateline's phrases.
    month_.assign(std::min<std::size_t>(words_, 64), 0);
    by_.assign(std::min<std::size_t>(words_, 64), 0);
    Scan(tokens_, words_, 0);
  } else {
    ScanInParts(line);
  }
  for (std::uint16_t r : always_) touched_.push_back(r);
  std::sort(touched_.begin(), touched_.end());
  touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());

  LineVerdict& v = verdict_;
  static_cast<LineFacts&>(v) = LineFacts{};
  v.near_rules.clear();
  const std::size_t words = words_;
  for (std::uint16_t r : touched_) {
    const Rule& rule = rules_->rules[r];
    if (rule.type == RuleType::kNear) {
      if (whole_line_[r] && words >= rule.min_words && words <= rule.max_words)
        v.near_rules.push_back(r);
      continue;
    }
    if (v.rule >= 0) continue;
    if (words < rule.min_words || words > rule.max_words) continue;
    if (Judge(r, rule, line, words, &v)) v.rule = r;
  }
  return v;
}

bool Matcher::Judge(std::uint16_t r, const Rule& rule, std::string_view line, std::size_t words,
                    LineVerdict* v) {
  switch (rule.type) {
    case RuleType::kLine:
    case RuleType::kBarrier:
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
      return std::popcount(hit) >= rule.min_groups &&
             (hit & rule.require_mask) == rule.require_mask;
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
        std::size_t date_begin =
            static_cast<std::size_t>(rest.data() - line.data()) + p + sep.size();
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
bool Matcher::IsDateFrom(std::string_view line, std::size_t begin, std::string_view* date) {
  if (dateline_ < 0) return false;
  if (cut_) {
    // The date runs to the line's end: every word is needed (a byline rule
    // that allows this many words, which none of ours does).
    text::Tokenize(line, &tokens_);
    cut_ = false;
  }
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
bool Matcher::DateWords(std::uint16_t r, std::size_t first, std::size_t last, std::size_t* end) {
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
bool Matcher::JudgeDateline(std::uint16_t r, std::string_view line, std::size_t words,
                            LineVerdict* v) {
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

// The text after the first `words` words, without leading spaces.
std::string_view Matcher::After(std::string_view line, std::uint32_t words) const {
  std::string_view rest = line.substr(tokens_.tokens[words - 1].source_end);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

bool Matcher::FollowedBy(std::string_view line, std::uint32_t words, std::string_view then) const {
  return then.empty() || After(line, words).substr(0, then.size()) == then;
}

// "Home > News > Politics": a home word then a separator, or at least two
// separators of one kind between short segments.
bool Matcher::IsBreadcrumb(std::string_view line, std::uint32_t prefix_words) const {
  static constexpr std::string_view kSeparators[] = {">", "›",  "»", "/", "|",
                                                     "→", "\\", "·", "•", "::"};
  if (EndsWithSentencePunctuation(line)) return false;
  if (prefix_words > 0 && prefix_words < words_) {
    std::string_view rest = After(line, prefix_words);
    for (std::string_view sep : kSeparators) {
      if (rest.substr(0, sep.size()) == sep) return true;
    }
  }
  // Without a home word, only the separators a menu does not also use.
  return LooksLikeTrail(line);
}

// A line too long to tokenize whole (text::TokenPartEnd) goes in parts,
// twice: once to count its words and keep the first kKeptWords, then to
// scan a window that runs from part to part, so that a phrase may span a
// cut. Memory stays at a part's tokens, whatever the line's length.
void Matcher::ScanInParts(std::string_view line) {
  const std::size_t keep = std::max<std::size_t>(kKeptWords, rules_->max_phrase_words + 3);
  tokens_.tokens.clear();
  tokens_.key.clear();
  words_ = 0;
  text::TokenizeInParts(line, &part_, [&](const text::TokenizedText& part, std::size_t offset) {
    for (std::size_t k = 0; k < part.tokens.size() && tokens_.tokens.size() < keep; ++k) {
      if (!tokens_.key.empty()) tokens_.key.push_back(' ');
      text::Token t = part.tokens[k];
      std::string_view word = part.Word(k);
      t.begin = static_cast<std::uint32_t>(tokens_.key.size());
      t.end = static_cast<std::uint32_t>(t.begin + word.size());
      t.source_begin += static_cast<std::uint32_t>(offset);
      t.source_end += static_cast<std::uint32_t>(offset);
      tokens_.key.append(word);
      tokens_.tokens.push_back(t);
    }
    words_ += part.tokens.size();
  });
  cut_ = words_ > tokens_.tokens.size();
  if (cut_) tokens_.key.push_back(' ');  // More words follow.
  month_.assign(std::min<std::size_t>(words_, 64), 0);
  by_.assign(std::min<std::size_t>(words_, 64), 0);

  // The window: the words the last part left unscanned (a phrase starting
  // there may end in the next part), then the next part's.
  const std::size_t reach = rules_->max_phrase_words - 1;
  std::size_t base = 0;  // The line's word number of window_'s first.
  window_.tokens.clear();
  window_.key.clear();
  text::TokenizeInParts(line, &part_, [&](const text::TokenizedText& part, std::size_t) {
    for (std::size_t k = 0; k < part.tokens.size(); ++k) {
      if (!window_.key.empty()) window_.key.push_back(' ');
      text::Token t = part.tokens[k];
      std::string_view word = part.Word(k);
      t.begin = static_cast<std::uint32_t>(window_.key.size());
      t.end = static_cast<std::uint32_t>(t.begin + word.size());
      window_.key.append(word);
      window_.tokens.push_back(t);
    }
    const std::size_t size = window_.tokens.size();
    const std::size_t to = base + size == words_ ? size : size - std::min(size, reach);
    Scan(window_, to, base);
    // Keep the words not scanned, at the window's start.
    const std::size_t shift = to < size ? window_.tokens[to].begin : window_.key.size();
    std::size_t kept = 0;
    for (std::size_t k = to; k < size; ++k, ++kept) {
      text::Token t = window_.tokens[k];
      t.begin -= static_cast<std::uint32_t>(shift);
      t.end -= static_cast<std::uint32_t>(shift);
      window_.tokens[kept] = t;
    }
    window_.tokens.resize(kept);
    window_.key.erase(0, shift);
    base += to;
  });
}

// One pass over words [0, to) of `t`, which are the line's words from
// number `base` on: each run of up to max_phrase_words words that could
// still be a phrase is looked up once; each word once more among the stems.
// `t` holds the max_phrase_words - 1 words after `to`, or the line's last.
void Matcher::Scan(const text::TokenizedText& t, std::size_t to, std::size_t base) {
  const auto& toks = t.tokens;
  const std::size_t words = words_;
  const std::size_t held = toks.size();
  for (std::size_t i = 0; i < to; ++i) {
    std::uint64_t run = toks[i].hash;
    for (std::size_t n = 1; n <= rules_->max_phrase_words && i + n <= held; ++n) {
      if (n > 1) run = text::MixWordHash(run, toks[i + n - 1].hash);
      const auto* slot = rules_->table.Find(run);
      if (slot == nullptr) break;
      for (std::uint32_t k = 0; k < slot->count; ++k) {
        const auto& e = rules_->table.entries[slot->first + k];
        Record(e.rule, e.group, base + i, n, words);
      }
      if (!slot->continues) break;
    }
    std::string_view word = t.Word(i);
    std::string_view head;
    if (word.size() <= rules_->stems.min_chars || !rules_->stems.MayStart(word) ||
        !text::StemHead(word, rules_->stems.min_chars, &head)) {
      continue;
    }
    const auto& bucket = rules_->stems.buckets[internal::StemBucket(head)];
    if (bucket.empty()) continue;
    for (const auto& stem : bucket) {
      if (word.size() > stem.prefix.size() &&
          word.compare(0, stem.prefix.size(), stem.prefix) == 0) {
        Record(stem.entry.rule, stem.entry.group, base + i, 1, words);
      }
    }
  }
}

void Matcher::Record(std::uint16_t r, std::uint8_t group, std::size_t i, std::size_t n,
                     std::size_t words) {
  const Rule& rule = rules_->rules[r];
  auto cover = [&] {
    if (i + n <= 64)
      covered_[r] |= ((n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1)) << i;
  };
  switch (rule.type) {
    case RuleType::kLine:
    case RuleType::kNear:
    case RuleType::kHeader:
    case RuleType::kBarrier:
      // A count does not change what a line is: "Basket (0)", "12 Comments".
      if (i == 1 && rule.type == RuleType::kBarrier && AllDigits(tokens_.Word(0))) {
        if (n + 1 == words) whole_line_[r] = 1;
        break;
      }
      if (i != 0) return;
      if (n == words) {
        whole_line_[r] = 1;
      } else {
        if (words - n > 2) return;
        bool numbers_after = true;
        for (std::size_t k = n; k < words; ++k)
          numbers_after = numbers_after && AllDigits(tokens_.Word(k));
        if (!numbers_after) return;
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
        if (i == 0)
          prefix_words_[r] =
              std::max<std::uint32_t>(prefix_words_[r], static_cast<std::uint32_t>(n));
        break;
      }
      cover();
      if (i < month_.size()) {
        if (name == "month") month_[i] = 1;
        if (name == "by") by_[i] = 1;
      }
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

}  // namespace pagewash::internal
