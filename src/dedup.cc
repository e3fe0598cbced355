#include "pagewash/dedup.h"

#include <unordered_map>

#include "layout.h"
#include "removal.h"
#include "text/tokenize.h"

namespace pagewash {

Document RemoveDuplicateParagraphs(Document doc, const DedupOptions& options) {
  std::vector<internal::Unit> units = internal::SplitUnits(doc);
  internal::BlockRemover remover(&doc, "dedup", options.explain);
  // Fingerprint -> input line of the first occurrence.
  std::unordered_map<std::uint64_t, std::uint32_t> seen;
  seen.reserve(units.size());
  text::TokenizedText tokens;
  std::string joined;
  std::string scratch;
  for (const internal::Unit& u : units) {
    joined.clear();
    for (std::uint32_t k = u.first; k <= u.last; ++k) {
      if (k > u.first) joined.push_back(' ');
      joined.append(doc.Text(doc.blocks[k]));
    }
    text::TokenizeNfkc(joined, &tokens, &scratch);
    if (tokens.tokens.size() < options.min_words) continue;
    std::uint64_t fingerprint = text::Hash64(tokens.key);
    auto [it, inserted] = seen.emplace(fingerprint, doc.blocks[u.first].line);
    if (inserted) continue;
    for (std::uint32_t k = u.first; k <= u.last; ++k) {
      remover.Mark(k, "exact-duplicate", doc.id, it->second);
    }
  }
  doc.stats.duplicates += remover.Finish();
  doc.stages.emplace_back("dedup");
  return doc;
}

}  // namespace pagewash
