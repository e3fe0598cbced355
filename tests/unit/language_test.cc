#include "pagewash/language.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/testdata.h"

namespace pagewash {
namespace {

struct Case {
  std::string_view code, text;
};

// One hand-written sentence per language, 60 to 120 bytes: the short texts.
const Case kSentences[] = {
    {"en", "The ministry said that the agreement was signed in Warsaw and it is now in force."},
    {"pl", "Ministerstwo poinformowało, że umowa została podpisana w Warszawie i jest już w mocy."},
    {"de",
     "Das Ministerium teilte mit, dass der Vertrag in Warschau unterzeichnet wurde und nun gilt."},
    {"fr", "Le ministère a indiqué que l'accord a été signé à Varsovie et qu'il est en vigueur."},
    {"es", "El ministerio informó de que el acuerdo se firmó en Varsovia y ya está en vigor."},
    {"it",
     "Il ministero ha comunicato che l'accordo è stato firmato a Varsavia ed è già in vigore."},
    {"pt", "O ministério informou que o acordo foi assinado em Varsóvia e já está em vigor."},
    {"nl",
     "Het ministerie meldde dat de overeenkomst in Warschau is ondertekend en nu van kracht is."},
    {"sv",
     "Ministeriet meddelade att avtalet har undertecknats i Warszawa och att det redan gäller."},
    {"da",
     "Ministeriet oplyste, at aftalen er underskrevet i Warszawa og allerede er trådt i kraft."},
    {"no", "Departementet opplyste at avtalen er signert i Warszawa og at den allerede gjelder."},
    {"fi",
     "Ministeriö kertoi, että sopimus allekirjoitettiin Varsovassa ja että se on jo voimassa."},
    {"tr",
     "Bakanlık, anlaşmanın Varşova'da imzalandığını ve şu anda yürürlükte olduğunu açıkladı."},
    {"cs", "Ministerstvo oznámilo, že dohoda byla podepsána ve Varšavě a už platí pro všechny."},
    {"hu",
     "A minisztérium közölte, hogy a megállapodást Varsóban írták alá, és már hatályban van."},
    {"ro", "Ministerul a anunțat că acordul a fost semnat la Varșovia și că este deja în vigoare."},
    {"uk", "Міністерство повідомило, що угоду підписали у Варшаві і вона вже діє для всіх."},
    {"ru",
     "Министерство сообщило, что соглашение было подписано в Варшаве и уже действует для всех."},
    {"bg", "Министерството съобщи, че споразумението е подписано във Варшава и вече е в сила."},
    {"el", "Το υπουργείο ανακοίνωσε ότι η συμφωνία υπογράφηκε στη Βαρσοβία και ισχύει ήδη."},
    {"ar", "أعلنت الوزارة أن الاتفاقية وقعت في وارسو وأنها سارية المفعول الآن."},
    {"he", "משרד החוץ הודיע כי ההסכם נחתם בוורשה והוא כבר בתוקף."},
    {"fa", "وزارت اعلام کرد که این توافق در ورشو امضا شده و اکنون اجرایی است."},
    {"hi", "मंत्रालय ने बताया कि समझौते पर वारसॉ में हस्ताक्षर किए गए और यह अब लागू है।"},
    {"zh", "外交部表示，该协议已在华沙签署，目前已经生效。"},
    {"ja", "外務省は、協定がワルシャワで署名され、すでに発効していると発表しました。"},
    {"ko", "외교부는 협정이 바르샤바에서 서명되었으며 이미 발효되었다고 밝혔습니다."},
    {"th", "กระทรวงการต่างประเทศแจ้งว่าข้อตกลงได้ลงนามที่กรุงวอร์ซอและมีผลบังคับใช้แล้ว"},
    {"vi", "Bộ cho biết hiệp định đã được ký tại Vác-sa-va và hiện đã có hiệu lực."},
    {"id",
     "Kementerian mengatakan bahwa perjanjian itu ditandatangani di Warsawa dan sudah berlaku."},
    {"ka", "სამინისტრომ განაცხადა, რომ შეთანხმება ვარშავაში გაფორმდა და უკვე ძალაშია."},
    {"hy",
     "Նախարարությունը հայտնեց, որ համաձայնագիրը ստորագրվել է Վարշավայում և արդեն ուժի մեջ է։"},
};

// A second sentence in 22 of them; with the first, each paragraph twice, on
// separate lines: the long texts (the sample then holds whole paragraphs).
const Case kSecondSentences[] = {
    {"en",
     "Tickets for the evening concert can be bought at the box office or online until Friday."},
    {"pl", "Bilety na wieczorny koncert można kupić w kasie albo przez internet do piątku."},
    {"de", "Karten für das Abendkonzert gibt es an der Kasse oder im Internet bis Freitag."},
    {"fr",
     "Les billets pour le concert du soir sont en vente au guichet ou en ligne jusqu'à vendredi."},
    {"es",
     "Las entradas para el concierto de la noche se pueden comprar en taquilla o por internet "
     "hasta el viernes."},
    {"it",
     "I biglietti per il concerto serale si possono comprare al botteghino o online fino a "
     "venerdì."},
    {"pt",
     "Os bilhetes para o concerto da noite podem ser comprados na bilheteira ou na internet até "
     "sexta-feira."},
    {"nl", "Kaartjes voor het avondconcert zijn tot vrijdag te koop aan de kassa of via internet."},
    {"sv",
     "Biljetter till kvällens konsert kan köpas i biljettkassan eller på nätet fram till fredag."},
    {"da", "Billetter til aftenkoncerten kan købes i billetlugen eller på nettet indtil fredag."},
    {"fi", "Iltakonsertin liput voi ostaa lippukassalta tai verkosta perjantaihin asti."},
    {"tr",
     "Akşam konserinin biletleri cuma gününe kadar gişeden ya da internetten satın alınabilir."},
    {"cs", "Vstupenky na večerní koncert si můžete koupit v pokladně nebo na internetu do pátku."},
    {"hu",
     "Az esti koncertre a jegyeket péntekig lehet megvásárolni a pénztárban vagy az interneten."},
    {"uk", "Квитки на вечірній концерт можна придбати в касі або в інтернеті до п'ятниці."},
    {"ru", "Билеты на вечерний концерт можно купить в кассе или в интернете до пятницы."},
    {"el",
     "Τα εισιτήρια για τη βραδινή συναυλία πωλούνται στο ταμείο ή στο διαδίκτυο μέχρι την "
     "Παρασκευή."},
    {"ar", "يمكن شراء تذاكر الحفل المسائي من شباك التذاكر أو عبر الإنترنت حتى يوم الجمعة."},
    {"zh", "晚上音乐会的门票可以在售票处或网上购买，截止到星期五。"},
    {"ja", "夜のコンサートのチケットは、金曜日まで窓口またはインターネットで購入できます。"},
    {"ko", "저녁 음악회 표는 금요일까지 매표소나 인터넷에서 살 수 있습니다."},
    {"vi", "Vé cho buổi hòa nhạc tối có thể mua tại quầy vé hoặc trên mạng đến thứ Sáu."},
};

TEST(LanguageTest, OneSentenceInEachLanguage) {
  for (const Case& c : kSentences) {
    LanguageGuess guess = DetectLanguage(testing::FromText(c.text));
    EXPECT_EQ(guess.code, c.code) << c.text;
    // One language throughout: CLD2 gives it (nearly) all of the text.
    EXPECT_GE(guess.score, 0.9) << c.text;
    EXPECT_LE(guess.score, 1.0) << c.text;
  }
}

TEST(LanguageTest, ParagraphsInEachLanguage) {
  for (const Case& second : kSecondSentences) {
    std::string_view first;
    for (const Case& c : kSentences) {
      if (c.code == second.code) first = c.text;
    }
    ASSERT_FALSE(first.empty()) << second.code;
    std::string page;
    for (int i = 0; i < 2; ++i) {
      page.append(first).append(" ").append(second.text).append("\n\n");
    }
    EXPECT_EQ(DetectLanguage(testing::FromText(page)).code, second.code) << page;
  }
}

TEST(LanguageTest, ShortTexts) {
  const Case cases[] = {
      // Two sentences of Russian, and a few words of Swedish and Turkish:
      // the stop-word profiles alone knew none of them.
      {"ru", "Мы приехали вчера вечером. Гостиница оказалась очень уютной."},
      {"sv", "Vi kom fram sent i går kväll och hotellet var mysigt."},
      {"tr", "Dün akşam geç geldik ve otel çok rahattı."},
      // Fewer than 20 letters: nothing can tell.
      {"und", "Too short."},
      {"und", "Hej! Hur mår du?"},
      {"und", "12:00 – 17:00, €25"},
      {"und", ""},
  };
  for (const Case& c : cases) {
    LanguageGuess guess = DetectLanguage(testing::FromText(c.text));
    EXPECT_EQ(guess.code, c.code) << c.text;
    if (c.code == "und") {
      EXPECT_EQ(guess.score, 0) << c.text;
    }
  }
}

TEST(LanguageTest, CodesAreIso639) {
  // CLD2 says "iw" for Hebrew and "zh-Hant" for traditional Chinese.
  EXPECT_EQ(
      DetectLanguage(testing::FromText("משרד החוץ הודיע כי ההסכם נחתם בוורשה והוא כבר בתוקף."))
          .code,
      "he");
  EXPECT_EQ(
      DetectLanguage(testing::FromText("我們週末喜歡去公園散步，天氣很好，大家都很開心。")).code,
      "zh");
}

TEST(LanguageTest, MixedPagesGoToTheMajority) {
  const std::string en =
      "The ministry said that the agreement was signed in Warsaw and it is now in force. "
      "Tickets for the evening concert can be bought at the box office or online until Friday.\n\n";
  const std::string de =
      "Das Ministerium teilte mit, dass der Vertrag in Warschau unterzeichnet wurde und nun "
      "gilt.\n\n";
  const std::string pl =
      "Ministerstwo poinformowało, że umowa została podpisana w Warszawie i jest już w mocy. "
      "Bilety na wieczorny koncert można kupić w kasie albo przez internet do piątku.\n\n";
  const std::string uk =
      "Міністерство повідомило, що угоду підписали у Варшаві і вона вже діє для всіх.\n\n";

  LanguageGuess guess = DetectLanguage(testing::FromText(en + de + en + en));
  EXPECT_EQ(guess.code, "en");
  // The German paragraph is about a seventh of the text.
  EXPECT_GT(guess.score, 0.7);
  EXPECT_LT(guess.score, 0.95);

  guess = DetectLanguage(testing::FromText(de + pl + pl + uk));
  EXPECT_EQ(guess.code, "pl");
  EXPECT_LT(guess.score, 0.8);

  // A page of English furniture around one long Ukrainian article.
  std::string page = "Home | News | Contact\n\n";
  for (int i = 0; i < 4; ++i) page += uk;
  page += "Subscribe to our newsletter for more news.\n\n";
  EXPECT_EQ(DetectLanguage(testing::FromText(page)).code, "uk");
}

TEST(LanguageTest, MajorityOfTheWholeSampleWins) {
  // A kilobyte of English, then three of German: the page opens in English
  // but is German.
  std::string page;
  while (page.size() < 1100) {
    page += "The ministry said that the agreement was signed in Warsaw and it is now in force.\n\n";
  }
  while (page.size() < 4000) {
    page += "Das Ministerium teilte mit, dass der Vertrag in Warschau unterzeichnet wurde.\n\n";
  }
  LanguageGuess guess = DetectLanguage(testing::FromText(page));
  EXPECT_EQ(guess.code, "de");
  EXPECT_GT(guess.score, 0.6);
  EXPECT_LT(guess.score, 0.85);
}

TEST(LanguageTest, SampleIsBounded) {
  // 4 KiB of Polish, then English: only the Polish is read. Two-byte
  // letters ("ł", "ż") straddle the cut for some lengths; the sample must
  // still be valid UTF-8 for CLD2 to read it.
  for (std::size_t pad = 0; pad < 4; ++pad) {
    std::string page(pad, 'x');
    page += "\n\n";
    while (page.size() < 4200) page += "Zażółć gęślą jaźń, łódź płynie. ";
    page += "\n\n";
    for (int i = 0; i < 60; ++i)
      page += "The ministry said that the agreement was signed in Warsaw. ";
    LanguageGuess guess = DetectLanguage(testing::FromText(page));
    EXPECT_EQ(guess.code, "pl") << pad;
  }
}

TEST(LanguageTest, MetadataCarriesCodeAndScore) {
  Document doc = testing::FromText(kSentences[0].text);
  AddLanguageMetadata(&doc);
  EXPECT_EQ(doc.GetMetadata("language"), "en");
  EXPECT_EQ(doc.GetMetadata("language_score"), "0.98");
  bool raw = false;
  for (const MetadataEntry& e : doc.metadata) {
    if (e.key == "language_score") raw = e.raw_json;
  }
  EXPECT_TRUE(raw) << "language_score must be written as a JSON number";

  Document empty = testing::FromText("");
  AddLanguageMetadata(&empty);
  EXPECT_EQ(empty.GetMetadata("language"), "und");
  EXPECT_EQ(empty.GetMetadata("language_score"), "0");
}

}  // namespace
}  // namespace pagewash
