#include "strip/passes.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "pagewash/rules.h"
#include "tests/support/testdata.h"

namespace pagewash::internal {
namespace {

using testing::FromText;

// A consent notice with its title above and its buttons below, judged by
// vocabulary; a heading with the word "cookies" alone makes a page about
// cookies.
constexpr std::string_view kConsentRules = R"(
[notice]
type = vocabulary
min-groups = 3
require = cookie
chunk = yes
topic = cookie
group.cookie = cookies
group.consent = consent | agree
group.purpose = analyse | traffic | analytics
group.device = device
[title]
type = near
near = notice
side = before
phrases = privacy settings
[button]
type = near
near = notice
side = after
phrases = accept | reject | accept all
)";

RuleSet Rules(std::string_view text) {
  Result<RuleSet> r = RuleSet::Parse(text, "t.rules");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : RuleSet();
}

// Runs MatchLines and then `passes` on `text`; keeps the context for a look.
class PassesTest : public ::testing::Test {
 protected:
  StripContext& Run(std::string_view rules, std::string_view text,
                    std::initializer_list<StripPass> passes) {
    context_.reset();
    rules_ = Rules(rules);
    doc_ = FromText(text);
    context_ = std::make_unique<StripContext>(&doc_, rules_.compiled(), false);
    MatchLines(context_.get());
    for (StripPass pass : passes) pass(context_.get());
    return *context_;
  }

  // The blocks removed so far, as "index:rule", e.g. "0:title 2:button".
  std::string Removed() const {
    std::string out;
    for (std::size_t i = 0; i < context_->info.size(); ++i) {
      int rule = context_->info[i].rule;
      if (rule < 0) continue;
      if (!out.empty()) out += ' ';
      out += std::to_string(i) + ":" + rules_.compiled().rules[static_cast<std::size_t>(rule)].name;
    }
    return out;
  }

