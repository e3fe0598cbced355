#include "strip/passes.h"

#include <algorithm>
#include <bit>

#include "content.h"
#include "pagewash/profile.h"
#include "layout.h"
#include "scratch.h"
#include "strip/formulas.h"
#include "strip/shapes.h"

namespace pagewash::internal {
namespace {

bool MeetsVocabulary(const Rule& rule, std::uint64_t hit) {
  return std::popcount(hit) >= rule.min_groups && (hit & rule.require_mask) == rule.require_mask;
}

std::uint64_t GroupsOf(const StripContext& ctx, std::size_t i, std::uint16_t rule) {
  for (const auto& [r, mask] : ctx.Vocabulary(i)) {
    if (r == rule) return mask;
  }
  return 0;
}

}  // namespace

const LineFindings StripContext::kNoFindings;

namespace {

// The buffers of the last StripContext of this thread to finish, which the
// next one takes (-j N runs documents on worker threads): a document costs
// no allocation for them once they have grown. A context made while another
// lives gets empty ones, which is correct.
struct StripBuffers {
  Scratch<std::vector<BlockInfo>> info;
  Scratch<std::string> keys;
  Scratch<std::vector<LineFindings>> findings;
  Scratch<std::vector<std::uint16_t>> near;
  Scratch<std::vector<std::pair<std::uint16_t, std::uint64_t>>> vocabulary;
  Scratch<std::vector<bool>> about;
  Scratch<std::vector<Unit>> units;
};

StripBuffers& SpareBuffers() {
  thread_local StripBuffers spare;
  return spare;
}

}  // namespace

StripContext::StripContext(Document* document, const CompiledRules& compiled, bool explain)
    : doc(*document), rules(compiled), remover(document, "strip", explain) {
  StripBuffers& spare = SpareBuffers();
  info.swap(spare.info);
  keys.swap(spare.keys);
  findings.swap(spare.findings);
  near.swap(spare.near);
  vocabulary.swap(spare.vocabulary);
  about.swap(spare.about);
  units_.swap(spare.units);
  info.assign(document->blocks.size(), BlockInfo{});
  keys.clear();
  findings.clear();
  near.clear();
  vocabulary.clear();
  about.assign(compiled.rules.size(), false);
  units_.clear();
}

StripContext::~StripContext() {
  StripBuffers& spare = SpareBuffers();
  if (info.capacity() > spare.info.capacity()) info.swap(spare.info);
  if (keys.capacity() > spare.keys.capacity()) keys.swap(spare.keys);
  if (findings.capacity() > spare.findings.capacity()) findings.swap(spare.findings);
  if (near.capacity() > spare.near.capacity()) near.swap(spare.near);
  if (vocabulary.capacity() > spare.vocabulary.capacity()) vocabulary.swap(spare.vocabulary);
  if (about.capacity() > spare.about.capacity()) about.swap(spare.about);
  if (units_.capacity() > spare.units.capacity()) units_.swap(spare.units);
}

const std::vector<Unit>& StripContext::Units() {
  if (!have_units_) {
    SplitUnits(doc, &units_);
    have_units_ = true;
  }
  return units_;
}

void StripContext::Remove(std::size_t i, int rule) {
  if (info[i].rule >= 0 && remover.IsMarked(i)) return;
  info[i].rule = rule;
  remover.Mark(i, rules.rules[static_cast<std::size_t>(rule)].name);
}

int StripContext::NearSide(std::size_t j, int anchor, bool before) const {
  if (j >= info.size()) return -1;
  for (std::uint16_t nr : NearRules(j)) {
    const Rule& r = rules.rules[nr];
    if (r.side == Rule::Side::kBefore && !before) continue;
    if (r.side == Rule::Side::kAfter && before) continue;
    if (std::find(r.near.begin(), r.near.end(), anchor) != r.near.end())
      return static_cast<int>(nr);
  }
  return -1;
}

bool StripContext::Flanked(std::size_t first, std::size_t last, int rule) const {
  return (first > 0 && NearSide(first - 1, rule, true) >= 0) ||
         NearSide(last + 1, rule, false) >= 0;
}

// Words of a line's key kept for the caption pass: a heading it compares
// has at most 20, and the word after them must be there to tell "ab" from
// "ab cd".
constexpr std::size_t kCaptionKeyWords = 21;
static_assert(kCaptionKeyWords <= Matcher::kKeptWords);

void ShowFormulaText(StripContext* ctx) {
  Document& doc = ctx->doc;
  auto opens = [&](const Block& b) { return doc.Text(b).find("[MATH:") != std::string_view::npos; };
  if (std::none_of(doc.blocks.begin(), doc.blocks.end(), opens)) return;
  std::vector<std::string_view> lines;
  lines.reserve(doc.blocks.size());
  for (const Block& b : doc.blocks) lines.push_back(doc.Text(b));
  std::vector<FormulaLine> shown = FormulaText(lines);
  lines.clear();  // Views into the arena, which grows below.
  for (FormulaLine& f : shown) {
    if (f.text.empty()) {
      ctx->remover.Mark(f.index, kRendererArtefact);
    } else {
      doc.blocks[f.index].text = doc.AddText(f.text);
    }
  }
}

void MatchLines(StripContext* ctx) {
  const Document& doc = ctx->doc;
  // One matcher a thread, its buffers kept from document to document.
  thread_local Scratch<Matcher> matcher;
  matcher.Reset(ctx->rules);
  // Folding rarely grows text, and a line keeps at most the start of its
  // key: the page's size is enough.
  ctx->keys.reserve(doc.ArenaSize() + doc.ArenaSize() / 8);
  // The content model's counts of each line's words, from the tokens the
  // matcher made: prose has a stop word every 10 bytes or so.
  thread_local Scratch<PageWords> words;
  words.Clear();
  ctx->words = nullptr;
  if (ctx->content_model) {
    words.lines.reserve(ctx->info.size());
    words.stop_sets.reserve(doc.ArenaSize() / 8);
    ctx->words = &words;
  }
  for (std::size_t i = 0; i < ctx->info.size(); ++i) {
    std::string_view line = doc.Text(doc.blocks[i]);
    const LineVerdict& v = matcher.Match(line);
    if (ctx->content_model) AddLineWords(matcher.AllTokens(), &words);
    BlockInfo& b = ctx->info[i];
    b.words = static_cast<std::uint32_t>(matcher.words());
    // The caption pass compares short lines (headings) with fragments; a
    // finished sentence of many words is neither, and keeps no copy. It
    // compares a heading's key (20 words at most) with the start of a
    // line's: a longer line keeps its first 21 words and the space after.
    if (b.words <= 20 || !EndsWithSentencePunctuation(line) || HasUnbalancedBracket(line)) {
      std::string_view key = matcher.KeyStart(kCaptionKeyWords);
      b.key_begin = static_cast<std::uint32_t>(ctx->keys.size());
      b.key_size = static_cast<std::uint32_t>(key.size());
      ctx->keys.append(key);
    }
    LineFindings found;
    found.near_begin = static_cast<std::uint32_t>(ctx->near.size());
    found.near_count = static_cast<std::uint32_t>(v.near_rules.size());
    found.vocabulary_begin = static_cast<std::uint32_t>(ctx->vocabulary.size());
    for (std::uint16_t r : matcher.Touched()) {
      const Rule& rule = ctx->rules.rules[r];
      if (rule.type == RuleType::kVocabulary && (rule.chunk || rule.topic_mask != 0) &&
          matcher.Groups(r) != 0) {
        ctx->vocabulary.emplace_back(r, matcher.Groups(r));
        ++found.vocabulary_count;
      }
    }
    if (v.rule >= 0 || !v.near_rules.empty() || v.header_rule >= 0 || !v.value.empty() ||
        !v.author.empty() || !v.date.empty() || found.vocabulary_count > 0) {
      ctx->near.insert(ctx->near.end(), v.near_rules.begin(), v.near_rules.end());
      found.match = v;  // The facts: the near rules went to ctx->near.
      ctx->findings.push_back(found);
      b.findings = static_cast<std::uint32_t>(ctx->findings.size());
    }
  }
}

// A page about the topic of a guarded rule keeps the rule's matches unless a
// notice's button or title stands next to them. Only a line standing alone
// counts: a notice's buttons ("Accept all cookies") come in a run of lines.
void FindPageTopics(StripContext* ctx) {
  const Document& doc = ctx->doc;
  const std::vector<BlockInfo>& info = ctx->info;
  const std::size_t n = info.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view line = doc.Text(doc.blocks[i]);
    if (info[i].words == 0 || info[i].words > 10 || EndsWithSentencePunctuation(line)) continue;
    bool alone = (i == 0 || doc.blocks[i].gap) && (i + 1 == n || doc.blocks[i + 1].gap);
    if (!alone) continue;
    if (ctx->Match(i).rule >= 0 || !ctx->NearRules(i).empty()) continue;
    for (const auto& [r, mask] : ctx->Vocabulary(i)) {
      if ((mask & ctx->rules.rules[r].topic_mask) != 0) ctx->about[r] = true;
    }
  }
}

