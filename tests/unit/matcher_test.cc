#include "strip/matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "pagewash/rules.h"
#include "text/tokenize.h"

namespace pagewash::internal {
namespace {

RuleSet Rules(std::string_view text) {
  Result<RuleSet> r = RuleSet::Parse(text, "t.rules");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : RuleSet();
}

// The name of the rule that removes `line`, or "-".
std::string Removes(const RuleSet& rules, std::string_view line) {
  Matcher matcher(rules.compiled());
  int rule = matcher.Match(line).rule;
  return rule < 0 ? "-" : rules.compiled().rules[static_cast<std::size_t>(rule)].name;
}

struct Case {
  std::string_view line, want;
};

void Check(const RuleSet& rules, std::initializer_list<Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(Removes(rules, c.line), c.want) << '"' << c.line << '"';
}

TEST(MatcherTest, LineRuleTakesTheWholeLine) {
  RuleSet rules = Rules("[back]\ntype = line\nphrases = back to top | basket\n");
  Check(rules, {
                   {"Back to top", "back"},
                   {"↑ BACK-TO-TOP", "back"},  // Words, case-folded.
                   {"Basket (0)", "back"},     // A trailing count is no part of a line.
                   {"Back to top of the page", "-"},
                   {"Go back to top", "-"},
                   {"Basket 1 2 3", "-"},  // At most two numbers after the phrase.
               });
}

TEST(MatcherTest, FirstRuleInFileOrderWins) {
  RuleSet rules = Rules(
      "[first]\ntype = prefix\nphrases = read also\nmax-words = 10\n"
      "[second]\ntype = line\nphrases = read also\n");
  Check(rules, {{"Read also", "first"}, {"Read also: a story", "first"}});
}

TEST(MatcherTest, PrefixWithThen) {
  RuleSet rules = Rules("[read]\ntype = prefix\nthen = :\nmax-words = 8\nphrases = read also\n");
  Check(rules, {
                   {"Read also: Zelensky meets Tusk", "read"},
                   {"Read also Zelensky meets Tusk", "-"},                 // No colon.
                   {"Read also: one two three four five six seven", "-"},  // Too many words.
                   {"We read also: this", "-"},                            // Not at the start.
               });
}

TEST(MatcherTest, NearAndHeaderRulesAreReportedNotRemoved) {
  RuleSet rules = Rules(
      "[notice]\ntype = line\nphrases = we use cookies\n"
      "[button]\ntype = near\nnear = notice\nphrases = accept all\n"
      "[related]\ntype = header\nphrases = related posts\n");
  Matcher matcher(rules.compiled());
  LineVerdict button = matcher.Match("Accept all");
  EXPECT_EQ(button.rule, -1);
  ASSERT_EQ(button.near_rules.size(), 1u);
  EXPECT_EQ(button.near_rules[0], 1);
  LineVerdict header = matcher.Match("Related posts");
  EXPECT_EQ(header.rule, 2);
  EXPECT_EQ(header.header_rule, 2);
  EXPECT_TRUE(header.near_rules.empty());
  EXPECT_EQ(matcher.Match("Accept all offers").near_rules.size(), 0u);
}

TEST(MatcherTest, VocabularyCountsGroups) {
  RuleSet rules = Rules(
      "[consent]\ntype = vocabulary\nmin-groups = 2\nrequire = cookie\n"
      "group.cookie = cookies | cookie*\ngroup.consent = consent | agree\ngroup.data = personal "
      "data\n");
  Check(rules, {
                   {"We use cookies; by browsing you agree.", "consent"},
                   {"Cookiebots store personal data.", "consent"},  // A stem.
                   {"Cookies, the recipe", "-"},                    // One group.
                   {"You agree to share personal data.", "-"},      // Not the required group.
               });
  Matcher matcher(rules.compiled());
  matcher.Match("We use cookies; you agree.");
  EXPECT_EQ(matcher.Groups(0), 0b011u);
  // The scratch of one line does not leak into the next.
  matcher.Match("Personal data");
  EXPECT_EQ(matcher.Groups(0), 0b100u);
}

TEST(MatcherTest, LongLineIsMatchedInPartsAsAWhole) {
  RuleSet rules = Rules(
      "[consent]\ntype = vocabulary\nmin-groups = 2\nrequire = cookie\n"
      "group.cookie = cookies | cookie*\ngroup.consent = consent | agree\ngroup.data = personal "
      "data\n");
  // "personal data" stands across the first cut: a part ends before the
  // space after "personal" (text::TokenPartEnd), the phrase is still found.
  const std::size_t cut = text::kTokenizePartBytes;
  std::string line(cut - 9, 'w');
  line += " personal data";
  ASSERT_EQ(line.substr(cut - 8, 8), "personal");
  ASSERT_EQ(text::TokenPartEnd(line + std::string(cut, 'x'), 0), cut);
  for (int i = 0; i < 20000; ++i) line += " more words";
  line += " and cookies";
  ASSERT_GT(line.size(), 3 * cut);
  Matcher matcher(rules.compiled());
  matcher.Match(line);
  EXPECT_EQ(matcher.Groups(0), 0b101u);
  EXPECT_EQ(matcher.words(), 1u + 2u + 40000u + 2u);
  // Only the start of the key is kept: the first words and a space.
  const std::string start = std::string(cut - 9, 'w') + " personal data more";
  EXPECT_TRUE(matcher.KeyStart(2) == start.substr(0, cut + 1));  // "... personal "
  EXPECT_TRUE(matcher.key().starts_with(start));
  EXPECT_EQ(matcher.key().back(), ' ');
  // A short line after it is matched afresh, whole.
  matcher.Match("Personal data");
  EXPECT_EQ(matcher.Groups(0), 0b100u);
  EXPECT_EQ(matcher.key(), "personal data");
  EXPECT_EQ(matcher.KeyStart(1), "personal ");
  EXPECT_EQ(matcher.KeyStart(21), "personal data");
}

TEST(MatcherTest, WordBounds) {
  RuleSet rules =
      Rules("[v]\ntype = vocabulary\nmin-words = 3\nmax-words = 5\ngroup.a = cookies\n");
  Check(rules, {
                   {"Cookies", "-"},
                   {"We use cookies", "v"},
                   {"We use cookies on this site", "-"},
               });
}

TEST(MatcherTest, Switcher) {
  RuleSet rules = Rules(
      "[langs]\ntype = switcher\nphrases = en | pl | de | english | deutsch\n"
      "[menu]\ntype = switcher\nmin-coverage = 60\nphrases = home | about | contact\n");
  Check(rules, {
                   {"EN | PL | DE", "langs"},
                   {"English Deutsch", "langs"},
                   {"EN", "-"},  // At least two words.
                   {"English is spoken.", "-"},
                   {"Home Recipes About Contact", "menu"},  // Three words of four.
                   {"Home Recipes Blog Contact", "-"},      // Two of four.
               });
}

TEST(MatcherTest, BylineFillsTheValue) {
  RuleSet rules = Rules(
      "[dateline]\ntype = dateline\ngroup.month = may\n"
      "[byline]\ntype = byline\nthen = :\nphrases = author | von\n");
  Matcher matcher(rules.compiled());
  LineVerdict v = matcher.Match("Author: Hannah Price");
  EXPECT_EQ(v.rule, 1);
  EXPECT_EQ(v.value, "Hannah Price");
  EXPECT_EQ(matcher.Match("Author: 14 May 2024").rule, -1);  // A date is no name.
  EXPECT_EQ(matcher.Match("Author unknown: see below").rule, -1);
  RuleSet von = Rules(
      "[dateline]\ntype = dateline\ngroup.month = may\n"
      "[byline]\ntype = byline\nphrases = von\n");
  Matcher with_date(von.compiled());
  v = with_date.Match("Von Jonas Albrecht | 14.05.2024");
  EXPECT_EQ(v.rule, 1);
  EXPECT_EQ(v.value, "Jonas Albrecht");
  EXPECT_EQ(v.date, "14.05.2024");
}

TEST(MatcherTest, Dateline) {
  RuleSet rules = Rules(
      "[dateline]\ntype = dateline\ngroup.label = posted on\ngroup.month = may\n"
      "group.weekday = monday\ngroup.by = by\n");
  Matcher matcher(rules.compiled());
  LineVerdict v = matcher.Match("Posted on 3 May 2024 by Hannah Price");
  EXPECT_EQ(v.rule, 0);
  EXPECT_EQ(v.value, "3 May 2024");
  EXPECT_EQ(v.author, "Hannah Price");
  v = matcher.Match("Monday, 27.09.2023, 10:15");
  EXPECT_EQ(v.rule, 0);
  EXPECT_EQ(v.value, "Monday, 27.09.2023, 10:15");
  EXPECT_EQ(matcher.Match("May 2024 was warm").rule, -1);
  EXPECT_EQ(matcher.Match("Posted on May").rule, -1);            // A month needs a number.
  EXPECT_EQ(matcher.Match("3 May 2024 by the river").rule, -1);  // Not a name after "by".
}

TEST(MatcherTest, Breadcrumb) {
  RuleSet rules = Rules("[crumbs]\ntype = breadcrumb\nmax-words = 12\nphrases = home\n");
  Check(rules, {
                   {"Home > News", "crumbs"},
                   {"Home › Politics", "crumbs"},
                   {"News > World > Europe", "crumbs"},  // Two separators, no home word.
                   {"Home", "-"},
                   {"Home > News.", "-"},  // A sentence.
                   {"Home is where the heart is", "-"},
               });
}

TEST(MatcherTest, AddressNeedsAPhraseAndAPostalCode) {
  RuleSet rules = Rules("[address]\ntype = address\nmax-words = 12\nphrases = street | ul\n");
  Check(rules, {
                   {"1 High Street, Halifax HX7 8AA", "address"},
                   {"ul. Wiejska 4/6/8, 00-902 Warszawa", "address"},
                   {"Main Street", "-"},
                   {"Berlin 12345", "-"},
                   {"We moved to 1 High Street, Halifax HX7 8AA.", "-"},
               });
}

TEST(MatcherTest, BuiltInDetectorsRunOnEveryLine) {
  RuleSet rules = Rules(
      "[stray-code]\ntype = code\n[bar]\ntype = linkbar\n[sender]\ntype = sender\n"
      "[signature]\ntype = signature\n[glued]\ntype = caption\n");
  Check(rules, {
                   {"{\"register\":{\"columns\":[]}}", "stray-code"},
                   {"window.dataLayer = window.dataLayer || [];", "stray-code"},
                   {"Privacy | Accessibility | Contact", "bar"},
                   {"Marta Kowalczyk marta.k at example.org", "sender"},
                   {"--", "signature"},
                   {"-- x", "-"},  // Only the line "--".
                   {"A plain sentence of text.", "-"},
               });
  Matcher matcher(rules.compiled());
  EXPECT_EQ(matcher.Match("Jan Nowak <jan@example.pl>").value, "Jan Nowak");
}

TEST(MatcherTest, StartsCountsAsAHit) {
  RuleSet rules =
      Rules("[copyright]\ntype = vocabulary\nmax-words = 12\nstarts = ©\ngroup.c = copyright\n");
  Check(rules, {{"© 2024 Ministry of Culture", "copyright"}, {"Ministry of Culture ©", "-"}});
}

}  // namespace
}  // namespace pagewash::internal
