#include "pagewash/site_evidence.h"

#include <gtest/gtest.h>

#include <string>

#include "pagewash/profile.h"
#include "pagewash/strip.h"
#include "tests/support/testdata.h"

namespace pagewash {
namespace {

using testing::FromText;

Document Page(std::string_view url, std::string_view text) {
  Document doc = FromText(text);
  doc.extra.push_back(ExtraField{"url", "\"" + std::string(url) + "\""});
  return doc;
}

TEST(SiteEvidenceTest, SiteIsTheHostOfTheUrlOrSourceOrTheDirectory) {
  Document doc = Page("https://WWW.Example.org:8080/news/a.html?x=1", "Text.");
  EXPECT_EQ(SiteOf(doc, SiteFrom::kUrl), "example.org");
  doc.extra.clear();
  doc.source = "http://user@blog.example.com/post";
  EXPECT_EQ(SiteOf(doc, SiteFrom::kUrl), "blog.example.com");
  doc.source = "crawl/example.org/page1.txt";
  EXPECT_EQ(SiteOf(doc, SiteFrom::kUrl), "");
  EXPECT_EQ(SiteOf(doc, SiteFrom::kDir), "crawl/example.org");
  EXPECT_EQ(SiteOf(doc, SiteFrom::kNone), "");
}

TEST(SiteEvidenceTest, LinesOnMostPagesOfASiteAreItsFurniture) {
  SiteEvidence evidence;
  const char* bodies[] = {"The first story is about trains.", "The second story is about buses.",
                          "The third story is about ferries.", "The fourth story is about bikes."};
  for (const char* body : bodies) {
    evidence.Observe(Page("https://a.example/x", std::string("Hotline 800 100 200\n\n") + body +
                                                     "\n\nMinistry of Examples"));
  }
  // Another site's pages share a line with the first site: no evidence for
  // either, since it stands on fewer than three pages of each.
  evidence.Observe(Page("https://b.example/1", "Ministry of Examples\n\nOther text one."));
  evidence.Observe(Page("https://b.example/2", "Other text two."));
  evidence.Finish();
  EXPECT_EQ(evidence.sites_with_furniture(), 1u);

  Document page = Page("https://a.example/y", "Hotline 800 100 200\n\nThe first story is about trains.");
  const FurnitureSet* furniture = evidence.FurnitureOf(page);
  ASSERT_NE(furniture, nullptr);
  EXPECT_TRUE(furniture->contains(LineFingerprint("HOTLINE 800-100-200")));  // Compared as words.
  EXPECT_TRUE(furniture->contains(LineFingerprint("Ministry of Examples")));
  EXPECT_FALSE(furniture->contains(LineFingerprint("The first story is about trains.")));
  EXPECT_EQ(evidence.FurnitureOf(Page("https://b.example/3", "x")), nullptr);
  EXPECT_EQ(evidence.FurnitureOf(FromText("no url")), nullptr);
}

TEST(SiteEvidenceTest, StripRemovesEveryCopyAsSiteEvidence) {
  FurnitureSet furniture{LineFingerprint("Hotline 800 100 200")};
  StripOptions options;
  options.explain = true;
  options.content_model = false;
  options.site_furniture = &furniture;
  Document doc = StripBoilerplate(FromText("Hotline 800 100 200\n\nText of the page."), options);
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.removed[0].rule, "site-evidence");
  EXPECT_EQ(doc.blocks.size(), 1u);
}

TEST(SiteEvidenceTest, TrackedLinesAreBounded) {
  SiteEvidence evidence(SiteEvidenceOptions{.from = SiteFrom::kUrl, .max_lines = 2});
  for (int i = 0; i < 3; ++i) {
    evidence.Observe(Page("https://a.example/" + std::to_string(i), "One line\n\nTwo line\n\nThree line"));
  }
  evidence.Finish();
  const FurnitureSet* furniture = evidence.FurnitureOf(Page("https://a.example/z", ""));
  ASSERT_NE(furniture, nullptr);
  EXPECT_EQ(furniture->size(), 2u);  // The third line was never tracked.
}

}  // namespace
}  // namespace pagewash
