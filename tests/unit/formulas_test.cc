#include "strip/formulas.h"

#include <gtest/gtest.h>

namespace pagewash::internal {
namespace {

TEST(FormulaTextTest, AFormulaOnOneLineBecomesItsCharacters) {
  std::vector<std::string_view> lines = {"When",
                                         "[MATH: <mi> a </mi> <mo> ≠ </mo> <mn> 0 </mn> :MATH]",
                                         ", there are two solutions"};
  std::vector<FormulaLine> shown = FormulaText(lines);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].index, 1u);
  EXPECT_EQ(shown[0].text, "a ≠ 0");
}

TEST(FormulaTextTest, WordsAroundAFormulaStayAndATagMayRunOverLines) {
  std::vector<std::string_view> lines = {
      "coins is: [MATH: <mi> P </mi> <mo",
      "stretchy=\"false\"> ( </mo> <mi> E </mi> <mo> ) </mo>",
      "<mtable columnalign=\"right left right left",
      "right left\"> <mtr> :MATH] and so on",
      "plain prose"};
  std::vector<FormulaLine> shown = FormulaText(lines);
  ASSERT_EQ(shown.size(), 4u);
  // One line, as a reader sees it; the tag's attributes are no text.
  EXPECT_EQ(shown[0].text, "coins is: P ( E ) and so on");
  EXPECT_FALSE(shown[0].continues);
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(shown[i].index, i);
    EXPECT_EQ(shown[i].text, "");
    EXPECT_TRUE(shown[i].continues);
  }
}

TEST(FormulaTextTest, ALessThanSignIsACharacter) {
  std::vector<std::string_view> lines = {"[MATH: <mi> q </mi> <mo> < </mo> <mn> 1 </mn> :MATH]"};
  std::vector<FormulaLine> shown = FormulaText(lines);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].text, "q < 1");
}

TEST(FormulaTextTest, TwoFormulasOnOneLine) {
  std::vector<std::string_view> lines = {
      "[MATH: <mi> k </mi> :MATH] heads when flipping [MATH: <mi> n",
      "</mi> :MATH] coins"};
  std::vector<FormulaLine> shown = FormulaText(lines);
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[0].text, "k heads when flipping n coins");
  EXPECT_TRUE(shown[1].continues);
}

TEST(FormulaTextTest, AFormulaOfOnlyMarkupHasNoText) {
  std::vector<std::string_view> lines = {"[MATH: <mspace width=\"1em\">", "</mspace> :MATH]"};
  std::vector<FormulaLine> shown = FormulaText(lines);
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[0].text, "");
  EXPECT_FALSE(shown[0].continues);
  EXPECT_TRUE(shown[1].continues);
}

TEST(FormulaTextTest, AFormulaWithItsTexSourceIsLeftAlone) {
  std::vector<std::string_view> lines = {
      "[MATH: <semantics> <mi> A </mi>",
      "<annotation encoding=\"application/x-tex\"> {\\displaystyle A}",
      "</annotation> </semantics> :MATH]",
      "[MATH: <mi> b </mi> :MATH]"};
  std::vector<FormulaLine> shown = FormulaText(lines);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].index, 3u);
  EXPECT_EQ(shown[0].text, "b");
}

TEST(FormulaTextTest, AFormulaNeverClosedIsLeftAlone) {
  std::vector<std::string_view> lines = {"[MATH: <mi> a </mi> :MATH]", "[MATH: <mi> b </mi>",
                                         "<mo> + </mo>"};
  std::vector<FormulaLine> shown = FormulaText(lines);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].text, "a");
}

TEST(FormulaTextTest, LinesWithoutFormulasGiveNothing) {
  std::vector<std::string_view> lines = {"a < b and c > d", "[MATH is not a mark"};
  EXPECT_TRUE(FormulaText(lines).empty());
}

}  // namespace
}  // namespace pagewash::internal
