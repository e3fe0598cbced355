#include "pagewash/language.h"

// clang-format off
// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
#include <cld2/public/compact_lang_det.h>
// clang-format on
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/lines.h"
#include "text/tokenize.h"
#include "text/unicode.h"

namespace pagewash {
namespace internal {
extern const std::string_view kStopwords;
}  // namespace internal

namespace {

// CLD2 reads 4 KiB as well as it reads a whole page (it scores quadgrams of
// the first few kilobytes anyway), and the sample bounds the time per page.
constexpr std::size_t kSampleBytes = 4096;
// The probe: 4 slices of 128 bytes (some 20 words each) tell most pages.
constexpr std::size_t kProbes = 4;
constexpr std::size_t kProbeBytes = 128;
// Below this many letters no method tells languages apart.
constexpr std::size_t kMinLetters = 20;

struct Profile {
  std::string code;
  std::string script;
};

// The tokenizer's hash of a word -> bit set of the profiles that list it
// (at most 64 profiles).
struct StopwordTable {
  std::vector<Profile> profiles;
  std::unordered_map<std::uint64_t, std::uint64_t> words;
};

const StopwordTable& Table() {
  static const StopwordTable table = [] {
    StopwordTable t;
    text::LineCursor lines(internal::kStopwords);
    std::string_view line;
    while (lines.Next(&line)) {
      if (line.empty() || line.front() == '#') continue;
      std::size_t a = line.find(' ');
      std::size_t b = line.find(' ', a + 1);
      if (a == std::string_view::npos || b == std::string_view::npos || t.profiles.size() >= 64)
        continue;
      std::uint64_t bit = std::uint64_t{1} << t.profiles.size();
      t.profiles.push_back(
          Profile{std::string(line.substr(0, a)), std::string(line.substr(a + 1, b - a - 1))});
      text::TokenizedText words;
      text::Tokenize(line.substr(b + 1), &words);
      for (const text::Token& word : words.tokens) t.words[word.hash] |= bit;
    }
    return t;
  }();
  return table;
}

// Scripts named by their script alone, and the code to give them.
std::string_view CodeForScript(UScriptCode script) {
  switch (script) {
    case USCRIPT_GREEK:
      return "el";
    case USCRIPT_ARABIC:
      return "ar";
    case USCRIPT_HEBREW:
      return "he";
    case USCRIPT_HAN:
      return "zh";
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return "ja";
    case USCRIPT_HANGUL:
      return "ko";
    case USCRIPT_DEVANAGARI:
      return "hi";
    case USCRIPT_THAI:
      return "th";
    case USCRIPT_GEORGIAN:
      return "ka";
    case USCRIPT_ARMENIAN:
      return "hy";
    default:
      return "";
  }
}

// The script of a letter: the common European ranges inline, ICU for the rest.
UScriptCode ScriptOf(std::uint32_t c) {
  if (c < 0x250) return USCRIPT_LATIN;
  if (c >= 0x400 && c < 0x530) return USCRIPT_CYRILLIC;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_FAILURE(status) ? USCRIPT_COMMON : script;
}

// The fallback: the dominant script, and within Latin and Cyrillic the
// stop-word profile hit most. Empty when it cannot tell.
std::string_view DetectByProfiles(std::string_view sample) {
  // Scratch reused across documents (see DetectLanguage).
  // Letters by script code: ICU's codes are 0 to UCHAR_SCRIPT's largest.
  static const auto kScripts = static_cast<std::size_t>(u_getIntPropertyMaxValue(UCHAR_SCRIPT)) + 1;
  thread_local std::vector<std::size_t> scripts;
  thread_local std::vector<std::size_t> hits;
  thread_local text::TokenizedText tokens;
  scripts.assign(kScripts, 0);
  const StopwordTable& table = Table();
  hits.assign(table.profiles.size(), 0);
  bool kana = false;
  for (std::size_t i = 0; i < sample.size();) {
    std::uint32_t c = text::NextCodePoint(sample, &i);
    if (!text::IsLetter(c)) continue;
    UScriptCode script = ScriptOf(c);
    kana = kana || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
    if (script >= 0 && static_cast<std::size_t>(script) < kScripts) ++scripts[static_cast<std::size_t>(script)];
  }
  text::Tokenize(sample, &tokens);
  for (const text::Token& token : tokens.tokens) {
    auto it = table.words.find(token.hash);
    if (it == table.words.end()) continue;
    for (std::size_t p = 0; p < hits.size(); ++p) hits[p] += (it->second >> p) & 1;
  }
  // The script with the most letters; of two with as many, the lower code.
  int best_script = USCRIPT_INVALID_CODE;
  std::size_t best_count = 0;
  for (std::size_t script = 0; script < scripts.size(); ++script) {
    if (scripts[script] > best_count) {
      best_script = static_cast<int>(script);
      best_count = scripts[script];
    }
  }
  auto script = static_cast<UScriptCode>(best_script);
  if (script == USCRIPT_HAN && kana) return "ja";
  if (std::string_view code = CodeForScript(script); !code.empty()) return code;
  const char* name = uscript_getName(script);
  std::size_t best = hits.size();
  for (std::size_t p = 0; p < hits.size(); ++p) {
    if (name == nullptr || table.profiles[p].script != name) continue;
    if (best == hits.size() || hits[p] > hits[best]) best = p;
  }
  if (best == hits.size() || hits[best] < 3) return "";
  return table.profiles[best].code;
}

// CLD2's code as the primary language subtag: "zh-Hant" -> "zh", and the
// withdrawn ISO 639-1 codes CLD2 still uses -> their replacements. Empty for
// CLD2's "un" (unknown) and its script-only pseudo-languages ("xx-Kali").
std::string_view Iso639(const char* cld2_code) {
  std::string_view code = cld2_code == nullptr ? "" : cld2_code;
  if (code == "un" || code.starts_with("xx-") || code.empty()) return "";
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  return code.substr(0, code.find('-'));
}

// Appends whole characters of `text` to *sample, up to kSampleBytes. False
// once the sample is full: the rest of the document need not be read.
//
// The cut stays at a character boundary, not a word's: CLD2's scores move
// with the sample's length (the probe's slices are spread over it), and a
// cut one word earlier changes language_score on a few pages in a thousand.
bool AppendSample(std::string_view text, std::string* sample) {
  if (sample->size() >= kSampleBytes) return false;
  if (!sample->empty()) sample->push_back('\n');
  std::size_t room = kSampleBytes - std::min(sample->size(), kSampleBytes);
  if (text.size() > room) {
    // Back up to the start of a UTF-8 sequence.
    while (room > 0 && (static_cast<unsigned char>(text[room]) & 0xC0) == 0x80) --room;
    sample->append(text.substr(0, room));
    return false;
  }
  sample->append(text);
  return sample->size() < kSampleBytes;
}

// What CLD2 says of a sample: its top three languages and their shares.
struct Cld2Result {
  CLD2::Language languages[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percents[3] = {0, 0, 0};
  bool reliable = false;

  std::string_view Top() const { return Iso639(CLD2::LanguageCode(languages[0])); }
  LanguageGuess Guess() const { return LanguageGuess{Top(), percents[0] / 100.0}; }
  double ScoreOf(std::string_view code) const {
    for (int i = 0; i < 3; ++i) {
      if (Iso639(CLD2::LanguageCode(languages[i])) == code) return percents[i] / 100.0;
    }
    return 0;
  }
};

Cld2Result RunCld2(std::string_view sample) {
  Cld2Result r;
  double normalized[3];
  int text_bytes = 0;
  int valid_prefix = 0;
  // kCLDFlagBestEffort: a guess even on short text, taken only when the
  // stop-word profiles cannot tell either.
  CLD2::ExtDetectLanguageSummaryCheckUTF8(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true,
      /*cld_hints=*/nullptr, CLD2::kCLDFlagBestEffort, r.languages, r.percents, normalized,
      /*resultchunkvector=*/nullptr, &text_bytes, &r.reliable, &valid_prefix);
  return r;
}

// The largest prefix of `s` of at most `n` bytes that ends on a character boundary.
std::size_t CharBoundary(std::string_view s, std::size_t n) {
  if (n >= s.size()) return s.size();
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

LanguageGuess DetectLanguage(const Document& doc) {
  // One buffer per thread, reused: the sample costs no allocation once it
  // has grown to kSampleBytes.
  thread_local std::string sample;
  sample.clear();
  sample.reserve(kSampleBytes);
  bool room = true;
  for (std::size_t i = 0; room && i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != BlockKind::kHeading) room = AppendSample(doc.Text(b), &sample);
  }
  // Headings last: menus and labels are often in another language than the
  // body, but a short page may be little else.
  for (std::size_t i = 0; room && i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::kHeading) room = AppendSample(doc.Text(b), &sample);
  }
  // Too few letters: nothing can tell.
  std::size_t letters = 0;
  for (std::size_t i = 0; i < sample.size() && letters < kMinLetters;) {
    letters += text::IsLetter(text::NextCodePoint(sample, &i)) ? 1 : 0;
  }
  if (letters < kMinLetters) return LanguageGuess{};

