#include "pagewash/strip.h"

#include <algorithm>
#include <bit>

#include "layout.h"
#include "removal.h"
#include "rules_internal.h"
#include "strip/matcher.h"
#include "strip/shapes.h"

namespace pagewash {
namespace {

using internal::CompiledRules;
using internal::EndsWithSentencePunctuation;
using internal::HasUnbalancedBracket;
using internal::LineVerdict;
using internal::LooksLikeLinkTitle;
using internal::Matcher;
using internal::Rule;
using internal::RuleType;

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
