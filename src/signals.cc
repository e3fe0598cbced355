#include "pagewash/signals.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/stopwords.h"
#include "text/tokenize.h"
#include "text/unicode.h"

namespace pagewash {
namespace {

struct Word {
  std::uint64_t hash = 0;
  std::uint32_t chars = 0;
};

// Occurrence counts of n-gram hashes: open addressing in one flat array, as
// a node-based map would allocate once per distinct n-gram, nine times a
// document. Cleared (not freed) between uses.
class GramCounts {
 public:
  // Counts `grams`; forgets earlier counts.
  void Count(const std::vector<std::uint64_t>& grams) {
    std::size_t size = 16;
    while (size < grams.size() * 2) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (std::uint64_t g : grams) ++Find(g).count;
  }
  std::uint32_t operator[](std::uint64_t gram) { return Find(gram).count; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t count = 0;  // 0: empty.
  };
  Slot& Find(std::uint64_t hash) {
    for (std::size_t i = static_cast<std::size_t>(hash ^ (hash >> 32)) & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.count == 0) slot.hash = hash;
      if (slot.hash == hash) return slot;
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// Scratch kept per thread so that emitting a stream allocates only while the
// buffers grow to the largest document.
struct Scratch {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // [begin, end) in text, non-empty.
  std::vector<bool> bullet;                                // Per line.
  std::vector<Word> words;
  std::vector<std::uint64_t> grams;
  GramCounts counts;
  std::unordered_set<std::uint64_t> seen;
  std::vector<std::uint8_t> covered;
  text::TokenizedText tokens;
};

double Ratio(double num, double den) { return den == 0 ? 0 : num / den; }

bool IsSpace(char c) { return c == ' ' || c == '\n'; }

bool StartsWithBullet(std::string_view line) {
  static constexpr std::string_view kBullets[] = {"•", "·", "▪", "‣", "◦", "○", "●", "■",
                                                  "□", "►", "➢", "✓", "-", "*", "–", "—"};
  for (std::string_view b : kBullets) {
    if (line.starts_with(b)) return true;
  }
  return false;
}

bool EndsWithEllipsis(std::string_view line) {
  return line.ends_with("…") || line.ends_with("...");
}

bool EndsWithTerminalPunctuation(std::string_view line) {
  static constexpr std::string_view kEnds[] = {".", "!", "?",  "\"", "”", "»",
                                               "’", "'", "。", "！", "？"};
  for (std::string_view e : kEnds) {
    if (line.ends_with(e)) return true;
  }
  return false;
}

std::size_t Count(std::string_view s, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = s.find(needle); at != std::string_view::npos;
       at = s.find(needle, at + needle.size()))
    ++n;
  return n;
}

// Lines (or paragraphs) equal to an earlier one: how many, and their characters.
std::pair<std::size_t, std::size_t> Duplicates(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& units,
    std::unordered_set<std::uint64_t>* seen) {
  seen->clear();
  std::size_t count = 0;
  std::size_t chars = 0;
  for (auto [begin, end] : units) {
    std::string_view unit = text.substr(begin, end - begin);
    if (!seen->insert(XXH3_64bits(unit.data(), unit.size())).second) {
      ++count;
      chars += text::CodePoints(unit);
    }
  }
  return {count, chars};
}

// Fills s->grams with the hash of every n-gram of words, in order.
void HashGrams(const std::vector<Word>& words, std::size_t n, std::vector<std::uint64_t>* grams) {
  grams->clear();
  for (std::size_t i = 0; i + n <= words.size(); ++i) {
    std::uint64_t h = words[i].hash;
    for (std::size_t k = 1; k < n; ++k) h = text::MixWordHash(h, words[i + k].hash);
    grams->push_back(h);
  }
}

// Characters of the words whose `covered` flag is set.
std::uint64_t CoveredChars(const std::vector<Word>& words,
                           const std::vector<std::uint8_t>& covered) {
  std::uint64_t chars = 0;
  for (std::size_t i = 0; i < words.size(); ++i) chars += covered[i] ? words[i].chars : 0;
  return chars;
}

// Marks words [i, i + n) covered.
void Cover(std::size_t i, std::size_t n, std::vector<std::uint8_t>* covered) {
  std::fill(covered->begin() + static_cast<std::ptrdiff_t>(i),
            covered->begin() + static_cast<std::ptrdiff_t>(i + n), 1);
}

double TopGramShare(Scratch& s, std::size_t n, std::uint64_t word_chars) {
  HashGrams(s.words, n, &s.grams);
  s.counts.Count(s.grams);
  // The most frequent n-gram; ties go to the longest, then the first seen.
  std::size_t best = s.grams.size();
  std::uint32_t best_count = 0;
  std::uint64_t best_chars = 0;
  for (std::size_t i = 0; i < s.grams.size(); ++i) {
    std::uint32_t count = s.counts[s.grams[i]];
    if (count < 2 || count < best_count) continue;
    std::uint64_t chars = 0;
    for (std::size_t k = 0; k < n; ++k) chars += s.words[i + k].chars;
    if (count > best_count || chars > best_chars) {
      best = i;
      best_count = count;
      best_chars = chars;
    }
  }
  if (best == s.grams.size()) return 0;
  s.covered.assign(s.words.size(), 0);
  for (std::size_t i = 0; i < s.grams.size(); ++i) {
    if (s.grams[i] == s.grams[best]) Cover(i, n, &s.covered);
  }
  return Ratio(static_cast<double>(CoveredChars(s.words, s.covered)),
               static_cast<double>(word_chars));
}

double DuplicateGramShare(Scratch& s, std::size_t n, std::uint64_t word_chars) {
  HashGrams(s.words, n, &s.grams);
  s.counts.Count(s.grams);
  s.covered.assign(s.words.size(), 0);
  for (std::size_t i = 0; i < s.grams.size(); ++i) {
    if (s.counts[s.grams[i]] >= 2) Cover(i, n, &s.covered);
  }
  return Ratio(static_cast<double>(CoveredChars(s.words, s.covered)),
               static_cast<double>(word_chars));
}

// Four decimals are more than any published threshold uses, and keep the
// output short and stable across platforms.
std::string FormatRatio(double v) { return fmt::format("{}", std::round(v * 10000) / 10000); }

void WriteRatio(std::string_view key, double v, JsonWriter* w) {
  w->Key(key);
  w->Raw(FormatRatio(v));
}

}  // namespace

Signals ComputeSignals(const Document& doc) {
  thread_local Scratch s;
  Signals out;
  s.text.clear();
  s.lines.clear();
  s.bullet.clear();
  std::vector<std::pair<std::size_t, std::size_t>> paragraphs;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    std::string_view sep = i > 0 ? SeparatorBefore(doc, i) : std::string_view();
    s.text.append(sep);
    const Block& b = doc.blocks[i];
    std::size_t begin = s.text.size();
    s.text.append(doc.Text(b));
    if (s.text.size() == begin) continue;
    if (paragraphs.empty() || sep == "\n\n") {
      paragraphs.emplace_back(begin, s.text.size());
    } else {
      paragraphs.back().second = s.text.size();
    }
    s.lines.emplace_back(begin, s.text.size());
    s.bullet.push_back((b.kind == BlockKind::kListItem && !b.ordered) ||
                       StartsWithBullet(doc.Text(b)));
  }
  const std::string_view text = s.text;
  out.characters = text::CodePoints(text);

