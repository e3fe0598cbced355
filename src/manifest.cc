#include "pagewash/manifest.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <map>
#include <set>

#include "pagewash/json.h"
#include "text/checksum.h"
#include "text/lines.h"

namespace pagewash {
namespace {

// Version 1 had no checksum; it is still read (and written back as 2).
constexpr std::string_view kManifestHeaderV1 = R"({"pagewash_manifest":1})";
constexpr std::string_view kManifestHeader = R"({"pagewash_manifest":2})";
constexpr std::string_view kManifestHeaderStart = R"({"pagewash_manifest":)";
// A JSON line, so the manifest stays JSON Lines for jq and the like.
constexpr text::ChecksumLine kChecksum{R"({"checksum":")", R"("})"};

std::string_view BlockType(const Block& b) { return b.kind == BlockKind::kListItem ? "list_item" : "paragraph"; }

}  // namespace

const DocumentHashes* Manifest::Find(std::string_view id) const {
  auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : &it->second;
}

void Manifest::Put(DocumentHashes entry) {
  std::string id = entry.id;
  entries_[id] = std::move(entry);
}

std::string Manifest::Serialize() const {
  std::string out(kManifestHeader);
  out.push_back('\n');
  for (const auto& [id, d] : entries_) {
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("id");
    w.String(d.id);
    w.Key("hash");
    w.String(HashText(d.hash).view());
    w.Key("sections");
    w.BeginArray();
    for (const SectionHashes& s : d.sections) {
      w.BeginObject();
      w.Key("hash");
      w.String(HashText(s.hash).view());
      w.Key("heading");
      w.String(s.heading);
      w.Key("blocks");
      w.BeginArray();
      for (std::uint64_t b : s.blocks) w.String(HashText(b).view());
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out.push_back('\n');
  }
  text::AppendChecksum(kChecksum, &out);
  return out;
}

Result<Manifest> Manifest::Parse(std::string_view text, std::string_view source) {
  Manifest m;
  simdjson::dom::parser parser;
  std::string_view first = text.substr(0, text.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  auto fail_at = [&](std::uint64_t line, std::string message) -> Result<Manifest> {
    return Status::InvalidInput(std::move(message)).At(std::string(source), line);
  };
  constexpr std::string_view kStartOver = "delete it to start over: every document is then reported as added";
  std::string_view body = text;
  if (first == kManifestHeader) {
    switch (text::VerifyChecksum(text, kChecksum, &body)) {
      case text::ChecksumCheck::kOk:
        break;
      case text::ChecksumCheck::kMissing:
        return fail_at(0, fmt::format("the manifest has no checksum line: it is damaged (it is left as it is; {})",
                                      kStartOver));
      case text::ChecksumCheck::kMismatch:
        return fail_at(0, fmt::format("checksum mismatch: the manifest is damaged (it is left as it is; {})",
                                      kStartOver));
    }
  } else if (first != kManifestHeaderV1) {
    if (first.substr(0, kManifestHeaderStart.size()) == kManifestHeaderStart) {
      return fail_at(1, fmt::format("manifest version \"{}\" is not supported (this pagewash reads \"{}\"; {})",
                                    first, kManifestHeader, kStartOver));
    }
    return fail_at(1, "not a pagewash manifest (it is left as it is)");
  }
  text::LineCursor lines(body);
  std::string_view line;
  auto fail = [&](std::string message) { return fail_at(lines.number(), std::move(message)); };
  lines.Next(&line);  // The header, checked above.
  while (lines.Next(&line)) {
    if (line.empty()) continue;
    simdjson::dom::element e;
    if (auto err = parser.parse(line.data(), line.size()).get(e)) {
      return fail(fmt::format("invalid JSON: {}", simdjson::error_message(err)));
    }
    DocumentHashes d;
    std::string_view id, hash;
    simdjson::dom::array sections;
    if (e["id"].get(id) || e["hash"].get(hash) || !ParseHashText(hash, &d.hash) || e["sections"].get(sections)) {
      return fail("expected {\"id\", \"hash\", \"sections\"}");
    }
    d.id = std::string(id);
    for (simdjson::dom::element se : sections) {
      SectionHashes s;
      std::string_view sh, heading;
      simdjson::dom::array blocks;
      if (se["hash"].get(sh) || !ParseHashText(sh, &s.hash) || se["heading"].get(heading) || se["blocks"].get(blocks)) {
        return fail("a section needs \"hash\", \"heading\" and \"blocks\"");
      }
      s.heading = std::string(heading);
      for (simdjson::dom::element be : blocks) {
        std::string_view bh;
        std::uint64_t b = 0;
        if (be.get(bh) || !ParseHashText(bh, &b)) return fail("a block hash is not 16 hex digits");
        s.blocks.push_back(b);
      }
      d.sections.push_back(std::move(s));
    }
    m.Put(std::move(d));
  }
  return m;
}

void AppendChangeRecord(const Document& doc, const DocumentHashes& now, const DocumentHashes* before,
                        std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id");
  w.String(now.id);
  std::string_view change = before == nullptr ? "added" : before->hash == now.hash ? "unchanged" : "changed";
  w.Key("change");
  w.String(change);
  w.Key("hash");
  w.String(HashText(now.hash).view());
  if (change == "unchanged") {
    w.EndObject();
    out->push_back('\n');
    return;
  }
  if (before != nullptr) {
    w.Key("previous_hash");
    w.String(HashText(before->hash).view());
  }
  // Sections by heading (and occurrence): added, removed, changed.
  auto keyed = [](const DocumentHashes& d) {
    std::map<std::pair<std::string, int>, std::uint64_t> m;
    std::map<std::string, int> seen;
    for (const SectionHashes& s : d.sections) m[{s.heading, seen[s.heading]++}] = s.hash;
    return m;
  };
  auto new_sections = keyed(now);
  auto old_sections = before != nullptr ? keyed(*before) : decltype(new_sections){};
  auto write_section = [&](const std::pair<std::string, int>& key, std::uint64_t hash) {
    w.BeginObject();
    w.Key("heading");
    if (key.first.empty()) {
      w.Null();
    } else {
      w.String(key.first);
    }
    w.Key("hash");
    w.String(HashText(hash).view());
    w.EndObject();
  };
  w.Key("sections");
  w.BeginObject();
  w.Key("added");
  w.BeginArray();
  std::map<std::string, int> occurrence;  // In page order, as keyed() counts.
  for (const SectionHashes& s : now.sections) {
    std::pair<std::string, int> key{s.heading, occurrence[s.heading]++};
    if (!old_sections.count(key)) write_section(key, s.hash);
  }
  w.EndArray();
  w.Key("removed");
  w.BeginArray();
  for (const auto& [key, hash] : old_sections) {
    if (!new_sections.count(key)) write_section(key, hash);
  }
  w.EndArray();
  w.Key("changed");
  w.BeginArray();
  for (const auto& [key, hash] : new_sections) {
    auto old = old_sections.find(key);
    if (old != old_sections.end() && old->second != hash) write_section(key, hash);
  }
  w.EndArray();
  w.EndObject();
  // Blocks by hash.
  std::multiset<std::uint64_t> old_blocks;
  if (before != nullptr) {
    for (const SectionHashes& s : before->sections) old_blocks.insert(s.blocks.begin(), s.blocks.end());
  }
  w.Key("blocks");
  w.BeginObject();
  w.Key("added");
  w.BeginArray();
  // `now` holds every block's hash, in BuildSections order.
  std::vector<Section> sections = BuildSections(doc);
  for (std::size_t si = 0; si < sections.size(); ++si) {
    for (std::size_t bi = 0; bi < sections[si].blocks.size(); ++bi) {
      const Block& b = doc.blocks[sections[si].blocks[bi]];
      std::uint64_t h = now.sections[si].blocks[bi];
      auto old = old_blocks.find(h);
      if (old != old_blocks.end()) {
        old_blocks.erase(old);
        continue;
      }
      w.BeginObject();
      w.Key("hash");
      w.String(HashText(h).view());
      w.Key("section");
      if (sections[si].heading < 0) {
        w.Null();
      } else {
        w.String(doc.Text(doc.blocks[static_cast<std::size_t>(sections[si].heading)]));
      }
      w.Key("type");
      w.String(BlockType(b));
      w.Key("text");
      w.String(doc.Text(b));
      w.EndObject();
    }
  }
  w.EndArray();
  w.Key("removed");
  w.BeginArray();
  for (std::uint64_t h : old_blocks) w.String(HashText(h).view());
  w.EndArray();
  w.EndObject();
  w.EndObject();
  out->push_back('\n');
}

}  // namespace pagewash
