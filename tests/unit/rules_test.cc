#include "pagewash/rules.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "rules_internal.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

TEST(RulesTest, DefaultsLoad) { EXPECT_GT(RuleSet::Default().size(), 10u); }

TEST(RulesTest, ARuleHasAtMost64Groups) {
  std::string text = "[a]\ntype = vocabulary\n";
  for (int i = 0; i <= 64; ++i) text += "group.g" + std::to_string(i) + " = w" + std::to_string(i) + "\n";
  Result<RuleSet> r = RuleSet::Parse(text, "u.rules");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "u.rules:67: a rule has at most 64 groups");
}

TEST(RulesTest, ErrorsNameFileAndLine) {
  struct Case {
    std::string_view text, message;
  };
  const Case cases[] = {
      {"type = line\n", "u.rules:1: expected a rule header [name] first"},
      {"[Bad Name]\n", "u.rules:1: rule name \"Bad Name\" must be lowercase letters, digits and '-'"},
      {"[a]\ntype = lines\n", "u.rules:2: unknown type \"lines\""},
      {"[a]\ntype = line\nwords = x\n", "u.rules:3: unknown key \"words\""},
      {"[a]\ntype = dateline\nphrases = a | b\n",
       "u.rules:3: key \"phrases\" does not go with type dateline (its keys: group.label group.month "
       "group.weekday group.word group.by field)"},
      {"[a]\ntype = code\nphrases = x\n", "u.rules:3: key \"phrases\" does not go with type code, which takes no keys"},
      // A key name too long for a string's inline buffer: the message is
      // made before the keys it names are forgotten.
      {"[a]\ntype = code\ngroup.a-rather-long-group-name = x\n",
       "u.rules:3: key \"group.a-rather-long-group-name\" does not go with type code, which takes no keys"},
      {"[a]\ntype = line\n", "u.rules:1: rule \"a\" has no phrases"},
      {"[a]\nphrases = x\n", "u.rules:1: rule \"a\" has no type"},
      {"[a]\ntype = line\nphrases = x | ...\n", "u.rules:3: phrase \"...\" has no words"},
      {"[a]\ntype = line\nphrases = x\n[a]\n", "u.rules:4: rule \"a\" is already defined at u.rules:1"},
      {"[a]\ntype = near\nphrases = x\n", "u.rules:1: rule \"a\" of type near needs near = RULE..."},
      {"[a]\ntype = near\nnear = nope\nphrases = x\n", "u.rules:1: rule \"a\" is near unknown rule \"nope\""},
      {"[a]\ntype = vocabulary\ngroup.x = y\nrequire = z\n", "u.rules:1: rule \"a\" requires unknown group \"z\""},
      {"[a]\ntype = line\nmax-words = many\n", "u.rules:3: max-words must be a whole number"},
      {"[a]\ntype line\n", "u.rules:2: expected key = value"},
      {"[a]\ntype = near\nnear = b\nside = above\n", "u.rules:4: side must be before, after or both"},
      {"[a]\ntype = vocabulary\nchunk = true\n", "u.rules:3: chunk must be yes or no"},
      {"[a]\ntype = vocabulary\nflanked = 1\n", "u.rules:3: flanked must be yes or no"},
      {"[a]\ntype = vocabulary\nmin-groups = -1\n", "u.rules:3: min-groups must be a whole number"},
      {"[a]\ntype = switcher\nmin-coverage = 50%\n", "u.rules:3: min-coverage must be a whole number"},
      {"[a]\ntype = line\nmin-words = 2x\n", "u.rules:3: min-words must be a whole number"},
      {"[a]\ntype = vocabulary\ntopic = x\ngroup.y = z\n", "u.rules:1: rule \"a\" has topic unknown group \"x\""},
      {"[a]\ntype = line\nphrases = ab*\n", "u.rules:3: stem \"ab*\" must be one word of at least four letters"},
      {"[a\n", "u.rules:1: a rule header looks like [name]"},
  };
  for (const Case& c : cases) {
    Result<RuleSet> r = RuleSet::Parse(c.text, "u.rules");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().ToString(), c.message) << c.text;
  }
}

TEST(RulesTest, MergeRejectsRedefinedDefault) {
  Result<RuleSet> r = RuleSet::Default().Merge("[back-link]\ntype = line\nphrases = x\n", "mine.rules");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("mine.rules:1: rule \"back-link\" is already defined at navigation.rules:"),
            std::string::npos)
      << r.status().ToString();
}

// A built-in type needs no phrases; every other type does.
TEST(RulesTest, BuiltInTypesNeedNoPhrases) {
  for (const internal::RuleTypeInfo& type : internal::kRuleTypes) {
    Result<RuleSet> r = RuleSet::Parse(fmt::format("[a]\ntype = {}\n", type.name), "u.rules");
    EXPECT_EQ(r.ok(), type.built_in) << type.name;
    if (!type.built_in) {
      EXPECT_EQ(r.status().ToString(), "u.rules:1: rule \"a\" has no phrases") << type.name;
    }
  }
}

// The words of a space-separated list.
std::vector<std::string_view> Words(std::string_view list) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < list.size()) {
    std::size_t end = std::min(list.find(' ', pos), list.size());
    out.push_back(list.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// Every key a type lists is one the parser reads.
TEST(RulesTest, TypesListOnlyKeysTheParserReads) {
  for (const internal::RuleTypeInfo& type : internal::kRuleTypes) {
    for (std::string_view key : Words(type.keys)) {
      Result<RuleSet> r =
          RuleSet::Parse(fmt::format("[a]\ntype = {}\n{} = 1\n", type.name, key), "u.rules");
      if (!r.ok()) {
        EXPECT_EQ(r.status().ToString().find("unknown key"), std::string::npos)
            << type.name << ": " << r.status().ToString();
      }
    }
  }
}

// The documentation lists every type of kRuleTypes: include/pagewash/rules.h
// with its summary, src/rules/README.md with its keys.
TEST(RulesTest, EveryTypeIsDocumented) {
  const std::string header =
      testing::ReadFileOrDie(testing::TestdataPath("../include/pagewash/rules.h"));
  const std::string readme =
      testing::ReadFileOrDie(testing::TestdataPath("../src/rules/README.md"));
  const std::size_t types_begin = readme.find("\n## Types\n");
  const std::size_t types_end = readme.find("\n## Keys\n");
  ASSERT_NE(types_begin, std::string::npos);
  ASSERT_NE(types_end, std::string::npos);
  const std::string_view types =
      std::string_view(readme).substr(types_begin, types_end - types_begin);
  for (const internal::RuleTypeInfo& type : internal::kRuleTypes) {
    EXPECT_NE(header.find(fmt::format("\n//   {:<12}{}\n", type.name, type.summary)),
              std::string::npos)
        << "include/pagewash/rules.h lacks the line for " << type.name;
    std::string keys;
    for (std::string_view key : Words(type.keys))
      keys += fmt::format("{}`{}`", keys.empty() ? "" : ", ", key);
    if (keys.empty()) keys = "—";
    std::size_t row = types.find(fmt::format("\n| `{}` | ", type.name));
    ASSERT_NE(row, std::string_view::npos) << "src/rules/README.md has no row for " << type.name;
    std::string_view line = types.substr(row + 1, types.find('\n', row + 1) - row - 1);
    EXPECT_TRUE(line.ends_with(fmt::format(" | {} |", keys))) << line;
  }
}

}  // namespace
}  // namespace pagewash
