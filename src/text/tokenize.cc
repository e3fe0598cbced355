#include "text/tokenize.h"

#include <xxhash.h>

#include <array>

#include "text/unicode.h"

namespace pagewash::text {
namespace {

// ASCII classes: 0 separator, 1 lowercase/digit, 2 uppercase.
constexpr auto kAsciiClass = [] {
  std::array<std::uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = 1;
  for (int c = '0'; c <= '9'; ++c) t[c] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = 2;
  return t;
}();

}  // namespace

void Tokenize(std::string_view text, TokenizedText* out) {
  out->key.clear();
  out->tokens.clear();
  out->letters = 0;
  out->uppercase = 0;
  std::string& key = out->key;
  bool in_token = false;
  std::uint32_t begin = 0;
  std::uint32_t source_begin = 0;
  std::size_t i = 0;
  std::size_t char_begin = 0;
  auto close = [&] {
    if (in_token) {
      out->tokens.push_back(Token{begin, static_cast<std::uint32_t>(key.size()), source_begin,
                                  static_cast<std::uint32_t>(char_begin)});
      in_token = false;
    }
  };
  auto open = [&] {
    if (!in_token) {
      if (!key.empty()) key.push_back(' ');
      begin = static_cast<std::uint32_t>(key.size());
      source_begin = static_cast<std::uint32_t>(char_begin);
      in_token = true;
    }
  };
  while (i < text.size()) {
    char_begin = i;
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      std::uint8_t cls = kAsciiClass[b];
      ++i;
      if (cls == 0) {
        close();
        continue;
      }
      open();
      if (cls == 2) {
        ++out->letters;
        ++out->uppercase;
        key.push_back(static_cast<char>(b + 32));
      } else {
        if (b >= 'a') ++out->letters;
        key.push_back(static_cast<char>(b));
      }
      continue;
    }
    std::uint32_t c = NextCodePoint(text, &i);
    if (!IsWordChar(c)) {
      close();
      continue;
    }
    open();
    if (IsLetter(c)) {
      ++out->letters;
      if (IsUpper(c)) ++out->uppercase;
    }
    AppendUtf8(FoldCase(c), &key);
  }
  char_begin = text.size();
  close();
}

void TokenizeNfkc(std::string_view text, TokenizedText* out, std::string* scratch) {
  if (IsAscii(text)) {
    Tokenize(text, out);
    return;
  }
  scratch->clear();
  AppendNfkcCasefold(text, scratch);
  Tokenize(*scratch, out);
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string_view FirstCodePoints(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return s.substr(0, i);
}

std::uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

}  // namespace pagewash::text
