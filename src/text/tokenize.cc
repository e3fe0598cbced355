#include "text/tokenize.h"

#include <xxhash.h>

#include <array>
#include <cstring>

#include "text/unicode.h"

namespace pagewash::text {
namespace {

// ASCII letters and digits folded to lower case; 0 for everything else
// (separators, and bytes of multi-byte characters, handled apart).
constexpr auto kAsciiFold = [] {
  std::array<char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c + 32);
  return t;
}();

}  // namespace

void Tokenize(std::string_view text, TokenizedText* out) {
  out->tokens.clear();
  // Simple case folding never grows a character by more than one byte, and
  // a separator is at most one byte per token: twice the input is enough.
  std::string& key = out->key;
  key.resize(text.size() * 2 + 1);
  char* const base = key.data();
  char* w = base;
  bool in_token = false;
  std::uint32_t begin = 0;
  std::uint32_t source_begin = 0;
  std::uint64_t hash = kWordHashOffset;  // FNV-1a of the word's folded bytes so far.
  auto close = [&](std::size_t source_end) {
    if (!in_token) return;
    out->tokens.push_back(Token{begin, static_cast<std::uint32_t>(w - base), source_begin,
                                static_cast<std::uint32_t>(source_end), hash});
    in_token = false;
  };
  auto open = [&](std::size_t source) {
    if (in_token) return;
    if (w != base) *w++ = ' ';
    begin = static_cast<std::uint32_t>(w - base);
    source_begin = static_cast<std::uint32_t>(source);
    hash = kWordHashOffset;
    in_token = true;
  };
  const std::size_t size = text.size();
  const char* const in = text.data();
  std::size_t i = 0;
  while (i < size) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      char folded = kAsciiFold[b];
      if (folded == 0) {
        close(i);
        ++i;
        continue;
      }
      open(i);
      // The rest of an ASCII word, folded and hashed in the same pass.
      do {
        *w++ = folded;
        hash = (hash ^ static_cast<unsigned char>(folded)) * kWordHashPrime;
        if (++i == size) break;
        folded = kAsciiFold[static_cast<unsigned char>(in[i])];
      } while (folded != 0);
      continue;
    }
    std::size_t at = i;
    std::uint32_t c = NextCodePoint(text, &i);
    if (IsIgnorable(c)) continue;  // Invisible: neither a letter nor a break.
    if (!IsWordChar(c)) {
      close(at);
      continue;
    }
    open(at);
    char* start = w;
    w = AppendUtf8(FoldCase(c), w);
    for (const char* p = start; p < w; ++p) hash = (hash ^ static_cast<unsigned char>(*p)) * kWordHashPrime;
  }
  close(text.size());
  key.resize(static_cast<std::size_t>(w - base));
}

namespace {

// A character at which a part may end: no token holds it, and it ends any
// token before it, as it does in the whole text.
bool CutsTokens(std::string_view text, std::size_t at) {
  const auto b = static_cast<unsigned char>(text[at]);
  if (b < 0x80) return kAsciiFold[b] == 0;
  if ((b & 0xC0) == 0x80) return false;  // Inside a character.
  std::size_t i = at;
  const std::uint32_t c = NextCodePoint(text, &i);
  return !IsIgnorable(c) && !IsWordChar(c);
}

}  // namespace

std::size_t TokenPartEnd(std::string_view text, std::size_t begin, bool ascii_only) {
  const std::size_t size = text.size();
  if (size - begin <= kTokenizePartBytes + kTokenizePartBytes / 2) return size;
  const std::size_t limit = begin + kTokenizePartBytes;
  auto ascii_separator = [&](std::size_t at) {
    const auto b = static_cast<unsigned char>(text[at]);
    return b < 0x80 && kAsciiFold[b] == 0;
  };
  // An ASCII separator in the last half of the part, else any other.
  for (std::size_t at = limit; at > begin + kTokenizePartBytes / 2; --at) {
    if (ascii_separator(at)) return at;
  }
  if (!ascii_only) {
    for (std::size_t at = limit; at > begin + kTokenizePartBytes / 2; --at) {
      if (CutsTokens(text, at)) return at;
    }
  }
  // One word of half a part or more: the part takes it whole.
  for (std::size_t at = limit + 1; at < size; ++at) {
    if (ascii_only ? ascii_separator(at) : CutsTokens(text, at)) return at;
  }
  return size;
}

Hasher64::Hasher64() : state_(XXH3_createState()) { Reset(); }
Hasher64::~Hasher64() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }
void Hasher64::Reset() { XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_)); }
void Hasher64::Add(std::string_view bytes) {
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), bytes.data(), bytes.size());
}
std::uint64_t Hasher64::Digest() const { return XXH3_64bits_digest(static_cast<const XXH3_state_t*>(state_)); }

bool NeedsNfkcMapping(std::string_view text) {
  // Most text is already in NFKC; only then is the (costly) mapping needed.
  // Case folding and invisible characters are the tokenizer's business.
  return !IsAscii(text) && !IsNfkc(text, /*compatibility=*/true);
}

Status AppendNfkcMapping(std::string_view text, std::string* mapped) { return AppendNfkcCasefold(text, mapped); }

Status TokenizeNfkc(std::string_view text, TokenizedText* out, std::string* scratch) {
  if (!NeedsNfkcMapping(text)) {
    Tokenize(text, out);
    return Status::Ok();
  }
  scratch->clear();
  Status folded = AppendNfkcCasefold(text, scratch);
  Tokenize(*scratch, out);
  return folded;
}

bool StemHead(std::string_view word, std::size_t n, std::string_view* head) {
  if (word.size() >= n && IsAscii(word.substr(0, n))) {
    *head = word.substr(0, n);
    return true;
  }
  std::size_t i = 0;
  std::size_t seen = 0;
  for (; i < word.size(); ++i) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  if (seen < n) return false;
  *head = word.substr(0, i);
  return true;
}

std::size_t CodePoints(std::string_view s) {
  // Every byte but a continuation byte (10xxxxxx) starts a code point.
  // Eight bytes at a time: a byte's bit 7 set and bit 6 clear marks a
  // continuation; the marks, moved to each byte's low bit, are summed by a
  // multiply. Layout measures the width of every line more than once.
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  std::size_t n = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    const std::uint64_t continuation = x & ~(x << 1) & kHigh;
    n += 8 - static_cast<std::size_t>(((continuation >> 7) * kOnes) >> 56);
  }
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
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
