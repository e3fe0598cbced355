#include "pagewash/rules.h"

#include <gtest/gtest.h>

namespace pagewash {
namespace {

TEST(RulesTest, DefaultsLoad) { EXPECT_GT(RuleSet::Default().size(), 10u); }

TEST(RulesTest, ErrorsNameFileAndLine) {
  struct Case {
    std::string_view text, message;
  };
  const Case cases[] = {
      {"type = line\n", "u.rules:1: expected a rule header [name] first"},
      {"[Bad Name]\n", "u.rules:1: rule name \"Bad Name\" must be lowercase letters, digits and '-'"},
      {"[a]\ntype = lines\n", "u.rules:2: unknown type \"lines\""},
      {"[a]\ntype = line\nwords = x\n", "u.rules:3: unknown key \"words\""},
      {"[a]\ntype = line\n", "u.rules:1: rule \"a\" has no phrases"},
      {"[a]\nphrases = x\n", "u.rules:1: rule \"a\" has no type"},
      {"[a]\ntype = line\nphrases = x | ...\n", "u.rules:3: phrase \"...\" has no words"},
      {"[a]\ntype = line\nphrases = x\n[a]\n", "u.rules:4: rule \"a\" is already defined at u.rules:1"},
      {"[a]\ntype = near\nphrases = x\n", "u.rules:1: rule \"a\" of type near needs near = RULE..."},
      {"[a]\ntype = near\nnear = nope\nphrases = x\n", "u.rules:1: rule \"a\" is near unknown rule \"nope\""},
      {"[a]\ntype = vocabulary\ngroup.x = y\nrequire = z\n", "u.rules:1: rule \"a\" requires unknown group \"z\""},
      {"[a]\ntype = line\nmax-words = many\n", "u.rules:3: max-words must be a whole number"},
      {"[a]\ntype line\n", "u.rules:2: expected key = value"},
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

}  // namespace
}  // namespace pagewash
