#include "pagewash/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "rules_internal.h"
#include "text/tokenize.h"

namespace pagewash {
namespace internal {
extern const std::string_view kDefaultRules;
}  // namespace internal

namespace {

using internal::CompiledRules;
using internal::PhraseEntry;
using internal::Rule;
using internal::RuleType;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

const internal::RuleTypeInfo* FindRuleType(std::string_view name) {
  for (const internal::RuleTypeInfo& t : internal::kRuleTypes) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

// A phrase as parsed, before it goes into the table.
struct PendingPhrase {
  std::string key;
  std::uint32_t words = 0;
  std::vector<std::uint64_t> prefix_hashes;  // RunHash of the first 1..words words.
  PhraseEntry entry;
};

class Parser {
 public:
  Status Parse(std::string_view text, std::string_view source) {
    file_ = std::string(source);
    std::size_t pos = 0;
    std::uint32_t line_no = 0;
    while (pos <= text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = Trim(text.substr(pos, end - pos));
      pos = end + 1;
      ++line_no;
      if (line.substr(0, 6) == "#file ") {
        if (Status s = FinishRule(); !s.ok()) return s;
        file_ = std::string(Trim(line.substr(6)));
        line_no = 0;
        continue;
      }
      if (line.empty() || line.front() == '#') continue;
      line_ = line_no;
      if (Status s = ParseLine(line); !s.ok()) return s;
      if (end == text.size()) break;
    }
    return FinishRule();
  }

  Result<std::shared_ptr<const CompiledRules>> Build() {
    CompiledRules compiled;
    compiled.rules = std::move(rules_);
    std::map<std::string, std::uint16_t> index;
    for (std::size_t i = 0; i < compiled.rules.size(); ++i) {
      index[compiled.rules[i].name] = static_cast<std::uint16_t>(i);
    }
    for (Rule& r : compiled.rules) {
      for (const std::string& n : r.near_names) {
        auto it = index.find(n);
        if (it == index.end()) {
          return Status::InvalidInput(fmt::format("rule \"{}\" is near unknown rule \"{}\"", r.name, n))
              .At(r.file, r.line);
        }
        r.near.push_back(it->second);
      }
    }
    // Group phrases by hash; a slot's entries are contiguous.
    std::map<std::uint64_t, std::vector<PhraseEntry>> by_hash;
    std::set<std::uint64_t> continues;
    for (const PendingPhrase& p : phrases_) {
      std::uint64_t h = p.prefix_hashes.back();
      auto& list = by_hash[h == 0 ? 1 : h];
      bool duplicate = std::any_of(list.begin(), list.end(), [&](const PhraseEntry& e) {
        return e.rule == p.entry.rule && e.group == p.entry.group;
      });
      if (!duplicate) list.push_back(p.entry);
      compiled.max_phrase_words = std::max(compiled.max_phrase_words, p.words);
      // Every proper word-prefix of the phrase must let matching go on.
      for (std::size_t k = 0; k + 1 < p.prefix_hashes.size(); ++k) {
        std::uint64_t ph = p.prefix_hashes[k] == 0 ? 1 : p.prefix_hashes[k];
        continues.insert(ph);
        by_hash[ph];  // A slot even if no phrase ends here.
      }
    }
    compiled.stems.buckets.resize(256);
    for (const PendingPhrase& p : stems_) {
      compiled.stems.buckets[internal::StemBucket(text::FirstCodePoints(p.key, compiled.stems.min_chars))]
          .push_back({p.key, p.entry});
      std::size_t pair = internal::StemTable::Pair(p.key);
      compiled.stems.first_bytes[pair >> 6] |= std::uint64_t{1} << (pair & 63);
    }
    std::size_t capacity = 16;
    while (capacity < by_hash.size() * 4) capacity *= 2;  // Short probes: most words miss.
    compiled.table.slots.assign(capacity, {});
    for (const auto& [h, list] : by_hash) {
      std::size_t i = h & (capacity - 1);
      while (compiled.table.slots[i].hash != 0) i = (i + 1) & (capacity - 1);
      auto& slot = compiled.table.slots[i];
      slot.hash = h;
      compiled.table.AddToFilter(h);
      slot.first = static_cast<std::uint32_t>(compiled.table.entries.size());
      slot.count = static_cast<std::uint16_t>(list.size());
      slot.continues = continues.count(h) != 0;
      compiled.table.entries.insert(compiled.table.entries.end(), list.begin(), list.end());
    }
    return std::shared_ptr<const CompiledRules>(
        std::make_shared<const CompiledRules>(std::move(compiled)));
  }

 private:
  Status Error(std::string message) const {
    return Status::InvalidInput(std::move(message)).At(file_, line_);
  }

  Status ParseLine(std::string_view line) {
    if (line.front() == '[') {
      if (line.back() != ']') return Error("a rule header looks like [name]");
      if (Status s = FinishRule(); !s.ok()) return s;
      std::string_view name = Trim(line.substr(1, line.size() - 2));
      if (!ValidName(name)) {
        return Error(fmt::format("rule name \"{}\" must be lowercase letters, digits and '-'", name));
      }
      for (const Rule& r : rules_) {
        if (r.name == name) {
          return Error(fmt::format("rule \"{}\" is already defined at {}:{}", name, r.file, r.line));
        }
      }
      current_ = Rule{};
      current_.name = std::string(name);
      current_.file = file_;
      current_.line = line_;
      in_rule_ = true;
      have_type_ = false;
      return Status::Ok();
    }
    if (!in_rule_) return Error("expected a rule header [name] first");
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) return Error("expected key = value");
    std::string_view key = Trim(line.substr(0, eq));
    std::string_view value = Trim(line.substr(eq + 1));
    const Key* k = FindKey(key);
    if (k == nullptr) return Error(fmt::format("unknown key \"{}\"", key));
    if (key != "type") keys_seen_.emplace_back(std::string(key), line_);
    return k->read(*this, key, value);
  }

  // What a key of a rule file does to the rule being read. A name ending in
  // '.' takes any suffix: "group." is group.NAME.
  struct Key {
    std::string_view name;
    Status (*read)(Parser& p, std::string_view key, std::string_view value);
  };

  static const Key* FindKey(std::string_view name) {
    static constexpr Key kKeys[] = {
        {"type",
         [](Parser& p, std::string_view, std::string_view value) { return p.ReadType(value); }},
        {"phrases", [](Parser& p, std::string_view,
                       std::string_view value) { return p.AddPhrases(value, 0); }},
        {"group.", [](Parser& p, std::string_view key,
                      std::string_view value) { return p.ReadGroup(key.substr(6), value); }},
        {"require",
         [](Parser& p, std::string_view, std::string_view value) {
           p.pending_require_.emplace_back(value);
           return Status::Ok();
         }},
        {"topic",
         [](Parser& p, std::string_view, std::string_view value) {
           p.pending_topic_.emplace_back(value);
           return Status::Ok();
         }},
        {"near",
         [](Parser& p, std::string_view, std::string_view value) {
           for (std::string_view n : Split(value, ' ')) p.current_.near_names.emplace_back(n);
           return Status::Ok();
         }},
        {"starts",
         [](Parser& p, std::string_view, std::string_view value) {
           for (std::string_view prefix : Split(value, '|')) p.current_.starts.emplace_back(prefix);
           return Status::Ok();
         }},
        {"then",
         [](Parser& p, std::string_view, std::string_view value) {
           p.current_.then = std::string(value);
           return Status::Ok();
         }},
        {"field",
         [](Parser& p, std::string_view, std::string_view value) {
           p.current_.field = std::string(value);
           return Status::Ok();
         }},
        {"side",
         [](Parser& p, std::string_view, std::string_view value) { return p.ReadSide(value); }},
        {"chunk",
         [](Parser& p, std::string_view key, std::string_view value) {
           return p.ReadYesNo(key, value, &p.current_.chunk);
         }},
        {"flanked",
         [](Parser& p, std::string_view key, std::string_view value) {
           return p.ReadYesNo(key, value, &p.current_.flanked);
         }},
        {"final",
         [](Parser& p, std::string_view key, std::string_view value) {
           return p.ReadYesNo(key, value, &p.current_.final);
         }},
        {"min-groups",
         [](Parser& p, std::string_view key, std::string_view value) {
           std::uint32_t n = 0;
           if (Status s = p.ReadNumber(key, value, &n); !s.ok()) return s;
           p.current_.min_groups = static_cast<int>(n);
           return Status::Ok();
         }},
        {"min-words",
         [](Parser& p, std::string_view key, std::string_view value) {
           return p.ReadNumber(key, value, &p.current_.min_words);
         }},
        {"max-words",
         [](Parser& p, std::string_view key, std::string_view value) {
           return p.ReadNumber(key, value, &p.current_.max_words);
         }},
        {"min-coverage",
         [](Parser& p, std::string_view key, std::string_view value) {
           std::uint32_t n = 0;
           if (Status s = p.ReadNumber(key, value, &n); !s.ok()) return s;
           p.current_.min_coverage = static_cast<int>(std::min<std::uint32_t>(n, 100));
           return Status::Ok();
         }},
    };
    for (const Key& k : kKeys) {
      bool prefix = k.name.back() == '.';
      if (prefix ? name.substr(0, k.name.size()) == k.name : name == k.name) return &k;
    }
    return nullptr;
  }

  Status ReadType(std::string_view value) {
    const internal::RuleTypeInfo* type = FindRuleType(value);
    if (type == nullptr) return Error(fmt::format("unknown type \"{}\"", value));
    current_.type = type->type;
    have_type_ = true;
    return Status::Ok();
  }

  Status ReadGroup(std::string_view group, std::string_view value) {
    auto it = std::find(current_.groups.begin(), current_.groups.end(), group);
    std::size_t g = static_cast<std::size_t>(it - current_.groups.begin());
    if (it == current_.groups.end()) {
      if (current_.groups.size() >= 64) return Error("a rule has at most 64 groups");
      current_.groups.emplace_back(group);
    }
    return AddPhrases(value, static_cast<std::uint8_t>(g));
  }

  Status ReadSide(std::string_view value) {
    if (value == "before") {
      current_.side = Rule::Side::kBefore;
    } else if (value == "after") {
      current_.side = Rule::Side::kAfter;
    } else if (value == "both") {
      current_.side = Rule::Side::kBoth;
    } else {
      return Error("side must be before, after or both");
    }
    return Status::Ok();
  }

  Status ReadYesNo(std::string_view key, std::string_view value, bool* out) {
    if (value != "yes" && value != "no") return Error(fmt::format("{} must be yes or no", key));
    *out = value == "yes";
    return Status::Ok();
  }

  Status ReadNumber(std::string_view key, std::string_view value, std::uint32_t* out) {
    std::uint32_t number = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || p != value.data() + value.size()) {
      return Error(fmt::format("{} must be a whole number", key));
    }
    *out = number;
    return Status::Ok();
  }