  // Words, and the character-level counts.
  s.words.clear();
  std::uint64_t word_chars = 0;
  std::uint64_t alphabetic = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (IsSpace(text[i])) {
      ++i;
      continue;
    }
    std::size_t begin = i;
    Word word;
    bool letter = false;
    while (i < text.size() && !IsSpace(text[i])) {
      std::uint32_t c = text::NextCodePoint(text, &i);
      letter = letter || text::IsLetter(c);
      ++word.chars;
    }
    word.hash = XXH3_64bits(text.data() + begin, i - begin);
    word_chars += word.chars;
    alphabetic += letter ? 1 : 0;
    s.words.push_back(word);
  }
  out.words = s.words.size();
  const auto words = static_cast<double>(out.words);
  out.mean_word_length = Ratio(static_cast<double>(word_chars), words);
  out.hash_word_ratio = Ratio(static_cast<double>(Count(text, "#")), words);
  out.ellipsis_word_ratio =
      Ratio(static_cast<double>(Count(text, "…") + Count(text, "...")), words);
  out.alphabetic_words = Ratio(static_cast<double>(alphabetic), words);
  out.curly_brackets = Count(text, "{");

  // Lines and paragraphs.
  out.lines = s.lines.size();
  std::size_t ellipsis = 0;
  std::size_t bullets = 0;
  std::size_t terminal = 0;
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    std::string_view line = text.substr(s.lines[i].first, s.lines[i].second - s.lines[i].first);
    ellipsis += EndsWithEllipsis(line) ? 1 : 0;
    terminal += EndsWithTerminalPunctuation(line) ? 1 : 0;
    bullets += s.bullet[i] ? 1 : 0;
  }
  const auto lines = static_cast<double>(out.lines);
  const auto chars = static_cast<double>(out.characters);
  out.lines_ending_with_ellipsis = Ratio(static_cast<double>(ellipsis), lines);
  out.lines_starting_with_bullet = Ratio(static_cast<double>(bullets), lines);
  out.lines_ending_with_terminal_punctuation = Ratio(static_cast<double>(terminal), lines);
  auto [dup_lines, dup_line_chars] = Duplicates(text, s.lines, &s.seen);
  out.duplicate_lines = Ratio(static_cast<double>(dup_lines), lines);
  out.duplicate_line_chars = Ratio(static_cast<double>(dup_line_chars), chars);
  out.paragraphs = paragraphs.size();
  auto [dup_paras, dup_para_chars] = Duplicates(text, paragraphs, &s.seen);
  out.duplicate_paragraphs =
      Ratio(static_cast<double>(dup_paras), static_cast<double>(out.paragraphs));
  out.duplicate_paragraph_chars = Ratio(static_cast<double>(dup_para_chars), chars);

  // Repetition of word n-grams.
  for (std::size_t n = 2; n <= 4; ++n) out.top_ngram_chars[n - 2] = TopGramShare(s, n, word_chars);
  for (std::size_t n = 5; n <= 10; ++n)
    out.duplicate_ngram_chars[n - 5] = DuplicateGramShare(s, n, word_chars);

  // Stop words, on tokens.
  text::Tokenize(text, &s.tokens);
  static constexpr std::string_view kGopher[] = {"the", "be",   "to",   "of",
                                                 "and", "that", "have", "with"};
  for (std::string_view g : kGopher) {
    std::uint64_t h = text::WordHash(g);
    for (const text::Token& t : s.tokens.tokens) {
      if (t.hash == h) {
        ++out.gopher_stop_words;
        break;
      }
    }
  }
  const text::StopwordIndex& index = text::StopwordIndex::Get();
  int language = index.Find(doc.GetMetadata("language"));
  if (language >= 0) {
    text::StopwordCount count = text::CountStopwords(index, s.tokens, language);
    out.stop_word_ratio = Ratio(count.stopwords, count.words);
  }

  // C4's placeholder-text test, case-insensitive on ASCII.
  for (std::size_t at = 0; at + 11 <= text.size() && !out.lorem_ipsum; ++at) {
    static constexpr std::string_view kLorem = "lorem ipsum";
    std::size_t k = 0;
    while (k < kLorem.size() && (text[at + k] | 0x20) == kLorem[k]) ++k;
    out.lorem_ipsum = k == kLorem.size();
  }
  return out;
}

