#include "pagewash/content_hash.h"

// The state's layout, so that a FieldHasher keeps it on the stack: an
// emitted document hashes every block, and a heap state was an allocation
// each.
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <charconv>

namespace pagewash {
namespace {

// Feeds fields into one XXH3 state, each string followed by a 0 byte so
// that ("ab", "c") and ("a", "bc") differ.
class FieldHasher {
 public:
  FieldHasher() {
    XXH3_INITSTATE(&state_);
    XXH3_64bits_reset(&state_);
  }
  FieldHasher(const FieldHasher&) = delete;
  FieldHasher& operator=(const FieldHasher&) = delete;
  void Add(std::string_view s) {
    XXH3_64bits_update(&state_, s.data(), s.size());
    XXH3_64bits_update(&state_, "", 1);
  }
  void Add(std::uint64_t v) { XXH3_64bits_update(&state_, &v, sizeof v); }
  std::uint64_t Digest() const { return XXH3_64bits_digest(&state_); }

 private:
  XXH3_state_t state_;
};

}  // namespace

std::string_view OutputBlockType(const Block& block) {
  return block.kind == BlockKind::kListItem ? "list_item" : "paragraph";
}

std::string HashString(std::uint64_t hash) { return std::string(HashText(hash).view()); }

bool ParseHashText(std::string_view text, std::uint64_t* hash) {
  if (text.size() != 16) return false;
  auto [p, ec] = std::from_chars(text.data(), text.data() + 16, *hash, 16);
  return ec == std::errc() && p == text.data() + 16;
}

std::uint64_t BlockHash(const Document& doc, const Block& block) {
  FieldHasher h;
  h.Add(OutputBlockType(block));
  h.Add(doc.Text(block));
  return h.Digest();
}

DocumentHashes ComputeHashes(const Document& doc) { return ComputeHashes(doc, BuildSections(doc)); }

DocumentHashes ComputeHashes(const Document& doc, const std::vector<Section>& sections) {
  DocumentHashes d;
  d.id = doc.id;
  FieldHasher whole;
  whole.Add(doc.title);
  for (const MetadataEntry& m : doc.metadata) {
    whole.Add(m.key);
    whole.Add(m.value);
  }
  d.sections.reserve(sections.size());
  for (const Section& section : sections) {
    SectionHashes s;
    s.blocks.reserve(section.blocks.size());
    FieldHasher h;
    if (section.heading >= 0) {
      const Block& heading = doc.blocks[static_cast<std::size_t>(section.heading)];
      s.heading = std::string(doc.Text(heading));
      h.Add(s.heading);
      h.Add(std::uint64_t{heading.level});
    } else {
      h.Add(std::string_view());
      h.Add(std::uint64_t{0});
    }
    for (std::uint32_t index : section.blocks) {
      std::uint64_t b = BlockHash(doc, doc.blocks[index]);
      s.blocks.push_back(b);
      h.Add(b);
    }
    s.hash = h.Digest();
    whole.Add(s.hash);
    d.sections.push_back(std::move(s));
  }
  d.hash = whole.Digest();
  return d;
}

void ComputeFlatHashes(const Document& doc, const std::vector<SectionSpan>& spans, FlatHashes* out) {
  out->sections.clear();
  out->blocks.assign(doc.blocks.size(), 0);
  FieldHasher whole;
  whole.Add(doc.title);
  for (const MetadataEntry& m : doc.metadata) {
    whole.Add(m.key);
    whole.Add(m.value);
  }
  for (const SectionSpan& span : spans) {
    FieldHasher h;
    if (span.heading >= 0) {
      const Block& heading = doc.blocks[static_cast<std::size_t>(span.heading)];
      h.Add(doc.Text(heading));
      h.Add(std::uint64_t{heading.level});
    } else {
      h.Add(std::string_view());
      h.Add(std::uint64_t{0});
    }
    for (std::uint32_t i = span.begin; i < span.end; ++i) {
      std::uint64_t b = BlockHash(doc, doc.blocks[i]);
      out->blocks[i] = b;
      h.Add(b);
    }
    const std::uint64_t section = h.Digest();
    out->sections.push_back(section);
    whole.Add(section);
  }
  out->hash = whole.Digest();
}

}  // namespace pagewash
