#include "pagewash/profile.h"

#include <gtest/gtest.h>

#include "pagewash/strip.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

Document Page(int n) {
  return testing::FromText("Ministry of Examples\n\nPage " + std::to_string(n) +
                           " title\n\nA paragraph that only page " + std::to_string(n) +
                           " has.\n\nHotline 800 100 200 | Mon-Fri");
}

TEST(ProfileTest, LearnsLinesOnManyPages) {
  SiteProfile::Learner learner;
  for (int i = 1; i <= 4; ++i) learner.Observe(Page(i));
  SiteProfile profile = learner.Build();
  EXPECT_EQ(profile.pages_seen(), 4u);
  ASSERT_EQ(profile.entries().size(), 2u);
  EXPECT_EQ(profile.entries()[0].text, "Hotline 800 100 200 | Mon-Fri");
  EXPECT_EQ(profile.entries()[0].where, SiteProfile::Where::kBottom);
  EXPECT_EQ(profile.entries()[1].text, "Ministry of Examples");
  EXPECT_EQ(profile.entries()[1].where, SiteProfile::Where::kTop);
}

TEST(ProfileTest, NeedsMinPagesAndShare) {
  SiteProfile::Learner learner;  // min 3 pages and half of those seen
  learner.Observe(Page(1));
  learner.Observe(Page(2));
  EXPECT_TRUE(learner.Build().entries().empty());  // Two pages are too few.
  for (int i = 3; i <= 8; ++i) learner.Observe(testing::FromText("Other text " + std::to_string(i)));
  EXPECT_TRUE(learner.Build().entries().empty());  // 2 of 8 pages.
}

TEST(ProfileTest, FileRoundTripsAndIsReadable) {
  SiteProfile::Learner learner;
  for (int i = 1; i <= 3; ++i) learner.Observe(Page(i));
  std::string file = learner.Build().Serialize();
  EXPECT_NE(file.find("\n3\tbottom\tHotline 800 100 200 | Mon-Fri\n"), std::string::npos) << file;
  Result<SiteProfile> back = SiteProfile::Parse(file, "site.profile");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), file);
}

TEST(ProfileTest, ParseErrorsNameTheLine) {
  struct Case {
    std::string_view text, message;
  };
  const Case cases[] = {
      {"hello\n", "p:1: not a pagewash site profile: the first line must be \"# pagewash site profile, format 2\""},
      {"# pagewash site profile, format 1\n3 top Menu\n", "p:2: expected pages<TAB>where<TAB>text"},
      {"# pagewash site profile, format 1\nx\ttop\tMenu\n", "p:2: the page count \"x\" is not a whole number"},
      {"# pagewash site profile, format 1\n3\tleft\tMenu\n", "p:2: where must be top, middle or bottom, not \"left\""},
      {"# pagewash site profile, format 1\n3\ttop\t---\n", "p:2: the text has no words"},
  };
  for (const Case& c : cases) {
    Result<SiteProfile> r = SiteProfile::Parse(c.text, "p");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().ToString(), c.message);
  }
}

// What --learn writes ends with a checksum: a profile cut short, even at a
// line boundary, or with a byte changed, is refused, and the message says
// how to keep a hand edit (format 1 has no checksum).
TEST(ProfileTest, DamagedProfilesAreRefused) {
  SiteProfile::Learner learner;
  for (int i = 1; i <= 3; ++i) learner.Observe(Page(i));
  std::string file = learner.Build().Serialize();
  ASSERT_EQ(file.rfind("# pagewash site profile, format 2\n", 0), 0u) << file;
  std::string cut = file.substr(0, file.rfind("# checksum"));
  cut = cut.substr(0, cut.rfind('\n', cut.size() - 2) + 1);  // Also without its last entry.
  std::string changed = file;
  changed[changed.find("Hotline")] = 'h';
  const std::string edit =
      " (if you edited it by hand, make its first line \"# pagewash site profile, format 1\" and delete the "
      "\"# checksum\" line)";
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {cut, "p: the profile has no checksum line: it is damaged" + edit},
      {changed, "p: checksum mismatch: the profile is damaged" + edit},
      {"# pagewash site profile, format 3\n",
       "p:1: profile version \"# pagewash site profile, format 3\" is not supported (this pagewash reads \"# "
       "pagewash site profile, format 1\" and \"# pagewash site profile, format 2\")"},
  };
  for (const Case& c : cases) {
    Result<SiteProfile> r = SiteProfile::Parse(c.text, "p");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().ToString(), c.message);
  }
  // The hand edit the message describes is read.
  std::string edited = changed.substr(0, changed.rfind("# checksum"));
  edited.replace(0, edited.find('\n'), "# pagewash site profile, format 1");
  EXPECT_TRUE(SiteProfile::Parse(edited, "p").ok());
}

TEST(ProfileTest, RemovesEveryCopyThroughStrip) {
  Result<SiteProfile> profile = SiteProfile::Parse(
      "# pagewash site profile, format 1\n2\ttop\tMinistry of Examples\n1\tbottom\tHotline 800 100 200 | Mon-Fri\n",
      "p");
  ASSERT_TRUE(profile.ok());
  Result<RuleSet> rules = RuleSet::Default().Merge(profile->ToRules(), "p");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  StripOptions options;
  options.rules = &rules.value();
  options.explain = true;
  Document doc = StripBoilerplate(Page(1), options);
  EXPECT_EQ(testing::DebugString(doc), "line Page 1 title\n| line A paragraph that only page 1 has.\n");
  ASSERT_EQ(doc.removed.size(), 2u);
  EXPECT_EQ(doc.removed[0].rule, "site-profile");
}

}  // namespace
}  // namespace pagewash