  static std::vector<std::string_view> Split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
      std::size_t end = s.find(sep, pos);
      if (end == std::string_view::npos) end = s.size();
      std::string_view part = Trim(s.substr(pos, end - pos));
      if (!part.empty()) out.push_back(part);
      pos = end + 1;
    }
    return out;
  }

  Status AddPhrases(std::string_view value, std::uint8_t group) {
    if (rules_.size() >= 0xFFFF) return Error("too many rules");
    for (std::string_view phrase : Split(value, '|')) {
      bool stem = phrase.size() > 1 && phrase.back() == '*';
      if (stem) phrase.remove_suffix(1);
      text::Tokenize(phrase, &tokens_);
      if (tokens_.tokens.empty()) {
        return Error(fmt::format("phrase \"{}\" has no words", phrase));
      }
      PendingPhrase p;
      p.key = tokens_.key;
      p.words = static_cast<std::uint32_t>(tokens_.tokens.size());
      for (std::size_t k = 0; k < tokens_.tokens.size(); ++k) {
        p.prefix_hashes.push_back(text::RunHash(tokens_, 0, k));
      }
      p.entry = PhraseEntry{static_cast<std::uint16_t>(rules_.size()), group};
      if (stem) {
        if (p.words != 1 || text::CodePoints(p.key) < 4) {
          return Error(fmt::format("stem \"{}*\" must be one word of at least four letters", phrase));
        }
        stems_.push_back(std::move(p));
        ++phrase_count_;
        continue;
      }
      phrases_.push_back(std::move(p));
      ++phrase_count_;
    }
    return Status::Ok();
  }

  Status FinishRule() {
    if (!in_rule_) return Status::Ok();
    in_rule_ = false;
    std::uint32_t saved_line = line_;
    line_ = current_.line;
    if (!have_type_) return Error(fmt::format("rule \"{}\" has no type", current_.name));
    // A key the type does not read would be silently ignored, or worse, read
    // as something it is not (a dateline's phrases have no group).
    const std::string_view type_keys = internal::TypeInfo(current_.type).keys;
    for (const auto& [key, key_line] : keys_seen_) {
      bool known = false;
      for (std::string_view k : Split(type_keys, ' ')) {
        known = known || k == key || (k == "group.NAME" && key.starts_with("group."));
      }
      if (!known) {
        line_ = key_line;
        std::string_view name = internal::TypeInfo(current_.type).name;
        // The message first: `key` lives in keys_seen_, which is cleared.
        std::string message =
            type_keys.empty() ? fmt::format("key \"{}\" does not go with type {}, which takes no keys", key, name)
                              : fmt::format("key \"{}\" does not go with type {} (its keys: {})", key, name, type_keys);
        keys_seen_.clear();
        return Error(message);
      }
    }
    keys_seen_.clear();
    if (!internal::TypeInfo(current_.type).built_in && phrase_count_ == 0) {
      return Error(fmt::format("rule \"{}\" has no phrases", current_.name));
    }
    for (auto [list, mask, what] : {std::tuple{&pending_require_, &current_.require_mask, "requires"},
                                    std::tuple{&pending_topic_, &current_.topic_mask, "has topic"}}) {
      for (const std::string& names : *list) {
        for (std::string_view g : Split(names, ' ')) {
          auto it = std::find(current_.groups.begin(), current_.groups.end(), g);
          if (it == current_.groups.end()) {
            return Error(fmt::format("rule \"{}\" {} unknown group \"{}\"", current_.name, what, g));
          }
          *mask |= std::uint64_t{1} << (it - current_.groups.begin());
        }
      }
    }
    if (current_.type == RuleType::kNear && current_.near_names.empty()) {
      return Error(fmt::format("rule \"{}\" of type near needs near = RULE...", current_.name));
    }
    if (current_.type == RuleType::kByline && current_.field.empty()) current_.field = "author";
    pending_require_.clear();
    pending_topic_.clear();
    phrase_count_ = 0;
    line_ = saved_line;
    rules_.push_back(std::move(current_));
    return Status::Ok();
  }

  std::string file_;
  std::uint32_t line_ = 0;
  bool in_rule_ = false;
  std::vector<std::pair<std::string, std::uint32_t>> keys_seen_;  // Keys of the current rule, with their lines.
  bool have_type_ = false;
  Rule current_;
  std::vector<std::string> pending_require_;
  std::vector<std::string> pending_topic_;
  std::size_t phrase_count_ = 0;
  std::vector<Rule> rules_;
  std::vector<PendingPhrase> phrases_;
  std::vector<PendingPhrase> stems_;
  text::TokenizedText tokens_;
};

}  // namespace

