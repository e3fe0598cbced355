#include "content.h"

#include <gtest/gtest.h>

#include <string>

#include "pagewash/strip.h"
#include "tests/support/testdata.h"

namespace pagewash::internal {
namespace {

using pagewash::testing::FromText;

// The reasons JudgeContent gives, one line per block: "REASON|text" or
// "keep|text".
std::string Judge(std::string_view page, Favor favor = Favor::kBalanced) {
  Document doc = FromText(page);
  std::vector<bool> removed(doc.blocks.size(), false);
  std::vector<std::string_view> verdict = JudgeContent(doc, removed, removed, favor).reasons;
  std::string out;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    out += verdict[i].empty() ? std::string_view("keep") : verdict[i];
    out += '|';
    out += doc.Text(doc.blocks[i]);
    out += '\n';
  }
  return out;
}

constexpr std::string_view kArticle =
    "The council said on Monday that the new bus routes would run through the night, because many of "
    "the people who work late shifts had asked for them for years.\n\n"
    "It is the first time that the city has run buses after midnight, and the drivers have been "
    "trained for the work that they will do in the dark.\n\n"
    "If the routes are used as much as the council hopes, there will be more of them from the "
    "spring, and the fares will stay the same as they are in the day.\n";

TEST(ContentTest, MenuAboveTheArticleIsOutsideTheMainContent) {
  std::string page = "Home\n\nNews\n\nSport\n\nWeather\n\nContact Us\n\n" + std::string(kArticle);
  std::string got = Judge(page);
  EXPECT_NE(got.find("outside-main-content|Home\n"), std::string::npos) << got;
  EXPECT_NE(got.find("outside-main-content|Contact Us\n"), std::string::npos) << got;
  EXPECT_NE(got.find("keep|The council said"), std::string::npos) << got;
  EXPECT_NE(got.find("keep|If the routes"), std::string::npos) << got;
}

TEST(ContentTest, TeasersBelowTheArticleAreOutsideTheMainContent) {
  std::string page = std::string(kArticle) +
                     "\nMost Read\n\nStocks Rally As Markets Open Higher\n\nLocal Team Wins Cup Final\n\n"
                     "Ten Best Gardens To Visit This Summer\n\nNew Phone Launch Date Leaked\n";
  std::string got = Judge(page);
  EXPECT_NE(got.find("outside-main-content|Local Team Wins Cup Final\n"), std::string::npos) << got;
  EXPECT_NE(got.find("outside-main-content|New Phone Launch Date Leaked\n"), std::string::npos) << got;
  EXPECT_NE(got.find("keep|It is the first time"), std::string::npos) << got;
}

TEST(ContentTest, AGallerysSlidesBesideTheArticleGo) {
  std::string slides;
  for (int k = 1; k <= 3; ++k) {
    slides += "   * " + std::to_string(k) + "/3 Shares fall as the market opens\n"
              "     The index of the largest companies fell in the first hour of trading, and the\n"
              "     dealers said that it was because of the news from the banks.\n";
  }
  // An article of 150 words or more beside the gallery.
  std::string article = std::string(kArticle) + "\n" + std::string(kArticle);
  std::string page = article + "\n" + slides + "\nThe drivers start on the first day of the month.\n";
  std::string got = Judge(page);
  EXPECT_NE(got.find("gallery|* 1/3 Shares fall"), std::string::npos) << got;
  EXPECT_NE(got.find("gallery|dealers said"), std::string::npos) << got;  // The whole slide.
  EXPECT_NE(got.find("keep|The council said"), std::string::npos) << got;
  // Alone on its page, a gallery is the content.
  got = Judge(slides);
  EXPECT_EQ(got.find("gallery|"), std::string::npos) << got;
  // Counters with different totals are dates or scores, not slides.
  std::string dates;
  for (int k = 1; k <= 3; ++k) {
    dates += "   * " + std::to_string(k) + "/" + std::to_string(k + 3) +
             " The index of the largest companies fell in the first hour of trading, and the\n"
             "     dealers said that it was because of the news from the banks.\n";
  }
  got = Judge(article + "\n" + dates);
  EXPECT_EQ(got.find("gallery|"), std::string::npos) << got;
}

TEST(ContentTest, HeadlineAboveTheArticleIsKept) {
  std::string page = "Home\n\nAbout\n\nNight buses start on Monday\n\n" + std::string(kArticle);
  std::string got = Judge(page);
  EXPECT_NE(got.find("keep|Night buses start on Monday\n"), std::string::npos) << got;
}

TEST(ContentTest, ListIntroducedByAColonIsKept) {
  std::string page = std::string(kArticle) + "\nYou will need:\n• 500 g flour\n• 200 g honey\n• 2 eggs\n";
  std::string got = Judge(page);
  EXPECT_NE(got.find("keep|• 2 eggs\n"), std::string::npos) << got;
  EXPECT_NE(got.find("keep|You will need:\n"), std::string::npos) << got;
}

TEST(ContentTest, RendererArtefactsGoLineByLine) {
  std::string page = "[logo.png]\n\n" + std::string(kArticle) +
                     "\nIFRAME: https://example.org/embed\n\n(BUTTON) Subscribe\n\n"
                     "_______________________________\n";
  std::string got = Judge(page);
  EXPECT_NE(got.find("renderer-artefact|[logo.png]\n"), std::string::npos) << got;
  EXPECT_NE(got.find("renderer-artefact|IFRAME: https://example.org/embed\n"), std::string::npos) << got;
  EXPECT_NE(got.find("renderer-artefact|(BUTTON) Subscribe\n"), std::string::npos) << got;
  EXPECT_NE(got.find("renderer-artefact|____"), std::string::npos) << got;
}

TEST(ContentTest, GermanMenuIsOutsideTheMainContentAndItsArticleKept) {
  std::string page =
      "Startseite\n\nPolitik\n\nSport\n\nKontakt\n\n"
      "Der Stadtrat hat am Montag beschlossen, dass die neuen Buslinien auch in der Nacht fahren, "
      "weil viele Menschen, die spät arbeiten, seit Jahren darum gebeten haben.\n\n"
      "Es ist das erste Mal, dass die Stadt nach Mitternacht Busse fahren lässt, und die Fahrer "
      "sind für die Arbeit in der Dunkelheit geschult worden.\n";
  std::string got = Judge(page);
  EXPECT_NE(got.find("outside-main-content|Politik\n"), std::string::npos) << got;
  EXPECT_NE(got.find("keep|Der Stadtrat"), std::string::npos) << got;
  EXPECT_NE(got.find("keep|Es ist das erste Mal"), std::string::npos) << got;
}

TEST(ContentTest, PageWithoutProseIsKeptAsItIs) {
  std::string got = Judge("Home\n\nNews\n\nSport\n");
  EXPECT_EQ(got, "keep|Home\nkeep|News\nkeep|Sport\n");
}

TEST(ContentTest, BlocksAlreadyRemovedAreNotJudged) {
  Document doc = FromText("Home\n\n" + std::string(kArticle));
  std::vector<bool> removed(doc.blocks.size(), false);
  removed[0] = true;
  std::vector<std::string_view> verdict = JudgeContent(doc, removed, removed, Favor::kBalanced).reasons;
  EXPECT_TRUE(verdict[0].empty());
}

TEST(ContentTest, FavorPrecisionRemovesAtLeastWhatBalancedRemoves) {
  std::string page = "Home\n\nNews\n\n" + std::string(kArticle) +
                     "\nShare this article with your friends\n\nRelated Stories From Our Site\n";
  std::string balanced = Judge(page, Favor::kBalanced);
  std::string precision = Judge(page, Favor::kPrecision);
  auto count_kept = [](const std::string& s) {
    std::size_t n = 0;
    for (std::size_t p = s.find("keep|"); p != std::string::npos; p = s.find("keep|", p + 1)) ++n;
    return n;
  };
  EXPECT_LE(count_kept(precision), count_kept(balanced));
}

// The words of each block as strip's matcher counts them: every line
// tokenized on its own, except `uncounted`, left to the model.
PageWords LineWordsOf(const Document& doc, std::size_t uncounted = SIZE_MAX) {
  PageWords words;
  text::TokenizedText tokens;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    text::Tokenize(doc.Text(doc.blocks[i]), &tokens);
    AddLineWords(i == uncounted ? nullptr : &tokens, &words);
  }
  return words;
}