void ApplyLineVerdicts(StripContext* ctx) {
  // A dateline rule judges one physical line by its words; the lines a
  // renderer wrapped a paragraph into are no lines of their own: "April
  // 2011." or "2004.^[306]" ending a wrapped paragraph is the paragraph's,
  // unless a rule took the paragraph's first line too.
  thread_local Scratch<std::vector<std::uint32_t>> unit_first;
  unit_first.assign(ctx->info.size(), 0);
  for (const Unit& u : ctx->Units()) {
    for (std::uint32_t b = u.first; b <= u.last; ++b) unit_first[b] = u.first;
  }
  for (std::size_t i = 0; i < ctx->info.size(); ++i) {
    int rule = ctx->Match(i).rule;
    if (rule < 0) continue;
    const Rule& r = ctx->rules.rules[static_cast<std::size_t>(rule)];
    if (r.type == RuleType::kDateline && unit_first[i] != i && ctx->Match(unit_first[i]).rule < 0 &&
        WrappedAt(ctx->doc, i - 1)) {
      continue;
    }
    if (r.type == RuleType::kVocabulary && ctx->about[static_cast<std::size_t>(rule)] &&
        !ctx->Flanked(i, i, rule)) {
      continue;
    }
    if (r.flanked && !ctx->Flanked(i, i, rule)) continue;
    // Code inside an article (a tutorial's listing) is the article's: with
    // the content model on, TakeOutsideMainContent decides.
    if (r.type == RuleType::kCode && ctx->content_model) continue;
    ctx->Remove(i, rule);
  }
}

