#include "pagewash/language.h"

#include <gtest/gtest.h>

#include "tests/support/testdata.h"

namespace pagewash {
namespace {

TEST(LanguageTest, ScriptsAndStopWords) {
  struct Case {
    std::string_view text, code;
  };
  const Case cases[] = {
      {"The ministry said that the agreement was signed in Warsaw and it is now in force.", "en"},
      {"Ministerstwo poinformowało, że umowa została podpisana w Warszawie i jest już w mocy.", "pl"},
      {"Das Ministerium teilte mit, dass der Vertrag in Warschau unterzeichnet wurde und nun gilt.", "de"},
      {"Le ministère a indiqué que l'accord a été signé à Varsovie et qu'il est en vigueur.", "fr"},
      {"Міністерство повідомило, що угоду підписали у Варшаві і вона вже діє для всіх.", "uk"},
      {"Министерство сообщило, что соглашение было подписано в Варшаве и уже действует для всех.", "ru"},
      {"外務省は、協定がワルシャワで署名され、すでに発効していると発表しました。", "ja"},
      {"Το υπουργείο ανακοίνωσε ότι η συμφωνία υπογράφηκε στη Βαρσοβία και ισχύει ήδη.", "el"},
      {"Too short.", "und"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DetectLanguage(testing::FromText(c.text)), c.code) << c.text;
  }
}

}  // namespace
}  // namespace pagewash
