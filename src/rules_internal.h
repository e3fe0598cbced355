// The compiled form of a RuleSet, shared by the rule parser (rules.cc) and
// the matcher (strip/matcher.cc), and the table of rule types both read.
#ifndef PAGEWASH_RULES_INTERNAL_H_
#define PAGEWASH_RULES_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace pagewash::internal {

enum class RuleType : std::uint8_t {
  kLine,
  kPrefix,
  kNear,
  kVocabulary,
  kSwitcher,
  kByline,
  kCode,
  kCaption,
  kBreadcrumb,
  kDateline,
  kHeader,
  kLinkBar,
  kAddress,
  kSender,
  kSignature,
  kBarrier,
};

/// What a rule type is, declared once: the parser reads its name and whether
/// it needs phrases, the matcher whether to judge it on every line, and the
/// documentation (include/pagewash/rules.h, src/rules/README.md) its keys
/// and summary, which a unit test holds to this table.
struct RuleTypeInfo {
  RuleType type;
  std::string_view name;  ///< As written after `type =`.
  /// The keys, besides `type`, that mean something to this type, separated
  /// by spaces. "group.NAME" stands for any group.
  std::string_view keys;
  /// A detector in code: a rule of the type names it and needs no phrases.
  bool built_in;
  /// The matcher judges it on every line, not only on lines where one of
  /// its phrases was found.
  bool always;
  std::string_view summary;  ///< One line, for the documentation.
};

/// Every rule type, indexed by RuleType.
inline constexpr RuleTypeInfo kRuleTypes[] = {
    {RuleType::kLine, "line", "phrases min-words max-words", false, false,
     "the whole line is one of the phrases"},
    {RuleType::kPrefix, "prefix", "phrases then max-words", false, false,
     "the line starts with a phrase (and `then`) and is short"},
    {RuleType::kNear, "near", "phrases near side", false, false,
     "as `line`, but only beside a match of the rules named in `near`"},
    {RuleType::kVocabulary, "vocabulary",
     "group.NAME require min-groups min-words max-words chunk topic starts flanked", false, false,
     "the line hits phrases of min-groups groups, and every `require` one"},
    {RuleType::kSwitcher, "switcher", "phrases max-words min-coverage", false, false,
     "the phrases cover every word (or min-coverage percent): a switcher"},
    {RuleType::kByline, "byline", "phrases then field min-words", false, false,
     "a phrase, then a name, which becomes metadata[field]"},
    {RuleType::kCode, "code", "", true, true, "built in: a line of JSON, JavaScript or CSS"},
    {RuleType::kCaption, "caption", "", true, false,
     "built in: a line that repeats a heading above it, then breaks off"},
    {RuleType::kBreadcrumb, "breadcrumb", "phrases max-words", false, true,
     "a trail: a phrase and a separator, or two separators (a > b > c)"},
    {RuleType::kDateline, "dateline",
     "group.label group.month group.weekday group.word group.by field", false, true,
     "a date, maybe labelled and signed; it becomes metadata[field]"},
    {RuleType::kHeader, "header", "phrases", false, false,
     "a heading (\"Related posts\"); the link titles under it go too"},
    {RuleType::kLinkBar, "linkbar", "", true, true,
     "built in: three or more short segments between one separator"},
    {RuleType::kAddress, "address", "phrases max-words", false, false,
     "a street phrase and a postal code, and no sentence"},
    {RuleType::kSender, "sender", "field", true, true,
     "built in: a mail sender's name and address; the name is metadata"},
    {RuleType::kSignature, "signature", "", true, true,
     "built in: a line \"--\" and the mail signature after it"},
    {RuleType::kBarrier, "barrier", "phrases final", false, false,
     "the whole line is a phrase (\"Comments\"): the main content ends here"},
};

constexpr const RuleTypeInfo& TypeInfo(RuleType type) {
  return kRuleTypes[static_cast<std::size_t>(type)];
}

static_assert(
    [] {
      for (std::size_t i = 0; i < std::size(kRuleTypes); ++i) {
        if (static_cast<std::size_t>(kRuleTypes[i].type) != i) return false;
      }
      return std::size(kRuleTypes) == static_cast<std::size_t>(RuleType::kBarrier) + 1;
    }(),
    "kRuleTypes is indexed by RuleType and lists every type");

