#include "pagewash/language.h"

#include <unicode/uscript.h>

#include <array>
#include <string>
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
      if (a == std::string_view::npos || b == std::string_view::npos || t.profiles.size() >= 64) continue;
      std::uint64_t bit = std::uint64_t{1} << t.profiles.size();
      t.profiles.push_back(Profile{std::string(line.substr(0, a)), std::string(line.substr(a + 1, b - a - 1))});
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
    case USCRIPT_GREEK: return "el";
    case USCRIPT_ARABIC: return "ar";
    case USCRIPT_HEBREW: return "he";
    case USCRIPT_HAN: return "zh";
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: return "ja";
    case USCRIPT_HANGUL: return "ko";
    case USCRIPT_DEVANAGARI: return "hi";
    case USCRIPT_THAI: return "th";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_ARMENIAN: return "hy";
    default: return "";
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

}  // namespace

std::string_view DetectLanguage(const Document& doc) {
  // A sample is enough: about the first 1.5 KiB of text, some 200 words
  // (all ten corpus languages are told apart on it).
  constexpr std::size_t kMaxBytes = 1536;
  std::unordered_map<int, std::size_t> scripts;  // Other than Latin and Cyrillic.
  std::size_t latin = 0;
  std::size_t cyrillic = 0;
  std::size_t letters = 0;
  std::size_t bytes = 0;
  const StopwordTable& table = Table();
  std::vector<std::size_t> hits(table.profiles.size(), 0);
  text::TokenizedText tokens;
  bool kana = false;
  for (const Block& b : doc.blocks) {
    if (bytes >= kMaxBytes) break;
    std::string_view s = doc.Text(b);
    bytes += s.size();
    for (std::size_t i = 0; i < s.size();) {
      std::uint32_t c = text::NextCodePoint(s, &i);
      if (!text::IsLetter(c)) continue;
      ++letters;
      UScriptCode script = ScriptOf(c);
      if (script == USCRIPT_LATIN) {
        ++latin;
      } else if (script == USCRIPT_CYRILLIC) {
        ++cyrillic;
      } else {
        kana = kana || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
        ++scripts[script];
      }
    }
    text::Tokenize(s, &tokens);
    for (const text::Token& token : tokens.tokens) {
      auto it = table.words.find(token.hash);
      if (it == table.words.end()) continue;
      for (std::size_t p = 0; p < hits.size(); ++p) hits[p] += (it->second >> p) & 1;
    }
  }
  if (letters < 20) return "und";
  scripts[USCRIPT_LATIN] += latin;
  scripts[USCRIPT_CYRILLIC] += cyrillic;
  int best_script = USCRIPT_INVALID_CODE;
  std::size_t best_count = 0;
  for (const auto& [script, count] : scripts) {
    if (count > best_count || (count == best_count && script < best_script)) {
      best_script = script;
      best_count = count;
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
  if (best == hits.size() || hits[best] < 3) return "und";
  return table.profiles[best].code;
}

}  // namespace pagewash