void TakeFlankedVocabulary(StripContext* ctx) {
  for (std::size_t i = 0; i < ctx->info.size(); ++i) {
    const BlockInfo& b = ctx->info[i];
    if (b.rule >= 0 || !ctx->NearRules(i).empty()) continue;
    for (const auto& [r, mask] : ctx->Vocabulary(i)) {
      const Rule& rule = ctx->rules.rules[r];
      if (rule.require_mask == 0 || (mask & rule.require_mask) != rule.require_mask) continue;
      if (ctx->Flanked(i, i, r)) {
        ctx->Remove(i, r);
        break;
      }
    }
  }
}

// A notice split over lines is judged as one when it has at most this many
// lines and 150 words: a long consent notice wraps over a dozen lines of a
// text renderer's 72 columns, and the words bound it.
constexpr std::size_t kChunkLines = 14;

void JoinChunkedNotices(StripContext* ctx) {
  const Document& doc = ctx->doc;
  const std::vector<BlockInfo>& info = ctx->info;
  const std::size_t n = info.size();
  for (std::size_t r = 0; r < ctx->rules.rules.size(); ++r) {
    const Rule& rule = ctx->rules.rules[r];
    if (rule.type != RuleType::kVocabulary || !rule.chunk) continue;
    const int anchor = static_cast<int>(r);
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
        if (!ctx->NearRules(k).empty()) {
          --lines;  // Buttons go with the notice but do not make one.
          continue;
        }
        std::uint64_t m = GroupsOf(*ctx, k, static_cast<std::uint16_t>(r));
        mask |= m;
        hit_lines += m != 0;
        words += info[k].words;
        short_lines = short_lines && info[k].words <= 60;
      }
      // Buttons in or around the run: they confirm a notice, and on a page
      // about the topic they are required.
      bool buttons = ctx->Flanked(i, end - 1, anchor);
      for (std::size_t k = i; k < end && !buttons; ++k) {
        buttons = ctx->NearSide(k, anchor, true) >= 0 || ctx->NearSide(k, anchor, false) >= 0;
      }
      bool enough = MeetsVocabulary(rule, mask) ||
                    (buttons && (mask & rule.require_mask) == rule.require_mask);
      if (lines >= 2 && lines <= kChunkLines && words <= 150 && short_lines && hit_lines * 2 >= lines &&
          enough && (buttons || !ctx->about[r])) {
        for (std::size_t k = i; k < end; ++k) {
          if (info[k].rule < 0 && ctx->NearRules(k).empty()) ctx->Remove(k, anchor);
        }
      }
      i = end;
    }
  }
}

