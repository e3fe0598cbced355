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
#include <utility>
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

/// A long text is tokenized in parts of about this many bytes
/// (TokenizeInParts), so that its tokens never all stand in memory at once.
inline constexpr std::size_t kTokenizePartBytes = std::size_t{1} << 16;

/// The end of the part of `text` that starts at `begin`: the end of the
/// text when less than about kTokenizePartBytes remain, else a cut before a
/// character that no token holds and that ends any token before it (an
/// ASCII separator, or another non-word character that is not ignorable).
/// `text` must be valid UTF-8. With `ascii_only`, only before an ASCII
/// separator, which NFKC maps to itself and never joins to what precedes
/// it, so that the NFKC of the parts is the NFKC of the text.
std::size_t TokenPartEnd(std::string_view text, std::size_t begin, bool ascii_only = false);

/// Tokenizes `text` part by part (cut by TokenPartEnd) into *part, calling
/// f(*part, source_offset) after each, where source_offset is the part's
/// first byte in `text` (an empty text is one empty part). No token spans a
/// cut, so the parts' tokens, in order, are those of Tokenize(text), and
/// their keys, the empty ones left out, joined by ' ' are its key. A text
/// of one part costs what Tokenize costs.
template <typename F>
void TokenizeInParts(std::string_view text, TokenizedText* part, F&& f) {
  std::size_t begin = 0;
  do {
    const std::size_t end = TokenPartEnd(text, begin);
    Tokenize(text.substr(begin, end - begin), part);
    f(static_cast<const TokenizedText&>(*part), begin);
    begin = end;
  } while (begin < text.size());
}

/// Tokenizes with full NFKC_Casefold first (compatibility forms, ligatures,
/// full-width letters, invisible characters): the key dedup compares.
/// `scratch` is reused between calls. When ICU fails (AppendNfkcCasefold),
/// *out is Tokenize(text), folded by the tokenizer alone, and the error is
/// returned for the caller to report.
Status TokenizeNfkc(std::string_view text, TokenizedText* out, std::string* scratch);

/// As TokenizeInParts, with the NFKC_Casefold of TokenizeNfkc: the parts'
/// tokens are those of TokenizeNfkc(text). A part not in NFKC is mapped
/// into `scratch` first; parts are cut only before ASCII separators. Returns
/// the first ICU failure, as TokenizeNfkc does (that part is folded by the
/// tokenizer alone).
template <typename F>
Status TokenizeNfkcInParts(std::string_view text, TokenizedText* part, std::string* scratch, F&& f);

/// Number of code points in UTF-8 `s`.
std::size_t CodePoints(std::string_view s);

/// Sets *head to the first `n` code points of `word`; false if it has fewer.
bool StemHead(std::string_view word, std::size_t n, std::string_view* head);

/// The first `n` code points of UTF-8 `s` (all of it if shorter).
std::string_view FirstCodePoints(std::string_view s, std::size_t n);

/// 64-bit XXH3 hash of bytes.
std::uint64_t Hash64(std::string_view bytes);

/// Whether TokenizeNfkc maps `text` (NFKC_Casefold) before tokenizing it,
/// and the mapping, appended to *out.
bool NeedsNfkcMapping(std::string_view text);
Status AppendNfkcMapping(std::string_view text, std::string* out);

template <typename F>
Status TokenizeNfkcInParts(std::string_view text, TokenizedText* part, std::string* scratch, F&& f) {
  Status first = Status::Ok();
  std::size_t begin = 0;
  do {
    const std::size_t end = TokenPartEnd(text, begin, /*ascii_only=*/true);
    std::string_view piece = text.substr(begin, end - begin);
    if (NeedsNfkcMapping(piece)) {
      scratch->clear();
      Status mapped = AppendNfkcMapping(piece, scratch);
      if (mapped.ok()) {
        piece = *scratch;
      } else if (first.ok()) {
        first = std::move(mapped);
      }
    }
    Tokenize(piece, part);
    f(static_cast<const TokenizedText&>(*part), begin);
    begin = end;
  } while (begin < text.size());
  return first;
}

/// 64-bit XXH3 of bytes given piece by piece: the same as Hash64 of them
/// all at once.
class Hasher64 {
 public:
  Hasher64();
  ~Hasher64();
  Hasher64(const Hasher64&) = delete;
  Hasher64& operator=(const Hasher64&) = delete;
  void Reset();
  void Add(std::string_view bytes);
  std::uint64_t Digest() const;

 private:
  void* state_;
};

}  // namespace pagewash::text

#endif  // PAGEWASH_TEXT_TOKENIZE_H_
