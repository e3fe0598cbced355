// The passes of strip, over a whole document.
//
// MatchLines() judges every line on its own (strip/matcher.h). A line's
// neighbours then change what it is: "Accept all" is a consent button only
// next to a consent notice, a notice may be split over several short lines,
// the titles under "Related posts" go with it. Each such judgement is one
// pass over the document; StripBoilerplate (strip.cc) runs them in order and
// each sees what the passes before it removed. All of them work on one
// StripContext.
#ifndef PAGEWASH_STRIP_PASSES_H_
#define PAGEWASH_STRIP_PASSES_H_

#include <cassert>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "content.h"
#include "layout.h"
#include "pagewash/document.h"
#include "pagewash/strip.h"
#include "removal.h"
#include "rules_internal.h"
#include "scratch.h"
#include "strip/matcher.h"

namespace pagewash::internal {

/// What the rules said of one line on its own, kept only for a line they
/// said something of: most lines of a page are prose that no rule matches.
struct LineFindings {
  LineFacts match;  ///< Its `near` rules: NearRules.
  /// Its `near` rules: `near_count` of StripContext::near from `near_begin`.
  std::uint32_t near_begin = 0;
  std::uint32_t near_count = 0;
  /// Groups hit per vocabulary rule that is judged beyond its line (`chunk`
  /// or `topic`): `vocabulary_count` of StripContext::vocabulary from
  /// `vocabulary_begin`.
  std::uint32_t vocabulary_begin = 0;
  std::uint32_t vocabulary_count = 0;
};

/// What strip knows about one block: 20 bytes, so that a page of many short
/// lines costs little more than its text.
struct BlockInfo {
  int rule = -1;  ///< The rule that removes the block, once decided.
  /// The folded words (text::Tokenize), kept only for the lines the caption
  /// pass may compare (a finished sentence of many words keeps none; a line
  /// of more than 21 words keeps only the key of its first 21 and the space
  /// after them, all that pass compares): bytes [key_begin, key_begin +
  /// key_size) of StripContext::keys.
  std::uint32_t key_begin = 0;
  std::uint32_t key_size = 0;
  std::uint32_t words = 0;
  /// 1 + the index of the line's LineFindings in StripContext::findings;
  /// 0 when the rules said nothing of it.
  std::uint32_t findings = 0;
};

/// The state the passes share: the document, one BlockInfo per block and
/// the removals so far.
struct StripContext {
  /// `document` and `compiled` must outlive the context. With `explain`,
  /// removed blocks are kept in document->removed.
  StripContext(Document* document, const CompiledRules& compiled, bool explain);
  /// Hands its buffers on to the next context of the thread.
  ~StripContext();
  StripContext(const StripContext&) = delete;
  StripContext& operator=(const StripContext&) = delete;

  /// Removes block `i` by `rule`, unless a rule already removed it.
  void Remove(std::size_t i, int rule);

  /// SplitUnits(doc), split when a pass first asks: the passes mark blocks
  /// but never change them, so every pass sees the same units.
  const std::vector<Unit>& Units();

  /// The folded words of block `i` (empty if MatchLines kept none); valid
  /// until `keys` next grows. REQUIRES: ReleaseLargeKeys() not called.
  std::string_view Key(std::size_t i) const {
    assert(!keys_released_);
    return std::string_view(keys).substr(info[i].key_begin, info[i].key_size);
  }
  /// Gives back the memory of the keys, once no pass left reads them, when
  /// they hold more than a scratch buffer keeps (scratch.h): a page of
  /// common size keeps them for the next.
  void ReleaseLargeKeys() {
    if (keys.capacity() > kScratchKeepBytes) std::string().swap(keys);
    keys_released_ = true;
  }

  /// What the rules said of block `i` on its own (its `near` rules: NearRules).
  const LineFacts& Match(std::size_t i) const { return Findings(i).match; }
  /// The `near` rules whose phrases are the whole of block `i`.
  std::span<const std::uint16_t> NearRules(std::size_t i) const {
    const LineFindings& f = Findings(i);
    return std::span<const std::uint16_t>(near).subspan(f.near_begin, f.near_count);
  }
  /// The groups block `i` hit, per vocabulary rule judged beyond its line.
  std::span<const std::pair<std::uint16_t, std::uint64_t>> Vocabulary(std::size_t i) const {
    const LineFindings& f = Findings(i);
    return std::span<const std::pair<std::uint16_t, std::uint64_t>>(vocabulary)
        .subspan(f.vocabulary_begin, f.vocabulary_count);
  }

  /// Block `j` is a `near` line that belongs to a match of rule `anchor`
  /// standing after it (before = true) or before it (before = false).
  /// Returns the `near` rule, or -1 (also for j past the end).
  int NearSide(std::size_t j, int anchor, bool before) const;