TEST(ContentTest, LinesCountedOnceGiveTheVerdictOfUnitsTokenizedWhole) {
  std::string teasers;
  for (int i = 0; i < 6; ++i) teasers += "\n[INS: Say :INS] [INS: Goodbye :INS] to snoring with this one trick\n";
  const std::string pages[] = {
      "Home\n\nNews\n\nSport\n\nContact Us\n\n" + std::string(kArticle),
      // Paragraphs wrapped over several lines, as lynx writes them.
      "Menu\nSearch\n\nThe council said on Monday that the new bus routes\nwould run through the night, "
      "because many of\nthe people who work late shifts had asked.\n\nRelated: Buses\n\n" + std::string(kArticle),
      std::string(kArticle) + teasers,
      "Startseite\n\nNachrichten\n\nDer Rat sagte am Montag, dass die neuen Buslinien in der Nacht fahren "
      "werden, weil viele der Menschen, die sp\u00e4t arbeiten, seit Jahren danach gefragt hatten.\n",
  };
  for (const std::string& page : pages) {
    Document doc = FromText(page);
    std::vector<bool> removed(doc.blocks.size(), false);
    const ContentVerdict whole = JudgeContent(doc, removed, removed, Favor::kBalanced);
    for (std::size_t uncounted : {SIZE_MAX, std::size_t{0}, doc.blocks.size() / 2}) {
      const PageWords words = LineWordsOf(doc, uncounted);
      const ContentVerdict counted =
          JudgeContent(doc, removed, removed, Favor::kBalanced, nullptr, nullptr, &words);
      EXPECT_EQ(counted.reasons, whole.reasons) << page;
      EXPECT_EQ(counted.headline, whole.headline) << page;
      EXPECT_EQ(counted.headline_text, whole.headline_text) << page;
    }
  }
}