void TakeNoticeNeighbours(StripContext* ctx) {
  const Document& doc = ctx->doc;
  const std::vector<BlockInfo>& info = ctx->info;
  const std::size_t n = info.size();
  for (std::size_t i = 0; i < n; ++i) {
    int anchor = info[i].rule;
    if (anchor < 0 || ctx->rules.rules[static_cast<std::size_t>(anchor)].type == RuleType::kNear)
      continue;
    // Short lines between a notice (or its title) and its buttons, in one
    // run of lines, are the rest of the notice.
    std::size_t k = i + 1;
    while (k < n && k - i <= 4 && info[k].rule < 0 && !doc.blocks[k].gap && info[k].words <= 40 &&
           ctx->NearSide(k, anchor, false) < 0) {
      ++k;
    }
    if (k > i + 1 && k < n && info[k].rule < 0 && !doc.blocks[k].gap &&
        ctx->NearSide(k, anchor, false) >= 0) {
      for (std::size_t m = i + 1; m < k; ++m) ctx->Remove(m, anchor);
    }
    for (std::size_t j = i + 1; j < n && info[j].rule < 0; ++j) {
      int nr = ctx->NearSide(j, anchor, false);
      if (nr < 0) break;
      ctx->Remove(j, nr);
    }
    for (std::size_t j = i; j > 0 && info[j - 1].rule < 0; --j) {
      int nr = ctx->NearSide(j - 1, anchor, true);
      if (nr < 0) break;
      ctx->Remove(j - 1, nr);
    }
  }
}

void TakeRelatedLinks(StripContext* ctx) {
  const Document& doc = ctx->doc;
  const std::vector<BlockInfo>& info = ctx->info;
  const std::size_t n = info.size();
  // A paragraph wrapped over lines that ends a sentence is prose, however
  // much each of its lines looks like a link's title.
  thread_local Scratch<std::vector<bool>> starts_prose;
  starts_prose.assign(n, false);
  for (const Unit& u : ctx->Units()) {
    starts_prose[u.first] = u.last > u.first && EndsSentence(doc.Text(doc.blocks[u.last]));
  }
  for (std::size_t i = 0; i < n; ++i) {
    const int header_rule = ctx->Match(i).header_rule;
    if (header_rule < 0 || info[i].rule != header_rule) continue;
    std::size_t j = i + 1;
    while (j < n && j - i <= 12 && info[j].rule < 0 && !starts_prose[j] &&
           LooksLikeLinkTitle(doc.Text(doc.blocks[j]), info[j].words)) {
      ++j;
    }
    // A last title standing alone before a real paragraph is its heading.
    if (j < n && j > i + 1 && doc.blocks[j - 1].gap && info[j].rule < 0) --j;
    for (std::size_t k = i + 1; k < j; ++k) ctx->Remove(k, header_rule);
  }
}

// Only the first signature counts: what follows it is all signature.
void TakeSignature(StripContext* ctx) {
  const Document& doc = ctx->doc;
  const std::vector<BlockInfo>& info = ctx->info;
  const std::size_t n = info.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (info[i].rule < 0 ||
        ctx->rules.rules[static_cast<std::size_t>(info[i].rule)].type != RuleType::kSignature) {
      continue;
    }
    bool tail_is_short = n - i <= 12;
    for (std::size_t k = i + 1; k < n && tail_is_short; ++k) tail_is_short = info[k].words <= 15;
    for (std::size_t k = i + 1; k < n && (tail_is_short || !doc.blocks[k].gap); ++k) {
      if (info[k].rule < 0) ctx->Remove(k, info[i].rule);
    }
    break;
  }
}

void TakeGluedCaptions(StripContext* ctx) {
  const Document& doc = ctx->doc;
  const std::vector<BlockInfo>& info = ctx->info;
  const std::size_t n = info.size();
  auto caption = std::find_if(ctx->rules.rules.begin(), ctx->rules.rules.end(),
                              [](const Rule& r) { return r.type == RuleType::kCaption; });
  if (caption == ctx->rules.rules.end()) return;
  const int rule = static_cast<int>(caption - ctx->rules.rules.begin());
  // The last line of the paragraph each line belongs to: a line that only
  // seems to break off may go on, wrapped, to the end of a sentence.
  thread_local Scratch<std::vector<std::uint32_t>> unit_last;
  unit_last.assign(n, 0);
  for (const Unit& u : ctx->Units()) {
    for (std::uint32_t k = u.first; k <= u.last; ++k) unit_last[k] = u.last;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (info[i].rule >= 0) continue;
    std::string_view line = doc.Text(doc.blocks[i]);
    if (unit_last[i] > i && !HasUnbalancedBracket(line) && EndsSentence(doc.Text(doc.blocks[unit_last[i]]))) {
      continue;  // "Lake Mirow is a ribbon lake in the district," wrapped on.
    }
    std::size_t looked = 0;
    for (std::size_t j = i; j > 0 && looked < 3; --j) {
      std::size_t h = j - 1;
      if (info[h].rule >= 0) continue;
      ++looked;
      if (IsGluedRepeat(doc.Text(doc.blocks[h]), ctx->Key(h), info[h].words, line, ctx->Key(i))) {
        ctx->Remove(i, rule);
        break;
      }
    }
  }
}

