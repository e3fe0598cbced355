#include "pagewash/strip.h"

#include <gtest/gtest.h>

#include "tests/support/testdata.h"

namespace pagewash {
namespace {

using testing::DebugString;
using testing::FromText;

std::string Strip(std::string_view text, const RuleSet* rules = nullptr) {
  StripOptions options;
  options.rules = rules;
  return DebugString(StripBoilerplate(FromText(text), options));
}

struct Case {
  std::string_view name, in, want;
};

TEST(StripTest, RemovesBoilerplate) {
  const Case cases[] = {
      {"cookie notice",
       "We use cookies to improve your experience on our website. By continuing to browse, you "
       "agree to our use of cookies and the processing of your personal data.\n\nText.",
       "line Text.\n"},
      {"polish cookie notice",
       "Używamy plików cookie, aby zapewnić prawidłowe działanie serwisu. Korzystając z naszej "
       "strony, wyrażasz zgodę na ich zapisywanie w Twojej przeglądarce.\n\nTreść.",
       "line Treść.\n"},
      {"buttons next to a notice",
       "We value your privacy\nWe and our partners use cookies to store information on your device "
       "for analytics and personalised advertising. You can withdraw your consent.\nAccept all\n"
       "Reject all\nSettings\n\nSettings are explained below.",
       "line Settings are explained below.\n"},
      {"back links in several languages", "Back\nBack to top\n↑ Nach oben\nPowrót\nText.",
       "line Text.\n"},
      {"language switchers", "ua en ru\nEN | PL | DE\nEnglish Deutsch Français\nText.", "line Text.\n"},
      {"stray json", "{\"register\":{\"columns\":[]}}\nText.", "line Text.\n"},
      {"stray javascript", "window.dataLayer = window.dataLayer || [];\nText.", "line Text.\n"},
      {"breadcrumb", "Home > News > Politics\nAccueil › Actualités › Europe\nText.", "line Text.\n"},
      {"read also and photo credit", "Read also: Zelensky meets Tusk in Warsaw\nPhoto: Office of the President\nText.",
       "line Text.\n"},
      {"dateline with author", "Posted on 3 May 2024 by Hannah Price\n27.09.2023, 10:15\nText.", "line Text.\n"},
      {"link bar and copyright", "Privacy | Accessibility | Contact\n© 2024 Ministry of Culture\nText.", "line Text.\n"},
      {"barriers, with a count", "Text.\n\n12 Comments\n\nLeave a reply\n\nKommentare (3)", "line Text.\n"},
      {"consent request between its title and buttons",
       "Privacy settings\nThis site uses third-party services that need your consent.\nDeny\nAccept All\n\nText.",
       "line Text.\n"},
      {"lines between a banner title and its buttons",
       "Ce site utilise des cookies.\nCertains sont indispensables,\nd’autres mesurent l’audience.\nTout accepter\n\nTexte.",
       "line Texte.\n"},
      {"split notice with buttons",
       "We use cookies.\nThey help the site work\nand let us analyse traffic.\nAccept\nReject\n\nText.",
       "line Text.\n"},
      {"glued caption",
       "Ukraine and Poland sign an agreement\n\nUkraine and Poland sign an agreement President of "
       "Ukraine Volodymyr Zelenskyy (\nText.",
       "line Ukraine and Poland sign an agreement\n| line Text.\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(Strip(c.in), c.want) << c.name;
}

TEST(StripTest, KeepsProseThatUsesBoilerplateWords) {
  const Case cases[] = {
      {"recipe with cookies",
       "Bake the cookies for 12 minutes, until the edges are golden. Let the cookies cool on the "
       "tray; you can store them in a jar for a week.",
       "line Bake the cookies for 12 minutes, until the edges are golden. Let the cookies cool on "
       "the tray; you can store them in a jar for a week.\n"},
      {"news on the cookie law",
       "Under the new rules, websites must obtain consent before storing cookies on a user's "
       "device, the regulator said.",
       "line Under the new rules, websites must obtain consent before storing cookies on a user's "
       "device, the regulator said.\n"},
      {"heading then paragraph that starts with it",
       "The civilian dimension of CSDP\n\nThe civilian dimension of CSDP is the EU's course of "
       "external actions.",
       "line The civilian dimension of CSDP\n| line The civilian dimension of CSDP is the EU's "
       "course of external actions.\n"},
      {"settings alone is not a button", "Settings\n\nOpen the app.",
       "line Settings\n| line Open the app.\n"},
      {"a consent sentence without title or buttons",
       "Patients must give their consent before the procedure. You can withdraw it at any time.",
       "line Patients must give their consent before the procedure. You can withdraw it at any time.\n"},
      {"by in a sentence", "By 2030 the network will be complete.",
       "line By 2030 the network will be complete.\n"},
      {"bracketed note", "[1] See the annex for the figures.", "line [1] See the annex for the figures.\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(Strip(c.in), c.want) << c.name;
}

TEST(StripTest, ADateEndingAWrappedParagraphIsNoDateline) {
  // lynx wrapped a reference at 80 columns; its last line alone reads as a
  // dateline. The same date on a line of its own is one.
  std::string page =
      "   Smith, John (2004). A long title of a paper about the trams of the city of\n"
      "   the north and of the night buses that run beside them. Retrieved 7\n"
      "   January 2011.\n\n"
      "   12 January 2011\n\n"
      "   The buses run all night.";
  std::string got = Strip(page);
  EXPECT_NE(got.find("line January 2011.\n"), std::string::npos) << got;
  EXPECT_EQ(got.find("line 12 January 2011"), std::string::npos) << got;
}

TEST(StripTest, PageAboutCookiesKeepsItsText) {
  // A heading about cookies: only a notice next to its buttons goes.
  const char* page =
      "Chocolate chip cookies\n\nWe use brown butter in these cookies: our website readers love them, "
      "and you can store them in your browser-side tin for days.\n\n"
      "We value your privacy\nWe and our partners use cookies to personalise ads. You can withdraw your consent.\n"
      "Accept all\n";
  EXPECT_EQ(Strip(page),
            "line Chocolate chip cookies\n| line We use brown butter in these cookies: our website readers "
            "love them, and you can store them in your browser-side tin for days.\n");
}

TEST(StripTest, DatelineAndBylineFillMetadata) {
  Document doc = StripBoilerplate(FromText("Von Jonas Albrecht | 14.05.2024\nText."), {});
  EXPECT_EQ(doc.GetMetadata("author"), "Jonas Albrecht");
  EXPECT_EQ(doc.GetMetadata("date"), "14.05.2024");
  doc = StripBoilerplate(FromText("Posted on 3 May 2024 by Hannah Price\nText."), {});
  EXPECT_EQ(doc.GetMetadata("author"), "Hannah Price");
  EXPECT_EQ(doc.GetMetadata("date"), "3 May 2024");
}

TEST(StripTest, BylineBecomesAuthor) {
  Document doc = StripBoilerplate(FromText("Title\nAuthor: Maria Kholina\nText."), {});
  EXPECT_EQ(doc.GetMetadata("author"), "Maria Kholina");
  EXPECT_EQ(DebugString(doc), "line Title\nline Text.\n");
  doc = StripBoilerplate(FromText("By Jane van der Berg\nText."), {});
  EXPECT_EQ(doc.GetMetadata("author"), "Jane van der Berg");
}

TEST(StripTest, ExplainKeepsRuleAndSpan) {
  StripOptions options;
  options.explain = true;
  Document doc = StripBoilerplate(FromText("Text.\nBack to top\n"), options);
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.removed[0].rule, "back-link");
  EXPECT_EQ(doc.removed[0].stage, "strip");
  EXPECT_EQ(doc.Text(doc.removed[0].text), "Back to top");
  EXPECT_EQ(doc.removed[0].span.begin, 6u);
  EXPECT_EQ(doc.removed[0].span.end, 17u);
  EXPECT_EQ(doc.removed[0].line, 2u);
  EXPECT_EQ(doc.stats.stripped, 1u);
  EXPECT_EQ(doc.stages, std::vector<std::string>{"strip"});
}

TEST(StripTest, RemovalPassesGapOn) {
  // "Back" began a paragraph; the next line must not join the one above.
  EXPECT_EQ(Strip("First.\n\nBack\nSecond."), "line First.\n| line Second.\n");
}

TEST(StripTest, UserRulesAddToDefaults) {
  Result<RuleSet> rules = RuleSet::Default().Merge(
      "[newsletter]\ntype = line\nphrases = subscribe to our newsletter\n", "user.rules");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(Strip("Subscribe to our newsletter!\nBack\nText.", &rules.value()), "line Text.\n");
}

}  // namespace
}  // namespace pagewash