void WriteSignals(const Signals& s, JsonWriter* w) {
  w->BeginObject();
  w->Key("characters");
  w->Uint(s.characters);
  w->Key("words");
  w->Uint(s.words);
  WriteRatio("mean_word_length", s.mean_word_length, w);
  WriteRatio("hash_word_ratio", s.hash_word_ratio, w);
  WriteRatio("ellipsis_word_ratio", s.ellipsis_word_ratio, w);
  w->Key("lines");
  w->Uint(s.lines);
  WriteRatio("lines_ending_with_ellipsis", s.lines_ending_with_ellipsis, w);
  WriteRatio("lines_starting_with_bullet", s.lines_starting_with_bullet, w);
  WriteRatio("lines_ending_with_terminal_punctuation", s.lines_ending_with_terminal_punctuation, w);
  WriteRatio("duplicate_lines", s.duplicate_lines, w);
  WriteRatio("duplicate_line_chars", s.duplicate_line_chars, w);
  w->Key("paragraphs");
  w->Uint(s.paragraphs);
  WriteRatio("duplicate_paragraphs", s.duplicate_paragraphs, w);
  WriteRatio("duplicate_paragraph_chars", s.duplicate_paragraph_chars, w);
  for (std::size_t n = 2; n <= 4; ++n) {
    WriteRatio(fmt::format("top_{}gram_chars", n), s.top_ngram_chars[n - 2], w);
  }
  for (std::size_t n = 5; n <= 10; ++n) {
    WriteRatio(fmt::format("duplicate_{}gram_chars", n), s.duplicate_ngram_chars[n - 5], w);
  }
  w->Key("gopher_stop_words");
  w->Uint(s.gopher_stop_words);
  w->Key("stop_word_ratio");
  if (s.stop_word_ratio) {
    w->Raw(FormatRatio(*s.stop_word_ratio));
  } else {
    w->Null();
  }
  WriteRatio("alphabetic_words", s.alphabetic_words, w);
  w->Key("curly_brackets");
  w->Uint(s.curly_brackets);
  w->Key("lorem_ipsum");
  w->Bool(s.lorem_ipsum);
  w->EndObject();
}

void WriteMetadataWithSignals(const Document& doc, JsonWriter* w) {
  const Signals signals = ComputeSignals(doc);
  w->Key("metadata");
  w->BeginObject();
  bool written = false;
  auto write_signals = [&] {
    w->Key("signals");
    WriteSignals(signals, w);
    written = true;
  };
  for (const MetadataEntry& e : doc.metadata) {
    if (e.key == "signals") continue;  // Recomputed for the text as it is now.
    if (!written && e.key > "signals") write_signals();
    w->Key(e.key);
    if (e.raw_json) {
      w->Raw(e.value);
    } else {
      w->String(e.value);
    }
  }
  if (!written) write_signals();
  w->EndObject();
}

}  // namespace pagewash