  RuleSet rules_;
  Document doc_;
  std::unique_ptr<StripContext> context_;
};

TEST_F(PassesTest, MatchLinesFillsBlockInfo) {
  const std::string long_sentence(
      "We planted the seeds in March and watered them every second day until the first leaves came "
      "out in early April.");
  StripContext& c = Run(kConsentRules, "Accept\nWe use cookies.\n\n" + long_sentence, {});
  ASSERT_EQ(c.info.size(), 3u);
  EXPECT_EQ(c.info[0].words, 1u);
  EXPECT_EQ(c.NearRules(0).size(), 1u);
  EXPECT_EQ(c.NearRules(1).size(), 0u);
  EXPECT_EQ(c.Key(0), "accept");
  ASSERT_EQ(c.Vocabulary(1).size(), 1u);  // The notice judges chunks.
  EXPECT_EQ(c.Vocabulary(1)[0].second, 1u);
  EXPECT_EQ(c.Vocabulary(0).size(), 0u);
  EXPECT_EQ(c.Match(1).rule, -1);  // One group of three.
  EXPECT_EQ(c.info[2].findings, 0u);  // The rules said nothing of the sentence.
  EXPECT_EQ(c.info[2].words, 21u);
  EXPECT_TRUE(c.Key(2).empty());  // A finished long sentence is no heading.
  EXPECT_EQ(Removed(), "");            // Matching removes nothing.
}

TEST_F(PassesTest, FindPageTopicsNeedsAHeadingStandingAlone) {
  StripContext& c =
      Run(kConsentRules, "Chocolate chip cookies\n\nMix the butter and sugar.", {FindPageTopics});
  EXPECT_TRUE(c.about[0]);
  StripContext& d =
      Run(kConsentRules, "Chocolate chip cookies\nMix the butter and sugar.", {FindPageTopics});
  EXPECT_FALSE(d.about[0]);
  StripContext& e = Run(kConsentRules, "Cookies are baked.\n\nMix the butter.", {FindPageTopics});
  EXPECT_FALSE(e.about[0]);  // A sentence is no heading.
}

constexpr std::string_view kNotice =
    "We use cookies to analyse traffic on your device.";  // Three groups.

TEST_F(PassesTest, ApplyLineVerdicts) {
  Run(kConsentRules, std::string(kNotice) + "\n\nText.", {FindPageTopics, ApplyLineVerdicts});
  EXPECT_EQ(Removed(), "0:notice");
  // On a page about cookies, only a notice with a button beside it goes.
  Run(kConsentRules, "Cookies\n\n" + std::string(kNotice) + "\n\nText.",
      {FindPageTopics, ApplyLineVerdicts});
  EXPECT_EQ(Removed(), "");
  Run(kConsentRules, "Cookies\n\n" + std::string(kNotice) + "\nAccept\n\nText.",
      {FindPageTopics, ApplyLineVerdicts});
  EXPECT_EQ(Removed(), "1:notice");
  // A flanked rule needs its button whatever the page is about.
  Run("[promo]\ntype = vocabulary\nflanked = yes\ngroup.offer = free shipping\n"
      "[close]\ntype = near\nnear = promo\nphrases = close\n",
      "Free shipping\n\nFree shipping\nClose", {FindPageTopics, ApplyLineVerdicts});
  EXPECT_EQ(Removed(), "1:promo");
}

TEST_F(PassesTest, TakeFlankedVocabulary) {
  // The required group and one more: too few groups alone, enough beside a button.
  Run(kConsentRules, "We use cookies for traffic.\nAccept\n\nWe use cookies for traffic.",
      {FindPageTopics, ApplyLineVerdicts, TakeFlankedVocabulary});
  EXPECT_EQ(Removed(), "0:notice");
  Run(kConsentRules, "We agree on traffic.\nAccept",
      {FindPageTopics, ApplyLineVerdicts, TakeFlankedVocabulary});
  EXPECT_EQ(Removed(), "");  // Without the required group.
}

TEST_F(PassesTest, JoinChunkedNotices) {
  const std::initializer_list<StripPass> passes = {FindPageTopics, ApplyLineVerdicts,
                                                   TakeFlankedVocabulary, JoinChunkedNotices};
  Run(kConsentRules, "We use cookies.\nThey analyse traffic\non your device.\n\nText.", passes);
  EXPECT_EQ(Removed(), "0:notice 1:notice 2:notice");
  Run(kConsentRules, "We use cookies.\nThey analyse traffic.\n\nText.", passes);
  EXPECT_EQ(Removed(), "");  // Two groups of three, and no button.
  Run(kConsentRules, "We use cookies.\nThey analyse traffic.\nAccept\n\nText.", passes);
  EXPECT_EQ(Removed(), "0:notice 1:notice");  // The button is TakeNoticeNeighbours' to take.
}

TEST_F(PassesTest, TakeNoticeNeighbours) {
  const std::initializer_list<StripPass> passes = {FindPageTopics, ApplyLineVerdicts,
                                                   TakeNoticeNeighbours};
  Run(kConsentRules,
      "Privacy settings\n" + std::string(kNotice) +
          "\nSome are needed,\nothers count visits.\nAccept all\nReject\nText.",
      passes);
  EXPECT_EQ(Removed(), "0:title 1:notice 2:notice 3:notice 4:button 5:button");
  Run(kConsentRules, "Accept\n\nReject", passes);
  EXPECT_EQ(Removed(), "");  // Buttons with no notice stay.
}

constexpr std::string_view kRelatedRules = "[related]\ntype = header\nphrases = related posts\n";

TEST_F(PassesTest, TakeRelatedLinks) {
  const std::initializer_list<StripPass> passes = {ApplyLineVerdicts, TakeRelatedLinks};
  Run(kRelatedRules,
      "Related posts\nHow to grow tomatoes\nIs it time to repot?\nWe sowed in March.", passes);
  EXPECT_EQ(Removed(), "0:related 1:related 2:related");
  // The last title heads a paragraph of its own.
  Run(kRelatedRules, "Related posts\nHow to grow tomatoes\n\nSowing\nWe sowed in March.", passes);
  EXPECT_EQ(Removed(), "0:related 1:related");
  // A paragraph wrapped over lines after the list is prose, though each of
  // its lines alone reads like a link's title.
  Run(kRelatedRules,
      "Related posts\n  * How to grow tomatoes\n  * Is it time to repot\n\n"
      "Among the changes, the app loads messages quickly on slow\n"
      "networks, and it helps when you lose the connection; it also\n"
      "uses less data and has a saving mode for photos.",
      passes);
  EXPECT_EQ(Removed(), "0:related 1:related 2:related");
}

TEST_F(PassesTest, TakeSignature) {
  const std::initializer_list<StripPass> passes = {ApplyLineVerdicts, TakeSignature};
  constexpr std::string_view kRules = "[signature]\ntype = signature\n";
  Run(kRules, "Thanks, see you.\n--\nJan Nowak\nExample Ltd\n\nShort tail", passes);
  EXPECT_EQ(Removed(), "1:signature 2:signature 3:signature 4:signature");
  const std::string long_line =
      "This reply quotes a long paragraph that goes on well past fifteen words, so it is no part "
      "of a "
      "signature.";
  Run(kRules, "--\nJan Nowak\n\n" + long_line, passes);
  EXPECT_EQ(Removed(), "0:signature 1:signature");  // The paragraph, not the page.
}

TEST_F(PassesTest, TakeGluedCaptions) {
  constexpr std::string_view kRules = "[glued]\ntype = caption\n";
  Run(kRules,
      "Ukraine and Poland sign an agreement\n\nUkraine and Poland sign an agreement President of "
      "Ukraine Volodymyr Zelenskyy (\nText.",
      {TakeGluedCaptions});
  EXPECT_EQ(Removed(), "1:glued");
  Run(kRules,
      "Ukraine and Poland sign an agreement\n\nUkraine and Poland sign an agreement on trade.",
      {TakeGluedCaptions});
  EXPECT_EQ(Removed(), "");  // A paragraph that begins with the title is no caption.
}

TEST_F(PassesTest, FillMetadata) {
  constexpr std::string_view kRules =
      "[byline]\ntype = byline\nthen = :\nphrases = author\n"
      "[dateline]\ntype = dateline\ngroup.label = posted on\ngroup.month = may\ngroup.by = by\n";
  Run(kRules, "Author: Jan Nowak\nPosted on 3 May 2024 by Hannah Price\nAuthor: Anna Lis\nText.",
      {ApplyLineVerdicts, FillMetadata});
  EXPECT_EQ(doc_.GetMetadata("author"), "Jan Nowak");  // The first value wins.
  EXPECT_EQ(doc_.GetMetadata("date"), "3 May 2024");
  Run(kRules, "Author: Jan Nowak", {FillMetadata});
  EXPECT_EQ(doc_.GetMetadata("author"), "");  // Only removed lines fill metadata.
}

}  // namespace
}  // namespace pagewash::internal