TEST(ContentTest, TheModelReadsTheLinesCounts) {
  // Lines counted as if they held no stop words: the article is no prose to
  // the model, and the page, without prose, is kept whole; tokenized, the
  // menu goes.
  Document doc = FromText("Home\n\nNews\n\nSport\n\nContact Us\n\n" + std::string(kArticle));
  std::vector<bool> removed(doc.blocks.size(), false);
  const ContentVerdict whole = JudgeContent(doc, removed, removed, Favor::kBalanced);
  ASSERT_EQ(whole.reasons[0], "outside-main-content");
  PageWords words = LineWordsOf(doc);
  words.stop_sets.clear();
  for (PageWords::Line& line : words.lines) line.stops_end = 0;
  const ContentVerdict counted = JudgeContent(doc, removed, removed, Favor::kBalanced, nullptr, nullptr, &words);
  EXPECT_NE(counted.reasons, whole.reasons);
  EXPECT_TRUE(counted.reasons[0].empty());
}

}  // namespace
}  // namespace pagewash::internal

namespace pagewash::internal {
namespace {

// Marks the line `text` of `doc` as a barrier a rule removed; the other
// lines are neither. Returns its index.
std::size_t MarkBarrier(const Document& doc, std::string_view text, std::vector<bool>* removed,
                        std::vector<bool>* barrier) {
  removed->assign(doc.blocks.size(), false);
  barrier->assign(doc.blocks.size(), false);
  std::size_t i = 0;
  while (doc.Text(doc.blocks[i]) != text) ++i;
  (*removed)[i] = (*barrier)[i] = true;
  return i;
}

TEST(ContentTest, ABarrierEndsTheMainContent) {
  // The comment below the article is prose too; only the barrier line
  // ("Comments", removed by a rule) tells it apart.
  Document doc = FromText(std::string(kArticle) +
                          "\nComments\n\nI think that the buses should have run at night years ago, and "
                          "that the council was too slow to see what the people who work late needed.\n");
  std::vector<bool> removed;
  std::vector<bool> barrier;
  const std::size_t comments = MarkBarrier(doc, "Comments", &removed, &barrier);
  std::vector<std::string_view> reasons = JudgeContent(doc, removed, barrier, Favor::kBalanced).reasons;
  EXPECT_EQ(reasons.back(), kOutsideMainContent);
  EXPECT_TRUE(reasons.front().empty());
  // Without the barrier, the comment reads as the article's last paragraph.
  barrier[comments] = false;
  reasons = JudgeContent(doc, removed, barrier, Favor::kBalanced).reasons;
  EXPECT_TRUE(reasons.back().empty());
}

TEST(ContentTest, MoreProseAfterAFinalBarrierDoesNotOutweighTheArticle) {
  // A comment thread about twice and a half as long as the article: the article,
  // before the final barrier, is the main content, since it has at least a
  // third of the weight.
  std::string thread;
  for (int i = 0; i < 7; ++i) {
    thread += "\nI think that the buses should have run at night years ago, and that the council was too "
              "slow to see what the people who work late in the town needed from it.\n";
  }
  Document doc = FromText(std::string(kArticle) + "\nComments\n" + thread);
  std::vector<bool> removed;
  std::vector<bool> barrier;
  MarkBarrier(doc, "Comments", &removed, &barrier);
  std::vector<bool> final_barrier = barrier;
  std::vector<std::string_view> reasons =
      JudgeContent(doc, removed, barrier, Favor::kBalanced, nullptr, &final_barrier).reasons;
  EXPECT_TRUE(reasons.front().empty());
  EXPECT_EQ(reasons.back(), kOutsideMainContent);
  // A box ("Most read", not final) right between two runs of prose stood
  // inside the article: both are kept.
  reasons = JudgeContent(doc, removed, barrier, Favor::kBalanced).reasons;
  EXPECT_TRUE(reasons.front().empty());
  EXPECT_TRUE(reasons.back().empty());
  // A sentence before the final barrier is no article: the long run after
  // it is the main content.
  Document box = FromText("The council said that the night buses would run.\n\nComments\n" + thread);
  MarkBarrier(box, "Comments", &removed, &barrier);
  final_barrier = barrier;
  reasons = JudgeContent(box, removed, barrier, Favor::kBalanced, nullptr, &final_barrier).reasons;
  EXPECT_TRUE(reasons.back().empty());
}

TEST(ContentTest, ABoxInsideTheArticleKeepsItsFirstPart) {
  // An introduction, a box of other stories ("Other people are reading", a
  // barrier that is not final), then the article goes on, longer: both parts
  // are the article. Without the box's line the two parts join anyway.
  std::string page =
      "Glass cloche terrariums are not only pretty to look at, but they also keep the plants inside them "
      "moist, so that you only have to water them once in a while, which is what makes them so easy to keep.\n\n"
      "Other People Are Reading\n\n"
      "  * How to Build a Terrarium With Succulents\n"
      "  * Plant Terrarium Ideas\n\n"
      "What you will need:\n\n"
      "  * A glass cloche\n"
      "  * Floral foam\n"
      "  * Moss\n\n"
      "Step 1\n\n"
      "Measure the circumference of your cloche and cut the foam to fit inside it, so that the plants have "
      "a base that holds the water for them and keeps them where you put them.\n\n"
      "Step 2\n\n"
      "Put the plants into the holes that you have made in the foam, and cover the foam with the moss so "
      "that none of it can be seen when the cloche is put back over the plants.\n\n"
      "Step 3\n\n"
      "Place the cloche over the plants and put the terrarium where it will get the light that it needs, "
      "which is not too much of it, since the glass keeps the heat in as well as the water.\n";
  Document doc = FromText(page);
  std::vector<bool> removed;
  std::vector<bool> barrier;
  const std::size_t box = MarkBarrier(doc, "Other People Are Reading", &removed, &barrier);
  std::vector<bool> final_barrier(doc.blocks.size(), false);
  std::vector<std::string_view> reasons =
      JudgeContent(doc, removed, barrier, Favor::kBalanced, nullptr, &final_barrier).reasons;
  EXPECT_TRUE(reasons.front().empty()) << reasons.front();
  EXPECT_TRUE(reasons.back().empty()) << reasons.back();
  // A final barrier there would end the article after its first part.
  final_barrier[box] = true;
  reasons = JudgeContent(doc, removed, barrier, Favor::kBalanced, nullptr, &final_barrier).reasons;
  EXPECT_TRUE(reasons.front().empty()) << reasons.front();
  EXPECT_EQ(reasons.back(), kOutsideMainContent);
}

TEST(ContentTest, InlineMarksAreNoWords) {
  // lynx writes <ins> as "[INS: word :INS]"; counted as words, "INS" (a
  // German stop word) would make the page German and its English article
  // furniture.
  std::string teasers;
  for (int i = 0; i < 12; ++i) {
    teasers += "\n[INS: Say :INS] [INS: Goodbye :INS] [INS: To :INS] [INS: Snoring :INS] [INS: With :INS] "
               "[INS: This :INS] [INS: One :INS] [INS: Trick :INS]\n";
  }
  std::string got = Judge(std::string(kArticle) + teasers);
  EXPECT_NE(got.find("keep|The council said"), std::string::npos) << got;
  EXPECT_NE(got.find("keep|If the routes"), std::string::npos) << got;
  EXPECT_NE(got.find("outside-main-content|[INS: Say"), std::string::npos) << got;
}

}  // namespace
}  // namespace pagewash::internal

