#include "pagewash/strip.h"

#include "scratch.h"
#include "strip/passes.h"

namespace pagewash {
namespace {

// After MatchLines, in order: each pass sees what the passes before it
// removed. A pass that judges the page as a whole belongs after the rule
// passes, so that it sees all they removed, and before FillMetadata, which
// reads metadata from the removed lines.
constexpr internal::StripPass kPasses[] = {
    internal::FindPageTopics,
    internal::ApplyLineVerdicts,
    internal::TakeFlankedVocabulary,
    internal::JoinChunkedNotices,
    internal::TakeNoticeNeighbours,
    internal::TakeRelatedLinks,
    internal::TakeSignature,
    internal::TakeGluedCaptions,
    internal::TakeSiteFurniture,
    internal::TakeOutsideMainContent,
    internal::FillMetadata,
};

}  // namespace

Document StripBoilerplate(Document doc, const StripOptions& options) {
  const RuleSet& rules = options.rules != nullptr ? *options.rules : RuleSet::Default();
  {
    internal::StripContext context(&doc, rules.compiled(), options.explain);
    context.content_model = options.content_model;
    context.favor = options.favor;
    context.site_furniture = options.site_furniture;
    internal::ShowFormulaText(&context);
    internal::MatchLines(&context);
    for (internal::StripPass pass : kPasses) {
      pass(&context);
      // Only the caption pass reads the keys: a large page's go back before
      // the content model, which needs memory of its own.
      if (pass == internal::TakeGluedCaptions) context.ReleaseLargeKeys();
    }
    doc.stats.stripped += context.remover.Finish();
  }
  internal::ReleaseLargeScratch();  // The context has handed its buffers back.
  doc.stages.emplace_back("strip");
  return doc;
}

}  // namespace pagewash
