#include "text/encoding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace pagewash::text {
namespace {

using std::string_literals::operator""s;
using std::string_view_literals::operator""sv;

// The same sentences in UTF-8 and in a legacy encoding, byte for byte.
constexpr std::string_view kGermanUtf8 =
    "Der B\xC3\xBCrgermeister hat heute die Stra\xC3\x9F"
    "e f\xC3\xBCr den Verkehr ge\xC3\xB6"
    "ffnet. Die B\xC3\xBCrger freuen sich \xC3\xBC"
    "ber die sch\xC3\xB6ne neue Br\xC3\xBC"
    "cke, die 5 \xE2\x82\xAC Maut kostet.";
constexpr std::string_view kGermanCp1252 =
    "Der B\xFCrgermeister hat heute die Stra\xDF"
    "e f\xFCr den Verkehr ge\xF6"
    "ffnet. Die B\xFCrger freuen sich \xFC"
    "ber die sch\xF6ne neue Br\xFC"
    "cke, die 5 \x80 Maut kostet.";
constexpr std::string_view kPolishUtf8 =
    "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 ja\xC5\xBA\xC5\x84. Wczoraj w "
    "Krakowie odby\xC5\x82o si\xC4\x99 spotkanie mieszka\xC5\x84"
    "c\xC3\xB3w, kt\xC3\xB3rzy rozmawiali o przysz\xC5\x82o\xC5\x9B"
    "ci miejskiej komunikacji i o tym, \xC5\xBC"
    "e autobusy s\xC4\x85 zbyt cz\xC4\x99sto sp\xC3\xB3\xC5\xBAnione.";
constexpr std::string_view kPolishLatin2 =
    "Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1. Wczoraj w Krakowie odby\xB3o si\xEA spotkanie "
    "mieszka\xF1"
    "c\xF3w, kt\xF3rzy rozmawiali o przysz\xB3o\xB6"
    "ci miejskiej komunikacji i o tym, \xBF"
    "e autobusy s\xB1 zbyt cz\xEAsto sp\xF3\xBCnione.";
constexpr std::string_view kCzechUtf8 =
    "P\xC5\x99\xC3\xADli\xC5\xA1 \xC5\xBElu\xC5\xA5ou\xC4\x8Dk\xC3\xBD k\xC5\xAF\xC5\x88 "
    "\xC3\xBAp\xC4\x9Bl \xC4\x8F\xC3\xA1"
    "belsk\xC3\xA9 \xC3\xB3"
    "dy. V\xC4\x8D"
    "era se v Praze konalo setk\xC3\xA1n\xC3\xAD obyvatel, kte\xC5\x99\xC3\xAD mluvili o "
    "budoucnosti m\xC4\x9Bstsk\xC3\xA9 dopravy.";
constexpr std::string_view kCzechCp1250 =
    "P\xF8\xEDli\x9A \x9Elu\x9Dou\xE8k\xFD k\xF9\xF2 \xFAp\xECl \xEF\xE1"
    "belsk\xE9 \xF3"
    "dy. V\xE8"
    "era se v Praze konalo setk\xE1n\xED obyvatel, kte\xF8\xED mluvili o budoucnosti m\xECstsk\xE9 "
    "dopravy.";
constexpr std::string_view kRussianUtf8 =
    "\xD0\x92\xD1\x87\xD0\xB5\xD1\x80\xD0\xB0 \xD0\xB2 "
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 "
    "\xD0\xBF\xD1\x80\xD0\xBE\xD1\x88\xD0\xBB\xD0\xBE "
    "\xD1\x81\xD0\xBE\xD0\xB1\xD1\x80\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB5 "
    "\xD0\xB6\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xB9, "
    "\xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD1\x8B\xD0\xB5 "
    "\xD0\xBE\xD0\xB1\xD1\x81\xD1\x83\xD0\xB6\xD0\xB4\xD0\xB0\xD0\xBB\xD0\xB8 "
    "\xD0\xB1\xD1\x83\xD0\xB4\xD1\x83\xD1\x89\xD0\xB5\xD0\xB5 "
    "\xD0\xB3\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB3\xD0\xBE "
    "\xD1\x82\xD1\x80\xD0\xB0\xD0\xBD\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82\xD0\xB0 \xD0\xB8 "
    "\xD1\x82\xD0\xBE, \xD1\x87\xD1\x82\xD0\xBE "
    "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD0\xB1\xD1\x83\xD1\x81\xD1\x8B "
    "\xD1\x81\xD0\xBB\xD0\xB8\xD1\x88\xD0\xBA\xD0\xBE\xD0\xBC "
    "\xD1\x87\xD0\xB0\xD1\x81\xD1\x82\xD0\xBE "
    "\xD0\xBE\xD0\xBF\xD0\xB0\xD0\xB7\xD0\xB4\xD1\x8B\xD0\xB2\xD0\xB0\xD1\x8E\xD1\x82.";
constexpr std::string_view kRussianKoi8 =
    "\xF7\xDE\xC5\xD2\xC1 \xD7 \xED\xCF\xD3\xCB\xD7\xC5 \xD0\xD2\xCF\xDB\xCC\xCF "
    "\xD3\xCF\xC2\xD2\xC1\xCE\xC9\xC5 \xD6\xC9\xD4\xC5\xCC\xC5\xCA, \xCB\xCF\xD4\xCF\xD2\xD9\xC5 "
    "\xCF\xC2\xD3\xD5\xD6\xC4\xC1\xCC\xC9 \xC2\xD5\xC4\xD5\xDD\xC5\xC5 "
    "\xC7\xCF\xD2\xCF\xC4\xD3\xCB\xCF\xC7\xCF \xD4\xD2\xC1\xCE\xD3\xD0\xCF\xD2\xD4\xC1 \xC9 "
    "\xD4\xCF, \xDE\xD4\xCF \xC1\xD7\xD4\xCF\xC2\xD5\xD3\xD9 \xD3\xCC\xC9\xDB\xCB\xCF\xCD "
    "\xDE\xC1\xD3\xD4\xCF \xCF\xD0\xC1\xDA\xC4\xD9\xD7\xC1\xC0\xD4.";

struct Case {
  std::string_view name;
  std::string_view bytes;
  std::vector<std::string_view> encodings;  // What detection may name.
  std::string_view utf8;                    // The text, converted.
};

TEST(EncodingTest, DetectsAndConverts) {
  const Case cases[] = {
      {"German, Windows-1252 (the euro sign is 0x80)",
       kGermanCp1252,
       {"windows-1252"},
       kGermanUtf8},
      {"Polish, ISO-8859-2", kPolishLatin2, {"ISO-8859-2"}, kPolishUtf8},
      {"Czech, Windows-1250", kCzechCp1250, {"windows-1250"}, kCzechUtf8},
      {"Russian, KOI8-R", kRussianKoi8, {"KOI8-R"}, kRussianUtf8},
  };
  for (const Case& c : cases) {
    std::string name = DetectEncoding(c.bytes);
    EXPECT_NE(std::find(c.encodings.begin(), c.encodings.end(), name), c.encodings.end())
        << c.name << ": " << name;
    std::string utf8;
    ASSERT_TRUE(ConvertToUtf8(c.bytes, name, &utf8).ok()) << c.name;
    EXPECT_EQ(utf8, c.utf8) << c.name;
  }
}

TEST(EncodingTest, ByteOrderMarksComeFirst) {
  const Case cases[] = {
      {"UTF-8", "\xEF\xBB\xBFHi", {"UTF-8"}, "\xEF\xBB\xBFHi"},
      {"UTF-16LE", "\xFF\xFEH\0i\0"sv, {"UTF-16LE"}, "\xEF\xBB\xBFHi"},
      {"UTF-16BE", "\xFE\xFF\0H\0i\x04\x10"sv, {"UTF-16BE"}, "\xEF\xBB\xBFHi\xD0\x90"},
      {"UTF-32LE, not UTF-16LE", "\xFF\xFE\0\0H\0\0\0"sv, {"UTF-32LE"}, "\xEF\xBB\xBFH"},
      {"UTF-32BE", "\0\0\xFE\xFF\0\0\0H"sv, {"UTF-32BE"}, "\xEF\xBB\xBFH"},
  };
  for (const Case& c : cases) {
    std::string name = DetectEncoding(c.bytes);
    EXPECT_EQ(name, c.encodings[0]) << c.name;
    std::string utf8;
    ASSERT_TRUE(ConvertToUtf8(c.bytes, name, &utf8).ok()) << c.name;
    EXPECT_EQ(utf8, c.utf8) << c.name;
  }
}

TEST(EncodingTest, MostlyValidUtf8IsUtf8) {
  EXPECT_EQ(DetectEncoding(kRussianUtf8), "UTF-8");
  EXPECT_EQ(DetectEncoding("plain ASCII"), "UTF-8");
  EXPECT_EQ(DetectEncoding(""), "UTF-8");
  // One damaged byte among many valid sequences: repaired by the reader,
  // not read as a code page.
  std::string damaged(kRussianUtf8);
  damaged += damaged;
  damaged[1] = '\xFF';
  EXPECT_EQ(DetectEncoding(damaged), "UTF-8");
  // Eleven valid multi-byte sequences and one invalid: UTF-8.
  EXPECT_EQ(DetectEncoding("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3"
                           "\xA9\xC3\xA9\xC3\xA9 \xFF"),
            "UTF-8");
  // A code page text and its UTF-8 copy: one invalid for each valid.
  std::string mixed = std::string(kGermanCp1252) + std::string(kGermanUtf8);
  EXPECT_NE(DetectEncoding(mixed), "UTF-8");
}

TEST(EncodingTest, UnknownEncodingNamesAreRefused) {
  EXPECT_TRUE(IsUtf8Name("UTF-8"));
  EXPECT_TRUE(IsUtf8Name("utf8"));
  EXPECT_FALSE(IsUtf8Name("UTF-16LE"));
  EXPECT_TRUE(CheckEncoding("windows-1250").ok());
  EXPECT_TRUE(CheckEncoding("latin2").ok());
  EXPECT_EQ(CheckEncoding("klingon-8").message(), "unknown encoding 'klingon-8'");
  EXPECT_EQ(CheckEncoding("").message(), "unknown encoding ''");
  std::string out;
  EXPECT_EQ(ConvertToUtf8("a", "klingon-8", &out).message(), "unknown encoding 'klingon-8'");
}

TEST(EncodingTest, InvalidBytesInTheEncodingAreSubstituted) {
  std::string out;
  // 0xFF is not a character in Shift_JIS as a lead byte.
  ASSERT_TRUE(ConvertToUtf8("a\xFF"
                            "b",
                            "Shift_JIS", &out)
                  .ok());
  EXPECT_EQ(out.front(), 'a');
  EXPECT_EQ(out.back(), 'b');
  EXPECT_GT(out.size(), 2u);
}

}  // namespace
}  // namespace pagewash::text