struct Rule {
  std::string name;
  RuleType type = RuleType::kLine;
  std::string file;  // Where it was defined, for messages.
  std::uint32_t line = 0;
  std::vector<std::string> groups;  // Vocabulary groups; group 0 otherwise.
  std::uint64_t require_mask = 0;
  int min_groups = 1;
  std::uint32_t min_words = 0;
  std::uint32_t max_words = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::string> near_names;
  std::vector<std::uint16_t> near;  // Indices of the rules named in `near`.
  // near: where the line stands relative to what it belongs to: a notice's
  // title before it, its buttons after it.
  enum class Side : std::uint8_t { kBoth, kBefore, kAfter } side = Side::kBoth;
  std::string field;                // byline: the metadata key it fills.
  std::string then;                 // prefix, byline: what must follow the prefix.
  std::vector<std::string> starts;  // Raw line prefixes that count as a hit ("©").
  int min_coverage = 100;           // switcher: percent of words the phrases cover.
  bool chunk = false;               // vocabulary: also judge runs of short lines together.
  bool flanked = false;             // vocabulary: only with a `near` title above or button below.
  bool final = false;               // barrier: the article is over, however much text follows.
  std::uint64_t topic_mask = 0;     // vocabulary: groups whose words in a heading
                                    // mean the page is about the topic; then only
                                    // matches next to a `near` line are removed.
};

/// One phrase's meaning: which rule and which of its groups it belongs to.
struct PhraseEntry {
  std::uint16_t rule = 0;
  std::uint8_t group = 0;
};

/// An open-addressing table from the hash of a phrase (text::RunHash of its
/// folded words) to its entries. A slot also says whether some
/// longer phrase starts with this one, so matching stops extending a word
/// run as soon as nothing longer can match. Hash collisions between two
/// different phrases of 64 bits are not checked for: at a few thousand
/// phrases their probability is about 1e-12.
struct PhraseTable {
  struct Slot {
    std::uint64_t hash = 0;  // 0 = empty.
    std::uint32_t first = 0;  // Into entries.
    std::uint16_t count = 0;
    bool continues = false;
  };
  std::vector<Slot> slots;  // Size is a power of two.
  std::vector<PhraseEntry> entries;
  /// A 64 Kibit Bloom filter of the slots' hashes: most words of a page
  /// start no phrase, and this answers them from L1 cache.
  std::vector<std::uint64_t> filter = std::vector<std::uint64_t>(1024, 0);

  static std::size_t FilterBit(std::uint64_t hash) { return static_cast<std::size_t>(hash >> 48); }
  void AddToFilter(std::uint64_t hash) { filter[FilterBit(hash) >> 6] |= std::uint64_t{1} << (FilterBit(hash) & 63); }

  const Slot* Find(std::uint64_t hash) const {
    if (slots.empty()) return nullptr;
    if (hash == 0) hash = 1;
    if (!((filter[FilterBit(hash) >> 6] >> (FilterBit(hash) & 63)) & 1)) return nullptr;
    std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.hash == hash) return &s;
      if (s.hash == 0) return nullptr;
    }
  }
};

/// Single-word phrases that end in '*' match any word they begin: "анализ*"
/// matches "анализировать". They are found by the hash of their first four
/// characters, so a word costs one extra lookup however many stems there are.
struct StemTable {
  struct Stem {
    std::string prefix;
    PhraseEntry entry;
  };
  std::vector<std::vector<Stem>> buckets;  // Indexed by hash & (size - 1).
  std::size_t min_chars = 4;               // Stems are at least this many characters.
  /// Which first two bytes any stem starts with: one bit test per word.
  std::vector<std::uint64_t> first_bytes = std::vector<std::uint64_t>(1024, 0);

  static std::size_t Pair(std::string_view word) {
    return static_cast<std::size_t>(static_cast<unsigned char>(word[0])) << 8 |
           static_cast<unsigned char>(word[1]);
  }
  bool MayStart(std::string_view word) const {
    std::size_t p = Pair(word);
    return (first_bytes[p >> 6] >> (p & 63)) & 1;
  }
};

/// The bucket of a stem's first characters: FNV-1a, cheap for a few bytes.
inline std::size_t StemBucket(std::string_view head) {
  std::uint32_t h = 2166136261u;
  for (char c : head) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return (h ^ (h >> 8)) & 255;
}

struct CompiledRules {
  std::vector<Rule> rules;
  PhraseTable table;
  StemTable stems;
  std::uint32_t max_phrase_words = 1;
};

}  // namespace pagewash::internal

#endif  // PAGEWASH_RULES_INTERNAL_H_
