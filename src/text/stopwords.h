// Stop words of 58 languages (the stopwords-iso collection, vendored in
// src/lang/stopwords-iso.json and compiled into the binary): which languages
// count a word as a stop word, looked up by the word hash the tokenizer
// already computed, so judging a block's share of stop words costs one table
// probe a word.
//
// Languages written without spaces (Chinese, Japanese, Thai) have no words to
// look up: their single-character stop words (的, 是, の, は) are looked up per
// character instead (see CountStopwords).
#ifndef PAGEWASH_TEXT_STOPWORDS_H_
#define PAGEWASH_TEXT_STOPWORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenize.h"

namespace pagewash::text {

class StopwordIndex {
 public:
  /// The index of the embedded collection, built on first use.
  static const StopwordIndex& Get();

  /// Builds an index from a stopwords-iso JSON object: {"en": ["a", ...], ...}
  /// (at most 64 languages). Anything before the first '{' is ignored.
  /// Returns an empty index when the JSON cannot be read.
  static StopwordIndex FromJson(std::string_view json);

  /// Bit i is set when language i lists the word (a tokenizer word hash).
  std::uint64_t Languages(std::uint64_t word_hash) const;

  /// The same set of languages as a small number: 0 for none, and one id for
  /// each distinct set the index holds (a few hundred for the embedded
  /// collection), so that a caller can keep a set a word in two bytes.
  std::uint16_t LanguageSetId(std::uint64_t word_hash) const;
  /// The languages of a LanguageSetId.
  std::uint64_t LanguageSet(std::uint16_t id) const { return sets_[id]; }

  std::size_t size() const { return codes_.size(); }
  std::string_view Code(std::size_t language) const { return codes_[language]; }
  /// The index of an ISO 639-1 code, or -1.
  int Find(std::string_view code) const;

 private:
  // While the index is built: a word's languages, by open addressing.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t languages = 0;  // 0: empty slot.
  };
  // Once built: a word's set of languages, 16 bytes a word (four to a cache
  // line) at most three quarters full, so that the table (512 KiB for the
  // embedded collection) stays in a core's cache while a text is looked up.
  struct Entry {
    std::uint64_t hash = 0;
    std::uint16_t set = 0;  // LanguageSetId; 0: empty slot.
  };
  void Add(std::uint64_t hash, std::uint64_t languages);
  // Gives each distinct set of languages an id and makes the table of
  // entries, once every word is in.
  void Finish();

  std::vector<std::string> codes_;  // ISO 639-1, by language index.
  std::vector<Slot> slots_;  // While building: a power of two, at most half full.
  std::size_t used_ = 0;
  std::vector<Entry> entries_;  // Once built: a power of two.
  // One bit for each of 2^18 values of a word's hash bits (FilterBit): 32 KiB
  // that say at once, from the core's nearest cache, that most words of a
  // text (those no language lists) are in no entry.
  static constexpr unsigned kFilterBits = 18;
  static std::size_t FilterBit(std::uint64_t hash) {
    return static_cast<std::size_t>(hash >> (64 - kFilterBits));
  }
  std::vector<std::uint64_t> filter_;
  std::vector<std::uint64_t> sets_{0};  // By LanguageSetId; 0 is no language.
};

/// Stop words and words of one text, for one language.
struct StopwordCount {
  std::uint32_t words = 0;      ///< Words, each character of a CJK or Thai run one word.
  std::uint32_t stopwords = 0;  ///< Those the language lists.
};

/// Counts the words of `t` (tokenized by Tokenize) and those that `language`
/// lists; a language of -1 counts words only. `t` holds folded words, so a
/// character of a no-space script is looked up by its own hash.
StopwordCount CountStopwords(const StopwordIndex& index, const TokenizedText& t, int language);

/// Adds, for every language of the index, how many words of `t` it lists
/// (hits[i] for language i; `hits` has index.size() entries).
void AddStopwordHits(const StopwordIndex& index, const TokenizedText& t, std::vector<std::uint32_t>* hits);

/// Appends to *out, for each word of `t` (as CountStopwords counts them)
/// that some language lists, its LanguageSetId: two bytes a stop word. The
/// other words are only counted, in *words. A caller that needs both
/// AddStopwordHits and CountStopwords of the same text looks each word up
/// once this way and sums the languages itself.
void AppendStopwordLanguageSets(const StopwordIndex& index, const TokenizedText& t,
                                std::vector<std::uint16_t>* out, std::uint32_t* words);

}  // namespace pagewash::text

#endif  // PAGEWASH_TEXT_STOPWORDS_H_