void TakeSiteFurniture(StripContext* ctx) {
  if (ctx->site_furniture == nullptr) return;
  for (std::size_t i = 0; i < ctx->doc.blocks.size(); ++i) {
    if (ctx->remover.IsMarked(i)) continue;
    std::string_view text = ctx->doc.Text(ctx->doc.blocks[i]);
    if (text.size() > SiteEvidence::kMaxLineBytes) continue;
    if (ctx->site_furniture->contains(LineFingerprint(text))) ctx->remover.Mark(i, "site-evidence");
  }
}

void TakeOutsideMainContent(StripContext* ctx) {
  if (!ctx->content_model) return;
  const std::size_t n = ctx->doc.blocks.size();
  // Scratch kept from document to document, one set a thread.
  thread_local Scratch<std::vector<bool>> gone;
  thread_local Scratch<std::vector<bool>> barrier;
  thread_local Scratch<std::vector<bool>> final_barrier;
  thread_local Scratch<std::vector<int>> code;  // The code rule a line matched, judged here.
  gone.assign(n, false);
  barrier.assign(n, false);
  final_barrier.assign(n, false);
  code.assign(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    gone[i] = ctx->remover.IsMarked(i);
    int rule = ctx->info[i].rule;
    barrier[i] = rule >= 0 && ctx->rules.rules[static_cast<std::size_t>(rule)].type == RuleType::kBarrier;
    final_barrier[i] = barrier[i] && ctx->rules.rules[static_cast<std::size_t>(rule)].final;
    int matched = ctx->Match(i).rule;
    if (!gone[i] && matched >= 0 && ctx->rules.rules[static_cast<std::size_t>(matched)].type == RuleType::kCode) {
      code[i] = matched;
      gone[i] = true;  // Neither content nor furniture to the model.
    }
  }
  ContentVerdict verdict = JudgeContent(ctx->doc, gone, barrier, ctx->favor, &ctx->Units(), &final_barrier, ctx->words);
  for (std::size_t i = 0; i < n; ++i) {
    if (!verdict.reasons[i].empty()) ctx->remover.Mark(i, verdict.reasons[i]);
  }
  // A line of code stays when kept text stands both above and below it (the
  // nearest lines the model judged); otherwise it is stray code.
  auto kept = [&](std::size_t k) { return !gone[k] && verdict.reasons[k].empty(); };
  for (std::size_t i = 0; i < n; ++i) {
    if (code[i] < 0) continue;
    std::size_t above = i;
    while (above > 0 && gone[above - 1]) --above;
    std::size_t below = i + 1;
    while (below < n && gone[below]) ++below;
    bool inside = above > 0 && below < n && kept(above - 1) && kept(below);
    if (!inside) ctx->Remove(i, code[i]);
  }
  if (verdict.headline >= 0 && ctx->doc.title.empty()) {
    ctx->doc.title = std::move(verdict.headline_text);
  }
}

void FillMetadata(StripContext* ctx) {
  Document& doc = ctx->doc;
  for (std::size_t i = 0; i < ctx->info.size(); ++i) {
    const BlockInfo& b = ctx->info[i];
    if (b.rule < 0) continue;
    const Rule& r = ctx->rules.rules[static_cast<std::size_t>(b.rule)];
    bool fills =
        r.type == RuleType::kByline || r.type == RuleType::kDateline || r.type == RuleType::kSender;
    const LineFacts& match = ctx->Match(i);
    if (!fills || match.value.empty()) continue;
    std::string_view field = !r.field.empty()                ? std::string_view(r.field)
                             : r.type == RuleType::kDateline ? std::string_view("date")
                                                             : std::string_view("author");
    if (doc.GetMetadata(field).empty()) doc.SetMetadata(field, match.value);
    if (!match.author.empty() && doc.GetMetadata("author").empty())
      doc.SetMetadata("author", match.author);
    if (!match.date.empty() && doc.GetMetadata("date").empty())
      doc.SetMetadata("date", match.date);
  }
}

}  // namespace pagewash::internal
