#include "strip/shapes.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace pagewash::internal {
namespace {

struct Case {
  std::string_view in;
  bool want;
};

// Runs `detector` on every case and names the line that fails.
template <typename Detector>
void Check(Detector detector, std::initializer_list<Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(detector(c.in), c.want) << '"' << c.in << '"';
}

TEST(ShapesTest, AllDigits) {
  Check(AllDigits,
        {{"0", true}, {"2024", true}, {"", false}, {"12a", false}, {"-1", false}, {"1 2", false}});
}

TEST(ShapesTest, LooksLikeName) {
  Check(LooksLikeName,
        {
            {"Hannah Price", true},
            {"Ludwig van Beethoven", true},
            {"Jan K.", true},
            {"Łucja Żak-Nowak", true},
            {"Anna", true},
            {"", false},
            {"hannah Price", false},                       // The first word is capitalised.
            {"Hannah Price!", false},                      // No sentence punctuation.
            {"Hannah Price wrote this.", false},           // A final '.' only after an initial.
            {"Agent 007", false},                          // No digits.
            {"One Two Three Four Five Six Seven", false},  // At most six words.
            {"Anna from the committee", false},  // Long lowercase words are not particles.
        });
}

TEST(ShapesTest, TrimSeparators) {
  const struct {
    std::string_view in, want;
  } cases[] = {
      {"Hannah Price", "Hannah Price"},
      {": Hannah Price", "Hannah Price"},
      {" – · Hannah Price, |", "Hannah Price"},
      {"| 14.05.2024", "14.05.2024"},
      {"—", ""},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(TrimSeparators(c.in), c.want) << '"' << c.in << '"';
}

TEST(ShapesTest, LooksLikeJson) {
  Check(LooksLikeJson, {
                           {R"({"register":{"columns":[]}})", true},
                           {"[1, 2, 3]", true},
                           {"{}", true},
                           {R"({"a": 1)", false},
                           {"{not json}", false},
                           {"[citation needed]", false},
                           {"{", false},
                           {"Plain text.", false},
                       });
}

TEST(ShapesTest, LooksLikeScriptOrStyle) {
  Check(LooksLikeScriptOrStyle, {
                                    {"window.dataLayer = window.dataLayer || [];", true},
                                    {"function gtag(){dataLayer.push(arguments);}", true},
                                    {"gtag('config','G-XXXX');", true},
                                    {".banner{display:none;color:red}", true},
                                    {"The meeting starts at 10 (in room 4).", false},
                                    {"Bring a pen, a notebook and a calculator;", false},
                                    {"A short {note}", false},
                                    {"x();", false},  // Too short to tell.
                                });
}

TEST(ShapesTest, LooksLikeLinkBar) {
  Check(LooksLikeLinkBar,
        {
            {"Privacy | Accessibility | Contact", true},
            {"Home · About · Blog · Shop", true},
            {"News / Sport / Weather", true},
            {"Cours d'anglais ▪ Annonces auto ▪ Shopping ▪", true},  // Wrapped: ends with one.
            {"Privacy | Contact", false},  // Three segments at least.
            {"We met. | It rained all day long. | Then we left.", false},
            {"Privacy | Accessibility · Contact", false},  // One kind of separator.
            {"No separators at all", false},
        });
}

TEST(ShapesTest, LooksLikeTrail) {
  Check(LooksLikeTrail, {
                            {"Home > News > Politics", true},
                            {"Accueil › Actualités › Europe", true},
                            {"A → B → C", true},
                            {"Home > News", false},  // A home word is the matcher's to see.
                            {"Home | News | Politics", false},  // A menu's separator.
                            {"a>b>c", false},
                            {"∇ × B → − 1 c = 4 π c j → ∇ ⋅ E →", false},  // An equation.
                        });
}

TEST(ShapesTest, HasPostalCode) {
  Check(HasPostalCode, {
                           {"Main Street 1, 12345 Berlin", true},
                           {"ul. Wiejska 4/6/8, 00-902 Warszawa", true},
                           {"Stationsplein 1, 8000 AA Zwolle", true},
                           {"1 High Street, Halifax HX7 8AA", true},
                           {"12345", true},
                           {"Order 123456 shipped", false},  // Six digits.
                           {"Call 0800 123 456", false},
                           {"In 2024 we grew", false},
                           {"Room 12-34", false},
                       });
}

TEST(ShapesTest, SenderName) {
  const struct {
    std::string_view in, want;
  } cases[] = {
      {"Marta Kowalczyk marta.k at example.org", "Marta Kowalczyk"},
      {"Jan Nowak <jan@example.pl>", "Jan Nowak"},
      {"Jan Nowak (jan@example.pl)", "Jan Nowak"},
      {"jan@example.pl", ""},                      // No name.
      {"Write to jan@example.pl today", ""},       // Text after the address.
      {"Jan Nowak jan at home", ""},               // No domain.
      {"the best of us at example.org", ""},       // Not a name.
      {"Marta Kowalczyk marta.k at example", ""},  // A domain has a dot.
  };
  for (const auto& c : cases) EXPECT_EQ(SenderName(c.in), c.want) << '"' << c.in << '"';
}

TEST(ShapesTest, IsDateNumber) {
  Check(IsDateNumber, {
                          {"12", true},
                          {"2024", true},
                          {"3rd", true},
                          {"1er", true},
                          {"06h30", true},
                          {"21st", true},
                          {"12345", false},
                          {"123rd", false},
                          {"h30", false},
                          {"06h", false},
                          {"May", false},
                      });
}

TEST(ShapesTest, LooksLikeLinkTitle) {
  const struct {
    std::string_view in;
    std::uint32_t words;
    bool want;
  } cases[] = {
      {"How to grow tomatoes from seed", 6, true},
      {"Is it time to repot?", 5, true},
      {"Tomatoes (part 2)", 3, true},
      {"We planted the seeds in March.", 6, false},
      {"", 0, false},
      {"One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
       15, false},
  };
  for (const auto& c : cases)
    EXPECT_EQ(LooksLikeLinkTitle(c.in, c.words), c.want) << '"' << c.in << '"';
}

}  // namespace
}  // namespace pagewash::internal
