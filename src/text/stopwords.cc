#include "text/stopwords.h"

#include <simdjson.h>

#include <algorithm>
#include <utility>

#include "text/unicode.h"

namespace pagewash::internal {
extern const std::string_view kStopwordsIso;
}  // namespace pagewash::internal

namespace pagewash::text {
namespace {

// Scripts written without spaces between words: each character counts as a
// word (as CleanEval-style scorers count them).
bool IsNoSpaceScript(std::uint32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||  // Hiragana, Katakana
         (c >= 0x3400 && c <= 0x4DBF) ||  // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||  // CJK compatibility ideographs
         (c >= 0x0E00 && c <= 0x0E7F);    // Thai
}

std::size_t Mix(std::uint64_t h) { return static_cast<std::size_t>(h ^ (h >> 29)); }

// Calls f(hash) for each word of `t`: a token, or each character of a run in
// a no-space script.
template <typename F>
void ForEachWord(const TokenizedText& t, F&& f) {
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    std::string_view w = t.Word(i);
    if (static_cast<unsigned char>(w[0]) < 0xE0) {  // No no-space script starts below U+0800.
      f(t.tokens[i].hash);
      continue;
    }
    std::size_t at = 0;
    std::size_t run_start = std::string_view::npos;  // Start of a stretch of other letters.
    while (at < w.size()) {
      std::size_t begin = at;
      std::uint32_t c = NextCodePoint(w, &at);
      if (IsNoSpaceScript(c)) {
        if (run_start != std::string_view::npos) {
          f(WordHash(w.substr(run_start, begin - run_start)));
          run_start = std::string_view::npos;
        }
        f(WordHash(w.substr(begin, at - begin)));
      } else if (run_start == std::string_view::npos) {
        run_start = begin;
      }
    }
    if (run_start == 0) {
      f(t.tokens[i].hash);
    } else if (run_start != std::string_view::npos) {
      f(WordHash(w.substr(run_start)));
    }
  }
}

}  // namespace

const StopwordIndex& StopwordIndex::Get() {
  static const StopwordIndex index = FromJson(internal::kStopwordsIso);
  return index;
}

void StopwordIndex::Add(std::uint64_t hash, std::uint64_t languages) {
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot& s : old) {
      if (s.languages != 0) Add(s.hash, s.languages);
    }
  }
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Mix(hash) & mask;; i = (i + 1) & mask) {
    if (slots_[i].languages == 0) {
      slots_[i] = Slot{hash, languages};
      ++used_;
      return;
    }
    if (slots_[i].hash == hash) {
      slots_[i].languages |= languages;
      return;
    }
  }
}

std::uint16_t StopwordIndex::LanguageSetId(std::uint64_t word_hash) const {
  if (entries_.empty()) return 0;
  const std::size_t bit = FilterBit(word_hash);
  if ((filter_[bit / 64] >> (bit % 64) & 1) == 0) return 0;
  const std::size_t mask = entries_.size() - 1;
  for (std::size_t i = Mix(word_hash) & mask;; i = (i + 1) & mask) {
    const Entry& e = entries_[i];
    if (e.set == 0) return 0;
    if (e.hash == word_hash) return e.set;
  }
}

std::uint64_t StopwordIndex::Languages(std::uint64_t word_hash) const { return sets_[LanguageSetId(word_hash)]; }

void StopwordIndex::Finish() {
  // Sets are numbered in the order of their first slot, so the ids depend
  // only on the collection. 64 languages could make more than 65,535
  // distinct sets only from a collection of as many words; past that, a
  // word of a later set is no stop word (the embedded collection has 587).
  std::vector<std::pair<std::uint64_t, std::uint16_t>> known;  // Sorted by set.
  std::size_t size = 16;
  while (size * 3 < used_ * 4) size *= 2;
  entries_.assign(size, Entry{});
  filter_.assign((std::size_t{1} << kFilterBits) / 64, 0);
  const std::size_t mask = size - 1;
  for (const Slot& s : slots_) {
    if (s.languages == 0) continue;
    auto it = std::lower_bound(known.begin(), known.end(), std::make_pair(s.languages, std::uint16_t{0}));
    std::uint16_t set = 0;
    if (it != known.end() && it->first == s.languages) {
      set = it->second;
    } else if (sets_.size() <= 0xFFFF) {
      set = static_cast<std::uint16_t>(sets_.size());
      known.insert(it, {s.languages, set});
      sets_.push_back(s.languages);
    } else {
      continue;
    }
    std::size_t i = Mix(s.hash) & mask;
    while (entries_[i].set != 0) i = (i + 1) & mask;
    entries_[i] = Entry{s.hash, set};
    const std::size_t bit = FilterBit(s.hash);
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  std::vector<Slot>().swap(slots_);
  used_ = 0;
}

int StopwordIndex::Find(std::string_view code) const {
  for (std::size_t i = 0; i < codes_.size(); ++i) {
    if (codes_[i] == code) return static_cast<int>(i);
  }
  return -1;
}

StopwordIndex StopwordIndex::FromJson(std::string_view json) {
  StopwordIndex index;
  std::size_t open = json.find('{');
  if (open == std::string_view::npos) return index;
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json.substr(open));
  simdjson::dom::object root;
  if (parser.parse(padded).get(root)) return index;
  TokenizedText tokens;
  for (auto [code, words] : root) {
    if (index.codes_.size() == 64) break;
    simdjson::dom::array list;
    if (words.get(list)) continue;
    std::uint64_t bit = std::uint64_t{1} << index.codes_.size();
    index.codes_.emplace_back(code);
    for (simdjson::dom::element e : list) {
      std::string_view word;
      if (e.get(word)) continue;
      Tokenize(word, &tokens);
      // A stop word the tokenizer splits ("don't", "c'est") is not one word
      // of a text; its parts are listed on their own where they are stop words.
      // Nor is a word of several characters in a no-space script (我们).
      if (tokens.tokens.size() != 1) continue;
      std::uint64_t hash = 0;
      int parts = 0;
      ForEachWord(tokens, [&](std::uint64_t h) {
        hash = h;
        ++parts;
      });
      if (parts == 1) index.Add(hash, bit);
    }
  }
  index.Finish();
  return index;
}

StopwordCount CountStopwords(const StopwordIndex& index, const TokenizedText& t, int language) {
  StopwordCount count;
  const std::uint64_t bit = language >= 0 ? std::uint64_t{1} << language : 0;
  ForEachWord(t, [&](std::uint64_t h) {
    ++count.words;
    if (bit != 0 && (index.Languages(h) & bit) != 0) ++count.stopwords;
  });
  return count;
}

void AddStopwordHits(const StopwordIndex& index, const TokenizedText& t, std::vector<std::uint32_t>* hits) {
  ForEachWord(t, [&](std::uint64_t h) {
    std::uint64_t langs = index.Languages(h);
    while (langs != 0) {
      ++(*hits)[static_cast<std::size_t>(__builtin_ctzll(langs))];
      langs &= langs - 1;
    }
  });
}

void AppendStopwordLanguageSets(const StopwordIndex& index, const TokenizedText& t,
                                std::vector<std::uint16_t>* out, std::uint32_t* words) {
  ForEachWord(t, [&](std::uint64_t h) {
    ++*words;
    if (std::uint16_t set = index.LanguageSetId(h); set != 0) out->push_back(set);
  });
}

}  // namespace pagewash::text