  // CLD2 costs more per kilobyte than the rest of segment: first read a
  // probe of kProbes slices spread over the sample, and the whole sample only
  // when the probe leaves CLD2 unsure or finds a second language. Spread, so
  // that a page that opens in one language and goes on in another is read
  // whole, and the majority of the sample wins.
  thread_local std::string probe;
  if (sample.size() > kProbes * kProbeBytes) {
    probe.clear();
    probe.reserve(kProbes * (kProbeBytes + 1));
    for (std::size_t k = 0; k < kProbes; ++k) {
      std::size_t begin = CharBoundary(sample, sample.size() * k / kProbes);
      std::size_t end = CharBoundary(sample, begin + kProbeBytes);
      probe.append(sample, begin, end - begin).push_back('\n');
    }
    Cld2Result first = RunCld2(probe);
    if (first.reliable && !first.Top().empty() && first.percents[0] >= 90) return first.Guess();
  }
  Cld2Result whole = RunCld2(sample);
  if (whole.reliable && !whole.Top().empty()) return whole.Guess();
  std::string_view fallback = DetectByProfiles(sample);
  if (!fallback.empty()) return LanguageGuess{fallback, whole.ScoreOf(fallback)};
  if (!whole.Top().empty()) return whole.Guess();
  return LanguageGuess{};
}

void AddLanguageMetadata(Document* doc) {
  LanguageGuess guess = DetectLanguage(*doc);
  doc->SetMetadata("language", guess.code);
  // A whole percent divided by 100: the shortest form has two decimals at most.
  char score[32];
  auto end = fmt::format_to_n(score, sizeof score, "{}", guess.score).out;
  doc->SetMetadata("language_score", std::string_view(score, static_cast<std::size_t>(end - score)),
                   /*raw_json=*/true);
}

}  // namespace pagewash
