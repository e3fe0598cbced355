#include "pagewash/manifest.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <map>

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

}  // namespace pagewash
