#include "pagewash/document.h"

#include <fmt/format.h>

#include <algorithm>

namespace pagewash {

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kLine:
      return "line";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kListItem:
      return "list_item";
  }
  return "line";
}

TextRef Document::AddText(std::string_view text) {
  // A page under the input cap can still get here (see kMaxTextBytes); a
  // wrapped offset would point into other text. The arena never passes
  // text_limit_, so the subtraction cannot wrap, and every slice ends at or
  // below kMaxTextBytes, in 32 bits.
  if (text.size() > text_limit_ - arena_.size()) {
    SetProblem(fmt::format("its text grew past {} bytes, more than a document can hold", text_limit_));
    return TextRef{};
  }
  TextRef ref{static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(text.size())};
  arena_.append(text);
  return ref;
}

void Document::SetProblem(std::string what) {
  if (problem_.empty()) problem_ = std::move(what);
}

Status Document::problem() const {
  if (problem_.empty()) return Status::Ok();
  return Status::InvalidInput(fmt::format("document \"{}\": {}; it is skipped", id, problem_));
}

void Document::SetMetadata(std::string_view key, std::string_view value, bool raw_json) {
  auto it = std::lower_bound(metadata.begin(), metadata.end(), key,
                             [](const MetadataEntry& e, std::string_view k) { return e.key < k; });
  if (it != metadata.end() && it->key == key) {
    it->value.assign(value);
    it->raw_json = raw_json;
    return;
  }
  metadata.insert(it, MetadataEntry{std::string(key), std::string(value), raw_json});
}

std::string_view Document::GetMetadata(std::string_view key) const {
  for (const MetadataEntry& e : metadata) {
    if (e.key == key) return e.value;
  }
  return {};
}

void Document::Clear() {
  id.clear();
  source.clear();
  title.clear();
  blocks.clear();
  metadata.clear();
  removed.clear();
  extra.clear();
  stages.clear();
  stats = Stats{};
  arena_.clear();
  problem_.clear();
}

std::string_view SeparatorBefore(const Document& doc, std::size_t i) {
  const Block& b = doc.blocks[i];
  if (b.gap) return "\n\n";
  if (b.kind == BlockKind::kLine) return "\n";
  if (b.kind == BlockKind::kListItem && doc.blocks[i - 1].kind == BlockKind::kListItem) return "\n";
  return "\n\n";
}

void ComposeText(const Document& doc, std::string* out) {
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (i > 0) out->append(SeparatorBefore(doc, i));
    out->append(doc.Text(doc.blocks[i]));
  }
}

std::vector<Section> BuildSections(const Document& doc) {
  std::vector<Section> sections;
  for (std::uint32_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].kind == BlockKind::kHeading) {
      sections.push_back(Section{static_cast<int>(i), {}});
      continue;
    }
    if (sections.empty()) sections.push_back(Section{});
    sections.back().blocks.push_back(i);
  }
  return sections;
}

void BuildSectionSpans(const Document& doc, std::vector<SectionSpan>* out) {
  out->clear();
  const auto count = static_cast<std::uint32_t>(doc.blocks.size());
  for (std::uint32_t i = 0; i < count; ++i) {
    if (doc.blocks[i].kind == BlockKind::kHeading) {
      out->push_back(SectionSpan{static_cast<int>(i), i + 1, i + 1});
      continue;
    }
    if (out->empty()) out->push_back(SectionSpan{-1, i, i});
    out->back().end = i + 1;
  }
}

}  // namespace pagewash
