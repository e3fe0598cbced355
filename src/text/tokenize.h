// Word tokens for matching and fingerprints.
//
// Tokenize() case-folds a line and splits it into runs of letters, digits and
// combining marks; everything else (spaces, punctuation, symbols, apostrophes)
// separates tokens. The folded tokens are joined by single spaces into `key`,
// so any run of consecutive tokens is one contiguous slice of the key: a
// phrase of several words is matched by hashing that slice, with no copy.
#ifndef PAGEWASH_TEXT_TOKENIZE_H_
#define PAGEWASH_TEXT_TOKENIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pagewash/result.h"

namespace pagewash::text {

struct Token {
  std::uint32_t begin = 0;  ///< Offset in TokenizedText::key.
  std::uint32_t end = 0;
  std::uint32_t source_begin = 0;  ///< Offset in the tokenized text (Tokenize only).
  std::uint32_t source_end = 0;
  std::uint64_t hash = 0;  ///< WordHash of the folded word, computed while tokenizing.
};

/// Scratch that Tokenize() fills; reuse one across calls to avoid allocation.
struct TokenizedText {
  std::string key;            ///< Folded tokens joined by ' '.
  std::vector<Token> tokens;

  std::string_view Slice(std::size_t first, std::size_t last) const {
    return std::string_view(key).substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
  }
  std::string_view Word(std::size_t i) const { return Slice(i, i); }
};

/// The hash of one folded word, as Tokenize computes it (64-bit FNV-1a of
/// its bytes): tables keyed by word are built with it.
inline constexpr std::uint64_t kWordHashOffset = 0xCBF29CE484222325ULL;
inline constexpr std::uint64_t kWordHashPrime = 0x100000001B3ULL;
inline std::uint64_t WordHash(std::string_view folded) {
  std::uint64_t h = kWordHashOffset;
  for (char c : folded) h = (h ^ static_cast<unsigned char>(c)) * kWordHashPrime;
  return h;
}

/// Tokenizes `text` with simple case folding into *out (cleared first).
void Tokenize(std::string_view text, TokenizedText* out);

/// The hash of a run of words: the first word's hash, then each next one
/// mixed in (MixWordHash). Phrases are hashed the same way when rules are
/// compiled, so matching hashes words once, while tokenizing.
inline std::uint64_t MixWordHash(std::uint64_t run, std::uint64_t word) {
  return ((run << 23 | run >> 41) ^ word) * 0x9E3779B97F4A7C15ULL;
}

/// The hash of words [first, last] of `t`.
inline std::uint64_t RunHash(const TokenizedText& t, std::size_t first, std::size_t last) {
  std::uint64_t h = t.tokens[first].hash;
  for (std::size_t k = first + 1; k <= last; ++k) h = MixWordHash(h, t.tokens[k].hash);
  return h;
}

/// Tokenizes with full NFKC_Casefold first (compatibility forms, ligatures,
/// full-width letters, invisible characters): the key dedup compares.
/// `scratch` is reused between calls. When ICU fails (AppendNfkcCasefold),
/// *out is Tokenize(text), folded by the tokenizer alone, and the error is
/// returned for the caller to report.
Status TokenizeNfkc(std::string_view text, TokenizedText* out, std::string* scratch);

/// Number of code points in UTF-8 `s`.
std::size_t CodePoints(std::string_view s);

/// Sets *head to the first `n` code points of `word`; false if it has fewer.
bool StemHead(std::string_view word, std::size_t n, std::string_view* head);

/// The first `n` code points of UTF-8 `s` (all of it if shorter).
std::string_view FirstCodePoints(std::string_view s, std::size_t n);

/// 64-bit XXH3 hash of bytes.
std::uint64_t Hash64(std::string_view bytes);

}  // namespace pagewash::text

#endif  // PAGEWASH_TEXT_TOKENIZE_H_