namespace pagewash::internal {
namespace {

TEST(ContentTest, HeadlineIsTheHeadingWhoseWordsTheArticleRepeats) {
  // A menu, the headline, a byline with a date, a photo caption, then the
  // article: the headline's words (night, buses, council) recur in it.
  Document doc = FromText(
      "Home\n\nNews\n\nSport\n\nCouncil starts night buses for late shift workers\n\n"
      "Jane Doe - Apr 16, 2015\n\nA photo of a red bus in front of the town hall\n\n" + std::string(kArticle));
  std::vector<bool> removed(doc.blocks.size(), false);
  ContentVerdict v = JudgeContent(doc, removed, removed, Favor::kBalanced);
  EXPECT_EQ(v.headline_text, "Council starts night buses for late shift workers");
  ASSERT_GE(v.headline, 0);
  EXPECT_TRUE(v.reasons[static_cast<std::size_t>(v.headline)].empty());  // Kept.
}

TEST(ContentTest, AHeadlineMayNameAYearADateLineMayNot) {
  Document doc = FromText("Home\n\nNews\n\nCouncil starts night buses for late shift workers in 2015\n\n" +
                          std::string(kArticle));
  std::vector<bool> removed(doc.blocks.size(), false);
  EXPECT_EQ(JudgeContent(doc, removed, removed, Favor::kBalanced).headline_text,
            "Council starts night buses for late shift workers in 2015");
  Document dated = FromText("Night buses Monday April 16 2015\n\n" + std::string(kArticle));
  removed.assign(dated.blocks.size(), false);
  EXPECT_EQ(JudgeContent(dated, removed, removed, Favor::kBalanced).headline_text, "");
  Document posted = FromText("Night buses: a post by anna on Mon 13 Jan 2025, 19:42\n\n" + std::string(kArticle));
  removed.assign(posted.blocks.size(), false);
  EXPECT_EQ(JudgeContent(posted, removed, removed, Favor::kBalanced).headline_text, "");
}

TEST(ContentTest, HeadlineOfOneNameAndAStopWord) {
  // "New Zealand": one word that is no stop word, which the article repeats
  // again and again; "Contents", a label it never says, is no headline.
  std::string article;
  for (int i = 0; i < 8; ++i) {
    article += "Zealand is an island country, and the people of Zealand say that Zealand has more sheep than "
               "people, which is what the visitors to Zealand have always said about it too.\n\n";
  }
  Document doc = FromText("Contents\n\nNew Zealand\n\n" + article);
  std::vector<bool> removed(doc.blocks.size(), false);
  EXPECT_EQ(JudgeContent(doc, removed, removed, Favor::kBalanced).headline_text, "New Zealand");
  // Said a few times only, it is a label.
  Document few = FromText("New Zealand\n\n" + std::string(kArticle) + "\nZealand is far away.\n");
  removed.assign(few.blocks.size(), false);
  EXPECT_EQ(JudgeContent(few, removed, removed, Favor::kBalanced).headline_text, "");
}

TEST(ContentTest, LynxLinkBarIsAnArtefact) {
  // lynx opens a page with its <link> elements, up to the first blank line.
  std::string got = Judge("#alternate alternate Night buses start\nRSS Feed\n\n" + std::string(kArticle));
  EXPECT_NE(got.find("renderer-artefact|#alternate alternate Night buses start\n"), std::string::npos) << got;
  EXPECT_NE(got.find("renderer-artefact|RSS Feed\n"), std::string::npos) << got;
  // A Markdown heading is none.
  got = Judge("# Night buses start\n\n" + std::string(kArticle));
  EXPECT_EQ(got.find("renderer-artefact|# Night"), std::string::npos) << got;
}

TEST(ContentTest, NoHeadlineWhenNoHeadingSharesTheArticlesWords) {
  Document doc = FromText("Home\n\nWeather Forecast Tomorrow\n\n" + std::string(kArticle));
  std::vector<bool> removed(doc.blocks.size(), false);
  ContentVerdict v = JudgeContent(doc, removed, removed, Favor::kBalanced);
  EXPECT_EQ(v.headline, -1);
  EXPECT_EQ(v.headline_text, "");
}

}  // namespace
}  // namespace pagewash::internal

