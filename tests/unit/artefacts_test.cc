#include "artefacts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pagewash::internal {
namespace {

TEST(ArtefactsTest, RendererArtefacts) {
  for (std::string_view line : {"[logo.png]", "IMG_4173.jpg", "IFRAME: https://example.com/embed",
                                "(BUTTON) Search", "____________________", "*", "12 / 40",
                                "[MATH: <mi> a </mi> :MATH]", "![A harbour](harbour.jpg)"}) {
    EXPECT_TRUE(IsRendererArtefact(line)) << line;
  }
  for (std::string_view line :
       {"[1] See the annex for the figures and the notes below.", "The buses run at night.",
        "2.5 million people", "a < b and c > d, as the proof shows"}) {
    EXPECT_FALSE(IsRendererArtefact(line)) << line;
  }
  EXPECT_TRUE(IsNumbersOnly("2015."));
  EXPECT_FALSE(IsNumbersOnly("June 2015."));
}

TEST(ArtefactsTest, LinkBar) {
  EXPECT_TRUE(IsLinkBar("#alternate alternate Night buses"));
  EXPECT_TRUE(IsLinkBar("#RSS Feed"));
  EXPECT_FALSE(IsLinkBar("# Night buses"));  // A Markdown heading.
  EXPECT_FALSE(IsLinkBar("## Night buses"));
  EXPECT_FALSE(IsLinkBar("Night buses #1"));
}

TEST(ArtefactsTest, InlineMarksAreLeftOut) {
  std::string out;
  AppendWithoutInlineMarks("[INS: Say :INS] [INS: Goodbye :INS] to [DEL: old :DEL] snoring", &out);
  EXPECT_EQ(out, "Say Goodbye to old snoring");
  out.clear();
  AppendWithoutInlineMarks("[INS: Apple :INS] [INS:", &out);  // Wrapped: the mark goes on below.
  EXPECT_EQ(out, "Apple");
  out = "kept";
  AppendWithoutInlineMarks("[INS:", &out);  // Only marks: nothing added, nothing taken.
  EXPECT_EQ(out, "kept");
  out.clear();
  AppendWithoutInlineMarks("INSURANCE and DELIVERY", &out);
  EXPECT_EQ(out, "INSURANCE and DELIVERY");
}

// Which lines of `lines`, fed in order, are markup: "m" or "." each.
std::string Markup(const std::vector<std::string_view>& lines) {
  EmbeddedMarkup markup;
  std::string out;
  for (std::string_view line : lines) out += markup.IsMarkup(line) ? 'm' : '.';
  return out;
}

TEST(ArtefactsTest, MathRunsOverLines) {
  // A formula over three lines, then its TeX fallback, then prose.
  EXPECT_EQ(Markup({"The matrix is Hermitian when", "[MATH: <semantics> <mi> A </mi>",
                    "<mo> = </mo> <mi> B </mi>", "</semantics> :MATH]", "{\\displaystyle A=B}",
                    "and only then."}),
            ".mmmm.");
  // Prose before a formula keeps its line; prose after one keeps the line
  // that closes it.
  EXPECT_EQ(Markup({"If the transpose of a matrix [MATH: <semantics>",
                    "<mi> A </mi> </semantics> :MATH] is denoted by", "A, then"}),
            "...");
  EXPECT_EQ(Markup({"[MATH: <mi> x </mi>", "</semantics> :MATH] is one"}), "mm");
  // TeX over two lines, then prose after it on the second.
  EXPECT_EQ(Markup({"{\\displaystyle A^{\\mathsf", "{H}}} , then the Hermitian property can be",
                    "written"}),
            "m..");
}

}  // namespace
}  // namespace pagewash::internal
