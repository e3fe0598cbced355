#include "text/unicode.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/icu_failure.h"
#include "text/tokenize.h"

namespace pagewash {
namespace {

using testing::FailIcuAllocations;
using testing::NeedsIcuMemory;

TEST(UnicodeTest, NormalizeNfcComposes) {
  std::string s = "e\xCC\x81", scratch;  // e + combining acute.
  ASSERT_TRUE(text::NormalizeNfc(&s, &scratch).ok());
  EXPECT_EQ(s, "\xC3\xA9");
}

TEST(UnicodeTest, NormalizeNfcReportsAnIcuFailureAndKeepsTheText) {
  FailIcuAllocations failing;
  std::string s = NeedsIcuMemory(), scratch;
  Status status = text::NormalizeNfc(&s, &scratch);
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(status.message(), "ICU could not put it in NFC (U_MEMORY_ALLOCATION_ERROR)");
  EXPECT_EQ(s, NeedsIcuMemory());
}

TEST(UnicodeTest, AppendNfkcCasefoldReportsAnIcuFailureAndAppendsTheTextUnfolded) {
  FailIcuAllocations failing;
  std::string out = "x";
  Status status = text::AppendNfkcCasefold(NeedsIcuMemory(), &out);
  EXPECT_EQ(status.message(), "ICU could not case-fold it (U_MEMORY_ALLOCATION_ERROR)");
  EXPECT_EQ(out, "x" + NeedsIcuMemory());
}

TEST(UnicodeTest, TokenizeNfkcFallsBackToTheTokenizersFoldingOnAnIcuFailure) {
  const std::string text = "\xEF\xAC\x81" "ND " + NeedsIcuMemory();  // The "fi" ligature.
  text::TokenizedText folded, fallback;
  std::string scratch;
  ASSERT_TRUE(text::TokenizeNfkc(text, &folded, &scratch).ok());
  {
    FailIcuAllocations failing;
    EXPECT_EQ(text::TokenizeNfkc(text, &fallback, &scratch).message(),
              "ICU could not case-fold it (U_MEMORY_ALLOCATION_ERROR)");
  }
  text::TokenizedText plain;
  text::Tokenize(text, &plain);
  EXPECT_EQ(fallback.key, plain.key);
  EXPECT_NE(fallback.key, folded.key);  // The ligature stays one letter.
}

}  // namespace
}  // namespace pagewash
