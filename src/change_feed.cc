#include "pagewash/change_feed.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "json_parts.h"
#include "pagewash/json.h"

namespace pagewash {
namespace {

// A section's key: its heading and which section of that heading it is.
using SectionKey = std::pair<std::string_view, int>;

// The sections of `d` by key. The views point into `d`.
std::map<SectionKey, std::uint64_t> SectionsByKey(const DocumentHashes& d) {
  std::map<SectionKey, std::uint64_t> by_key;
  std::map<std::string_view, int> seen;
  for (const SectionHashes& s : d.sections) by_key[{s.heading, seen[s.heading]++}] = s.hash;
  return by_key;
}

SectionChange MakeSectionChange(const SectionKey& key, std::uint64_t hash) {
  return SectionChange{std::string(key.first), key.second, hash};
}

void WriteSection(const SectionChange& s, JsonWriter* w) {
  w->BeginObject();
  w->Key("heading");
  if (s.heading.empty()) {
    w->Null();
  } else {
    w->String(s.heading);
  }
  w->Key("hash");
  w->String(HashText(s.hash).view());
  w->EndObject();
}

void WriteSections(std::string_view key, const std::vector<SectionChange>& sections,
                   JsonWriter* w) {
  w->Key(key);
  w->BeginArray();
  for (const SectionChange& s : sections) WriteSection(s, w);
  w->EndArray();
}

std::string_view ChangeName(DocumentChange change) {
  switch (change) {
    case DocumentChange::kAdded:
      return "added";
    case DocumentChange::kChanged:
      return "changed";
    case DocumentChange::kUnchanged:
      return "unchanged";
  }
  return "changed";
}

}  // namespace

DocumentChanges DiffHashes(const DocumentHashes& now, const DocumentHashes* before) {
  DocumentChanges c;
  c.hash = now.hash;
  if (before != nullptr) {
    c.previous_hash = before->hash;
    c.change = before->hash == now.hash ? DocumentChange::kUnchanged : DocumentChange::kChanged;
  }
  if (c.change == DocumentChange::kUnchanged) return c;

  // Sections by heading and occurrence.
  const std::map<SectionKey, std::uint64_t> new_sections = SectionsByKey(now);
  const std::map<SectionKey, std::uint64_t> old_sections =
      before != nullptr ? SectionsByKey(*before) : std::map<SectionKey, std::uint64_t>{};
  std::map<std::string_view, int> occurrence;  // In page order, as SectionsByKey counts.
  for (const SectionHashes& s : now.sections) {
    SectionKey key{s.heading, occurrence[s.heading]++};
    if (!old_sections.contains(key)) c.sections_added.push_back(MakeSectionChange(key, s.hash));
  }
  for (const auto& [key, hash] : old_sections) {
    if (!new_sections.contains(key)) c.sections_removed.push_back(MakeSectionChange(key, hash));
  }
  for (const auto& [key, hash] : new_sections) {
    auto old = old_sections.find(key);
    if (old != old_sections.end() && old->second != hash)
      c.sections_changed.push_back(MakeSectionChange(key, hash));
  }

  // Blocks by hash, copy for copy: each block now takes one unmatched copy
  // of its hash from the manifest's, in page order; what is left was removed.
  std::vector<std::uint64_t> old_blocks;
  if (before != nullptr) {
    for (const SectionHashes& s : before->sections)
      old_blocks.insert(old_blocks.end(), s.blocks.begin(), s.blocks.end());
  }
  std::sort(old_blocks.begin(), old_blocks.end());
  std::vector<bool> matched(old_blocks.size(), false);
  for (std::uint32_t si = 0; si < now.sections.size(); ++si) {
    const std::vector<std::uint64_t>& blocks = now.sections[si].blocks;
    for (std::uint32_t bi = 0; bi < blocks.size(); ++bi) {
      const std::uint64_t h = blocks[bi];
      auto it = std::lower_bound(old_blocks.begin(), old_blocks.end(), h);
      auto at = static_cast<std::size_t>(it - old_blocks.begin());
      while (at < old_blocks.size() && old_blocks[at] == h && matched[at]) ++at;
      if (at < old_blocks.size() && old_blocks[at] == h) {
        matched[at] = true;
      } else {
        c.blocks_added.push_back(BlockPlace{si, bi, h});
      }
    }
  }
  for (std::size_t i = 0; i < old_blocks.size(); ++i) {
    if (!matched[i]) c.blocks_removed.push_back(old_blocks[i]);
  }
  return c;
}

void WriteChangeRecord(const Document& doc, const std::vector<Section>& sections,
                       const DocumentChanges& changes, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id");
  w.String(doc.id);
  w.Key("change");
  w.String(ChangeName(changes.change));
  w.Key("hash");
  w.String(HashText(changes.hash).view());
  if (changes.change == DocumentChange::kUnchanged) {
    w.EndObject();
    out->push_back('\n');
    return;
  }
  if (changes.change == DocumentChange::kChanged) {
    w.Key("previous_hash");
    w.String(HashText(changes.previous_hash).view());
  }
  w.Key("sections");
  w.BeginObject();
  WriteSections("added", changes.sections_added, &w);
  WriteSections("removed", changes.sections_removed, &w);
  WriteSections("changed", changes.sections_changed, &w);
  w.EndObject();
  w.Key("blocks");
  w.BeginObject();
  w.Key("added");
  w.BeginArray();
  for (const BlockPlace& place : changes.blocks_added) {
    const Section& section = sections[place.section];
    const Block& b = doc.blocks[section.blocks[place.block]];
    w.BeginObject();
    w.Key("hash");
    w.String(HashText(place.hash).view());
    w.Key("section");
    internal::WriteHeadingOrNull(doc, section.heading, &w);
    w.Key("type");
    w.String(OutputBlockType(b));
    w.Key("text");
    w.String(doc.Text(b));
    w.EndObject();
  }
  w.EndArray();
  w.Key("removed");
  w.BeginArray();
  for (std::uint64_t h : changes.blocks_removed) w.String(HashText(h).view());
  w.EndArray();
  w.EndObject();
  w.EndObject();
  out->push_back('\n');
}

void AppendChangeRecord(const Document& doc, Manifest* manifest, std::string* out) {
  const std::vector<Section> sections = BuildSections(doc);
  DocumentHashes now = ComputeHashes(doc, sections);
  WriteChangeRecord(doc, sections, DiffHashes(now, manifest->Find(doc.id)), out);
  manifest->Put(std::move(now));
}

}  // namespace pagewash