  /// Blocks [first, last], a match of `rule`, have a `near` title just above
  /// or a `near` button just below.
  bool Flanked(std::size_t first, std::size_t last, int rule) const;

  Document& doc;
  const CompiledRules& rules;
  std::vector<BlockInfo> info;  ///< One per block of doc.
  /// Of the blocks the rules said something of (BlockInfo::findings).
  std::vector<LineFindings> findings;
  /// The keys of all blocks, one after another: one buffer a document
  /// rather than a string a line.
  std::string keys;
  /// The blocks' `near` rules and vocabulary hits, one block's after
  /// another (NearRules, Vocabulary): one buffer a document rather than a
  /// list a line.
  std::vector<std::uint16_t> near;
  std::vector<std::pair<std::uint16_t, std::uint64_t>> vocabulary;
  /// Per rule: the page is about the rule's topic (FindPageTopics).
  std::vector<bool> about;
  BlockRemover remover;
  /// Whether TakeOutsideMainContent runs, and how it trades its errors.
  bool content_model = true;
  /// What MatchLines counted of each line's words for the content model
  /// (content.h), so that it need not tokenize them again; null when the
  /// model is off.
  const PageWords* words = nullptr;
  Favor favor = Favor::kBalanced;
  /// The furniture of the page's site, for TakeSiteFurniture; may be null.
  const FurnitureSet* site_furniture = nullptr;

 private:
  const LineFindings& Findings(std::size_t i) const {
    return info[i].findings == 0 ? kNoFindings : findings[info[i].findings - 1];
  }
  static const LineFindings kNoFindings;
  std::vector<Unit> units_;
  bool have_units_ = false;
  bool keys_released_ = false;
};

/// Before the rules: gives each line of a formula that lynx printed as its
/// MathML the characters a reader sees (strip/formulas.h), a formula's on
/// its first line; a line that is only markup, or whose characters went up
/// to that first line, is removed as renderer-artefact. The only pass that changes
/// a line's text, so it runs before MatchLines reads them.
void ShowFormulaText(StripContext* ctx);

/// Pass 1: judges every line on its own and fills ctx->info.
void MatchLines(StripContext* ctx);

/// A pass over the document, after MatchLines.
using StripPass = void (*)(StripContext*);

/// Marks the guarded rules (those with a `topic`) whose topic the page is
/// about: a line standing alone, short and unpunctuated like a heading,
/// hits the topic groups ("3. Cookies", "Chocolate chip cookies"). Removes
/// nothing.
void FindPageTopics(StripContext* ctx);

/// Removes the lines the rules removed on their own, except a guarded
/// rule's matches on a page about its topic and a `flanked` rule's matches,
/// unless a `near` line stands beside them.
void ApplyLineVerdicts(StripContext* ctx);

/// Removes a line with a vocabulary rule's required groups, but too few
/// others, when a `near` line of the rule stands beside it.
void TakeFlankedVocabulary(StripContext* ctx);

/// Removes notices split over several short lines (rules with
/// `chunk = yes`): a run of two to fourteen lines (150 words at most) with
/// no blank line between them, judged as one.
void JoinChunkedNotices(StripContext* ctx);

/// Removes the titles and buttons of a removed match (runs of `near` lines
/// on either side), and the short lines between a match and its buttons.
void TakeNoticeNeighbours(StripContext* ctx);

/// Removes the link titles under a removed `header` line ("Related posts"),
/// up to the first sentence, or a title that heads a paragraph of its own.
void TakeRelatedLinks(StripContext* ctx);

/// Removes a mail signature after a removed "--": the rest of its
/// paragraph, or the rest of the page when only short lines follow.
void TakeSignature(StripContext* ctx);

/// Removes a line that repeats a heading among the three kept lines above
/// it and then breaks off: a title glued to a truncated caption (the first
/// `caption` rule names the removal).
void TakeGluedCaptions(StripContext* ctx);

/// Removes every line of ctx->site_furniture (the lines that stand on most
/// pages of the site in this run) as `site-evidence`.
void TakeSiteFurniture(StripContext* ctx);

/// Removes what the content model (content.h) judges not to be the page's
/// main content, with its reason, once the rules have removed what they
/// name. Does nothing when ctx->content_model is off.
void TakeOutsideMainContent(StripContext* ctx);

/// Fills metadata from the lines removed by byline, dateline and sender
/// rules. A field already set keeps its value.
void FillMetadata(StripContext* ctx);

}  // namespace pagewash::internal

#endif  // PAGEWASH_STRIP_PASSES_H_