Result<RuleSet> RuleSet::Parse(std::string_view text, std::string_view source_name) {
  Parser parser;
  if (Status s = parser.Parse(text, source_name); !s.ok()) return s;
  Result<std::shared_ptr<const CompiledRules>> compiled = parser.Build();
  if (!compiled.ok()) return compiled.status();
  RuleSet set;
  set.compiled_ = std::move(compiled.value());
  set.text_ = fmt::format("#file {}\n", source_name);
  set.text_.append(text);
  return set;
}

Result<RuleSet> RuleSet::Merge(std::string_view more, std::string_view source_name) const {
  std::string all = text_;
  all.append(fmt::format("\n#file {}\n", source_name));
  all.append(more);
  return Parse(all, "rules");
}

const RuleSet& RuleSet::Default() {
  static const RuleSet rules = [] {
    Result<RuleSet> r = Parse(internal::kDefaultRules, "default.rules");
    // The defaults are tested; a failure here is a build defect.
    if (!r.ok()) {
      std::fprintf(stderr, "pagewash: internal error: %s\n", r.status().ToString().c_str());
      std::abort();
    }
    return r.value();
  }();
  return rules;
}

std::size_t RuleSet::size() const { return compiled_ ? compiled_->rules.size() : 0; }

}  // namespace pagewash