namespace pagewash::internal {
namespace {

TEST(ContentTest, ImageFileNamesAndBareNumbersAreArtefacts) {
  std::string page = "IMG_4173.jpg\n\n" + std::string(kArticle) + "\n600\n\n20%\n";
  std::string got = Judge(page);
  EXPECT_NE(got.find("renderer-artefact|IMG_4173.jpg\n"), std::string::npos) << got;
  EXPECT_NE(got.find("renderer-artefact|600\n"), std::string::npos) << got;
  EXPECT_NE(got.find("renderer-artefact|20%\n"), std::string::npos) << got;
}

}  // namespace
}  // namespace pagewash::internal

namespace pagewash {
namespace {

TEST(StripContentTest, CodeInsideTheArticleStaysStrayCodeGoes) {
  StripOptions options;
  options.explain = true;
  std::string page = "window.dataLayer = window.dataLayer || [];\n\n" + std::string(internal::kArticle) +
                     "\nconst total = items.reduce((a, b) => a + b, 0);\n\n" + std::string(internal::kArticle);
  Document doc = StripBoilerplate(testing::FromText(page), options);
  std::string kept;
  for (const Block& b : doc.blocks) kept += std::string(doc.Text(b)) + "\n";
  EXPECT_NE(kept.find("const total = items.reduce"), std::string::npos) << kept;
  EXPECT_EQ(kept.find("window.dataLayer"), std::string::npos) << kept;
}

}  // namespace
}  // namespace pagewash
