#include "content.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <string>

#include "artefacts.h"
#include "layout.h"
#include "scratch.h"
#include "text/stopwords.h"
#include "text/tokenize.h"
#include "text/unicode.h"

namespace pagewash::internal {
namespace {

// 48 bytes: a page of many short paragraphs has as many units.
struct UnitInfo {
  std::uint32_t first = 0;  // Blocks [first, last], some of which may be gone.
  std::uint32_t last = 0;
  std::uint32_t words = 0;
  std::uint32_t stopwords = 0;
  std::uint32_t lines = 0;         // Lines still present.
  std::uint8_t marker_length = 0;  // Of its list marker and the space after it.
  bool sentence : 1 = false;       // Ends a sentence.
  bool marker : 1 = false;         // Opens with a list marker.
  bool barrier_before : 1 = false; // A barrier line stands between it and the unit before.
  bool final_before : 1 = false;   // ... and it is a `final` one.
  bool counted : 1 = false;        // Its words are the sum of its lines' in PageWords.
  double score = 0;                // For (> 0) or against (< 0) being content.
  std::string_view text;           // The unit's lines joined by spaces, in the page's units
                                   // buffer, or its one line in the document when that is the same.
};
static_assert(sizeof(UnitInfo) <= 48);

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool StartsWithCapital(std::string_view word) {
  std::size_t i = 0;
  std::uint32_t c = text::NextCodePoint(word, &i);
  return text::IsUpper(c);
}

// Counts the words of `line` that begin with a capital letter. Words are
// split at spaces; a word without letters (a number) counts as capitalised,
// as a label's number does ("Page 2").
std::uint32_t CapitalisedWords(std::string_view line) {
  std::uint32_t n = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    std::string_view w = line.substr(pos, end - pos);
    if (!w.empty() && (StartsWithCapital(w) || IsDigit(w.front()))) ++n;
    pos = end + 1;
  }
  return n;
}

// The weights of the unit score (see JudgeContent).
struct Weights {
  double theta;      // Share of the page's prose density a unit needs to count for content.
  double unit_cost;  // What every unit costs: furniture comes in many small units.
  double sentence_bonus;  // Per word, for a unit that ends a sentence.
  double inside_floor;    // Inside the span, a unit scoring below this still goes.
  double title_cost;      // Per word, for a unit that ends no sentence: a title, a label.
};

Weights WeightsFor(Favor favor) {
  switch (favor) {
    case Favor::kPrecision:
      return {0.5, 4.0, 0.3, -6.0, 0.2};
    case Favor::kRecall:
      return {0.3, 2.0, 0.3, -12.0, 0.0};
    case Favor::kBalanced:
      break;
  }
  return {0.4, 3.0, 0.3, -8.0, 0.1};
}

// The stop-word density of the page's prose: the upper quartile of the
// densities of its units of 30 words or more (most of which, on a page with
// an article, are the article). Stop-word lists differ in length from one
// language to another; scores are relative to this.
double ProseDensity(const std::vector<UnitInfo>& units) {
  thread_local Scratch<std::vector<double>> d;  // Kept across documents (scratch.h).
  d.clear();
  for (const UnitInfo& u : units) {
    if (u.words >= 30) d.push_back(static_cast<double>(u.stopwords) / u.words);
  }
  if (d.empty()) return 0.5;
  std::size_t k = d.size() * 3 / 4;
  std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(k), d.end());
  return std::max(d[k], 0.05);
}

// How much the units between a box and the main content below it may weigh
// against it (in units' costs), and the share of the content's weight that
// the run of prose right above the box needs to be the article's first part.
constexpr double kBoxGap = 2;
constexpr double kBoxShare = 0.2;

// The share of the page's best run of content that a run before a final
// barrier needs to be the main content rather than what comes after it: a
// comment thread often runs to two or three times its article's length.
constexpr double kBarrierShare = 1.0 / 3;
// A gallery has at least this many slides counted "k/N", and goes when the
// span holds at least this many words beside it (a page that is only a
// photo essay keeps its slides).
constexpr std::size_t kGallerySlides = 3;
constexpr std::size_t kGalleryBeside = 150;

// How far above the main content (in bytes of the units between) a heading
// may stand and still be its heading.
constexpr std::size_t kHeadingDistance = 300;

// A heading or a headline: one line of 1 to 20 words that ends no sentence,
// opens with a capital or a digit, starts a paragraph and is no list item.
bool ReadsAsHeading(const UnitInfo& u, const Document& doc, bool one_block_per_line, const BodyLayout& body) {
  if (u.lines != 1 || u.marker || u.sentence || u.words == 0 || u.words > 20) return false;
  if (!AtHeadingIndent(doc, doc.blocks[u.first], body)) return false;
  if (!doc.blocks[u.first].gap && u.first > 0 && !one_block_per_line) return false;
  std::size_t i = AtxPrefixLength(u.text);  // A Markdown heading's "## " comes first.
  std::uint32_t c = text::NextCodePoint(u.text, &i);
  // A mailing list's tag may come first: "[list-name] Subject".
  if (c == '[') {
    std::size_t close = u.text.find("] ");
    if (close == std::string::npos) return false;
    i = close + 2;
    c = text::NextCodePoint(u.text, &i);
  } else if (!text::IsLetter(c) && !IsDigit(static_cast<char>(c)) && i < u.text.size()) {
    c = text::NextCodePoint(u.text, &i);  // An opening quote: "“Title”".
  }
  return text::IsUpper(c) || IsDigit(static_cast<char>(c)) || (text::IsLetter(c) && !text::IsLower(c));
}

// No line of the unit but its last ends a sentence: a wrapped headline, not
// a sentence and a line after it.
bool OneSentenceOrNone(const Document& doc, const UnitInfo& u, const std::vector<bool>& removed) {
  for (std::uint32_t b = u.first; b < u.last; ++b) {
    if (!removed[b] && EndsSentence(doc.Text(doc.blocks[b]))) return false;
  }
  return true;
}

// How far above the main content a headline is looked for, in units, and how
// much of the article is read to see which words it repeats.
constexpr std::size_t kHeadlineUnitsAbove = 80;
constexpr std::size_t kHeadlineUnitsInside = 1;
// Words of the unit that opens an article (a paragraph, not a teaser's line).
constexpr std::uint32_t kFirstParagraphWords = 25;
constexpr std::size_t kArticleWordsRead = 3000;
// log1p of how often the article repeats a one-word name for it to be the
// headline (about 20 times).
constexpr double kNameRepeats = 3.0;

// The headline: of the units that read like one (a few words on at most
// three lines, no list item, no finished sentence but a question or an
// exclamation, no year), above the main content or among its first units,
// the one whose words the article repeats most. A menu label or a teaser
// shares few words with the article; its headline shares most of its own,
// and its key words recur in it.
// Returns units.size() when none shares two words or half of its own.
// At most this many words with a year make a date line, not a headline.
constexpr std::uint32_t kDateWords = 6;

// "19:42", "7:05": a time of day.
bool HasClockTime(std::string_view s) {
  for (std::size_t i = 1; i + 2 < s.size(); ++i) {
    if (s[i] == ':' && IsDigit(s[i - 1]) && IsDigit(s[i + 1]) && IsDigit(s[i + 2]) &&
        (i + 3 == s.size() || !IsDigit(s[i + 3]))) {
      return true;
    }
  }
  return false;
}

std::size_t FindHeadline(const Document& doc, const std::vector<bool>& removed, const std::vector<UnitInfo>& units,
                         std::size_t span_first, std::size_t span_last, const text::StopwordIndex& index,
                         int language, const BodyLayout& body) {
  // The span may take in a few teasers or menu items above the article's
  // first paragraph: when none above the span reads as the headline, it may
  // stand among them.
  std::size_t start = span_first;
  while (start < span_last && !(units[start].sentence && !units[start].marker &&
                                units[start].words >= kFirstParagraphWords && units[start].score > 0)) {
    ++start;
  }
  if (start == span_last) start = span_first;
  // The words of each unit that may be the headline, stop words left out.
  // The loop below looks at units [first, ...] while it has found none, up to
  // `start`; it never looks past max(last, start).
  const std::uint64_t stop_bit = language >= 0 ? std::uint64_t{1} << language : 0;
  thread_local Scratch<text::TokenizedText> tokens;
  const std::size_t first = span_first > kHeadlineUnitsAbove ? span_first - kHeadlineUnitsAbove : 0;
  const std::size_t last = std::min(span_last, span_first + kHeadlineUnitsInside - 1);
  const std::size_t end = std::max(last, start) + 1;
  auto may_be_headline = [&](std::size_t i) {
    const UnitInfo& u = units[i];
    // A year in a few words, or with a time of day, is a date line
    // ("Updated March 9, 2017", "Post by anna » Mon 13 Jan 2025, 19:42"); a
    // headline may name one ("Video in 2020: what changed").
    if (u.marker || u.lines > 3 || u.words < 2 || u.words > 30) return false;
    if (HasYear(u.text) && (u.words <= kDateWords || HasClockTime(u.text))) return false;
    if (!AtHeadingIndent(doc, doc.blocks[u.first], body)) return false;
    if (u.sentence && !u.text.ends_with('?') && !u.text.ends_with('!')) return false;
    if (u.lines > 1 && !OneSentenceOrNone(doc, u, removed)) return false;
    return true;
  };
  thread_local Scratch<std::vector<std::uint64_t>> owns;  // Each candidate's words, sorted and unique, one after another.
  thread_local Scratch<std::vector<std::uint32_t>> own_end;  // Where candidate first + k ends in `owns`.
  thread_local Scratch<std::vector<bool>> candidate;
  owns.clear();
  own_end.assign(end - first, 0);
  candidate.assign(end - first, false);
  for (std::size_t i = first; i < end; ++i) {
    const std::size_t own_begin = owns.size();
    if (may_be_headline(i)) {
      candidate[i - first] = true;
      text::Tokenize(units[i].text, &tokens);
      for (const text::Token& t : tokens.tokens) {
        if (t.end - t.begin >= 3 && (index.Languages(t.hash) & stop_bit) == 0) owns.push_back(t.hash);
      }
      std::sort(owns.begin() + static_cast<std::ptrdiff_t>(own_begin), owns.end());
      owns.erase(std::unique(owns.begin() + static_cast<std::ptrdiff_t>(own_begin), owns.end()), owns.end());
    }
    own_end[i - first] = static_cast<std::uint32_t>(owns.size());
  }
  // How often the article uses each of those words (repeats count: its key
  // words recur). The article is read up to kArticleWordsRead words, a whole
  // unit at a time, without keeping its words.
  thread_local Scratch<std::vector<std::uint64_t>> wanted;
  wanted.assign(owns.begin(), owns.end());
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  thread_local Scratch<std::vector<std::uint32_t>> uses;
  uses.assign(wanted.size(), 0);
  // One bit of 1,024 for each wanted word (by its hash's low bits): most of
  // the article's words are none of them and skip the search.
  std::array<std::uint64_t, 16> wanted_bits{};
  for (std::uint64_t h : wanted) wanted_bits[(h >> 6) & 15] |= std::uint64_t{1} << (h & 63);
  std::size_t article_words = 0;
  for (std::size_t i = span_first; i <= span_last && article_words < kArticleWordsRead; ++i) {
    text::TokenizeInParts(units[i].text, &tokens, [&](const text::TokenizedText& part, std::size_t) {
      for (const text::Token& t : part.tokens) {
        if (t.end - t.begin < 3 || (index.Languages(t.hash) & stop_bit) != 0) continue;
        ++article_words;
        if ((wanted_bits[(t.hash >> 6) & 15] >> (t.hash & 63) & 1) == 0) continue;
        auto at = std::lower_bound(wanted.begin(), wanted.end(), t.hash);
        if (at != wanted.end() && *at == t.hash) ++uses[static_cast<std::size_t>(at - wanted.begin())];
      }
    });
  }

  std::size_t best = units.size();
  double best_score = 0;
  for (std::size_t i = first; i <= last || (best == units.size() && i <= start); ++i) {
    if (!candidate[i - first]) continue;
    const std::size_t own_begin = i == first ? 0 : own_end[i - first - 1];
    const std::size_t own_size = own_end[i - first] - own_begin;
    // Each word shared with the article counts by how often the article
    // uses it (its key words recur), each word it does not share against.
    std::size_t shared = 0;
    double score = 0;
    for (std::size_t k = own_begin; k < own_end[i - first]; ++k) {
      const std::uint32_t n =
          uses[static_cast<std::size_t>(std::lower_bound(wanted.begin(), wanted.end(), owns[k]) - wanted.begin())];
      if (n == 0) {
        score -= 0.5;
        continue;
      }
      ++shared;
      score += std::log1p(static_cast<double>(n));
    }
    // A name of one word and a stop word ("New Zealand") is the article's
    // headline if the article says it again and again.
    bool one_word_name = shared == 1 && own_size == 1 && units[i].words >= 2 && score >= kNameRepeats;
    if ((shared < 2 && !one_word_name) || shared * 2 < own_size) continue;
    if (score >= best_score) {  // The nearest to the article wins a tie: scanning down.
      best_score = score;
      best = i;
    }
  }
  return best;
}

// Why a unit inside the main-content span still goes: its shape.
std::string_view InsideReason(const UnitInfo& u) {
  // Link labels: capitalised words, no sentence ("Home News Sport Weather").
  if (!u.sentence && (u.marker || CapitalisedWords(u.text) * 10 >= u.words * 6)) return kMenu;
  return kNotProse;
}

// The N of a gallery slide's counter: a list item whose text after its
// marker opens "k/N " with 1 <= k <= N, or 0.
std::uint32_t SlideCount(const UnitInfo& u) {
  const std::string_view text = u.text;
  std::size_t i = std::min<std::size_t>(u.marker_length, text.size());
  auto number = [&](std::uint32_t* value) {
    std::size_t start = i;
    *value = 0;
    while (i < text.size() && IsDigit(text[i]) && i - start < 4) *value = *value * 10 + static_cast<std::uint32_t>(text[i++] - '0');
    return i > start && (i == text.size() || !IsDigit(text[i]));
  };
  std::uint32_t k = 0;
  std::uint32_t n = 0;
  if (!number(&k) || i >= text.size() || text[i++] != '/' || !number(&n)) return 0;
  if (i >= text.size() || text[i] != ' ' || k == 0 || k > n) return 0;
  return n;
}

// What the model counts of some tokens, added to the counts so far; the
// LanguageSetId of each stop word is appended to *stops.
struct WordCounts {
  std::size_t tokens = 0;
  std::size_t short_tokens = 0;  // Of one or two bytes: a letter, a digit.
  std::uint32_t words = 0;       // As text::CountStopwords counts them.
};
void CountWords(const text::TokenizedText& t, WordCounts* counts, std::vector<std::uint16_t>* stops) {
  counts->tokens += t.tokens.size();
  for (const text::Token& token : t.tokens) counts->short_tokens += token.end - token.begin <= 2;
  text::AppendStopwordLanguageSets(text::StopwordIndex::Get(), t, stops, &counts->words);
}

}  // namespace

void AddLineWords(const text::TokenizedText* tokens, PageWords* words) {
  PageWords::Line& line = words->lines.emplace_back();
  if (tokens != nullptr) {
    WordCounts counts;
    CountWords(*tokens, &counts, &words->stop_sets);
    line.tokens = static_cast<std::uint32_t>(counts.tokens);
    line.short_tokens = static_cast<std::uint32_t>(counts.short_tokens);
    line.words = counts.words;
  }
  line.stops_end = static_cast<std::uint32_t>(words->stop_sets.size());
}

ContentVerdict JudgeContent(const Document& doc, const std::vector<bool>& removed, const std::vector<bool>& barrier,
                            Favor favor, const std::vector<Unit>* split, const std::vector<bool>* final_barrier,
                            const PageWords* page_words) {
  ContentVerdict result;
  std::vector<std::string_view>& verdict = result.reasons;
  verdict.assign(doc.blocks.size(), std::string_view());
  const text::StopwordIndex& index = text::StopwordIndex::Get();
  const Weights w = WeightsFor(favor);
  const bool one_block_per_line = OneBlockPerLine(doc);
  const BodyLayout body = MeasureBody(doc);

  // 1. Units, with their shape. Renderer artefacts go first, line by line:
  // they are no part of the unit they were wrapped into.
  // Its buffers, here and below, are kept from document to document, one
  // set a thread: a document costs no allocation for them once they have grown.
  thread_local Scratch<std::vector<UnitInfo>> units;
  units.clear();
  thread_local Scratch<text::TokenizedText> tokens;
  // The units' texts one after another, in one buffer rather than a string
  // a unit. It holds each line at most once (AppendWithoutInlineMarks only
  // takes out) and a space before it: sized for that, it never moves, and
  // UnitInfo::text points into it as soon as its unit is built.
  thread_local Scratch<std::string> joined;
  joined.clear();
  std::size_t bound = doc.blocks.size();
  for (const Block& b : doc.blocks) bound += b.text.length;
  joined.reserve(bound);
  const char* const joined_data = joined.data();
  bool barrier_seen = false;
  bool final_seen = false;
  EmbeddedMarkup embedded_markup;
  thread_local Scratch<std::vector<Unit>> own;
  if (split == nullptr) {
    SplitUnits(doc, &own);
    split = &own;
  }
  // One UnitInfo a unit at most: room for them at once, as a vector that
  // doubles holds its old and new buffers while it copies.
  units.reserve(split->size());
  // lynx opens a page with its <link> elements, "#alternate", "#RSS Feed":
  // the first lines, up to a blank line, when the first opens with '#' and a
  // word ("# Title" is a Markdown heading).
  if (!doc.blocks.empty() && IsLinkBar(doc.Text(doc.blocks[0]))) {
    for (std::size_t b = 0; b < doc.blocks.size() && (b == 0 || !doc.blocks[b].gap); ++b) {
      if (!removed[b]) verdict[b] = kRendererArtefact;
    }
  }
  for (const Unit& unit : *split) {
    UnitInfo u;
    u.first = unit.first;
    u.last = unit.last;
    const std::size_t text_begin = joined.size();
    u.counted = page_words != nullptr;
    std::string_view last_line;
    for (std::uint32_t b = unit.first; b <= unit.last; ++b) {
      if (removed[b] || !verdict[b].empty()) {
        barrier_seen = barrier_seen || (removed[b] && barrier[b]);
        final_seen = final_seen || (removed[b] && final_barrier != nullptr && (*final_barrier)[b]);
        continue;
      }
      std::string_view line = doc.Text(doc.blocks[b]);
      // "2015." under a wrapped line is the end of its sentence.
      const bool wrapped_above = u.lines > 0 && b > unit.first && !removed[b - 1] && WrappedAt(doc, b - 1);
      const bool markup = embedded_markup.IsMarkup(line);
      if (markup || (IsRendererArtefact(line) && !(wrapped_above && IsNumbersOnly(line)))) {
        verdict[b] = kRendererArtefact;
        continue;
      }
      if (u.lines == 0) {
        ListMarker marker;
        u.marker = ParseListMarker(line, &marker, doc.blocks[b].indent);
        u.marker_length = u.marker ? static_cast<std::uint8_t>(std::min<std::size_t>(marker.length, 255)) : 0;
      }
      if (joined.size() > text_begin && joined.back() != ' ') joined += ' ';
      const std::size_t line_begin = joined.size();
      AppendWithoutInlineMarks(line, &joined);
      u.counted = u.counted && joined.size() - line_begin == line.size() &&
                  page_words->lines[b].tokens != PageWords::kNotCounted;
      if (joined.size() == line_begin && line_begin > text_begin) joined.pop_back();  // Only marks.
      last_line = line;
      ++u.lines;
    }
    if (u.lines == 0) {
      joined.resize(text_begin);
      continue;
    }
    if (u.lines == 1 && joined.size() - text_begin == last_line.size()) {
      // One line, no inline mark taken out: the unit's text is the line
      // itself, and a page of one-line paragraphs is not copied again.
      joined.resize(text_begin);
      u.text = last_line;
    } else {
      u.text = std::string_view(joined).substr(text_begin);
    }
    u.barrier_before = barrier_seen;
    u.final_before = final_seen;
    barrier_seen = false;
    final_seen = false;
    u.sentence = EndsSentence(last_line);
    units.push_back(std::move(u));
  }
  assert(joined.data() == joined_data);
  static_cast<void>(joined_data);
  if (units.empty()) return result;
  std::size_t text_bytes = 0;
  for (const UnitInfo& u : units) text_bytes += u.text.size();

  // 2. Stop words, in the page's language. Each unit is tokenized (a long
  // one part by part) and each word looked up once: the languages of its
  // stop words are kept, unit after unit, for the count in the page's
  // language once that is known. A unit of many stop words keeps a count per
  // language instead, so a page of one huge paragraph costs no more than one
  // of many small ones.
  constexpr std::size_t kCountedAbove = 1024;
  using LanguageCounts = std::array<std::uint32_t, 64>;
  thread_local Scratch<std::vector<std::uint32_t>> hits;
  thread_local Scratch<std::vector<std::uint16_t>> stop_languages;  // LanguageSetId of each stop word.
  thread_local Scratch<std::vector<LanguageCounts>> counted;
  thread_local Scratch<std::vector<std::uint32_t>> unit_stops_end;
  thread_local Scratch<std::vector<std::int32_t>> unit_counted;
  hits.assign(index.size(), 0);
  stop_languages.clear();
  counted.clear();
  unit_stops_end.assign(units.size(), 0);
  unit_counted.assign(units.size(), -1);
  // Prose has a stop word every 10 bytes or so; a unit keeps no more than
  // about kCountedAbove of them.
  stop_languages.reserve(std::min(text_bytes / 8, units.size() * kCountedAbove));
  auto count_languages = [](std::uint64_t langs, LanguageCounts* counts) {
    for (; langs != 0; langs &= langs - 1) ++(*counts)[static_cast<std::size_t>(__builtin_ctzll(langs))];
  };
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::size_t begin = stop_languages.size();
    WordCounts counts;
    auto fold_counted = [&] {
      if (stop_languages.size() - begin <= kCountedAbove) return;
      if (unit_counted[i] < 0) {
        unit_counted[i] = static_cast<std::int32_t>(counted.size());
        counted.emplace_back().fill(0);
      }
      for (std::size_t k = begin; k < stop_languages.size(); ++k) {
        count_languages(index.LanguageSet(stop_languages[k]), &counted.back());
      }
      stop_languages.resize(begin);
    };
    if (units[i].counted) {
      // The sums of its lines' counts, the lines step 1 joined.
      for (std::uint32_t b = units[i].first; b <= units[i].last; ++b) {
        if (removed[b] || !verdict[b].empty()) continue;
        const PageWords::Line& line = page_words->lines[b];
        counts.tokens += line.tokens;
        counts.short_tokens += line.short_tokens;
        counts.words += line.words;
        const std::uint32_t stops_begin = b == 0 ? 0 : page_words->lines[b - 1].stops_end;
        stop_languages.insert(stop_languages.end(), page_words->stop_sets.begin() + stops_begin,
                              page_words->stop_sets.begin() + line.stops_end);
        fold_counted();
      }
    } else {
      text::TokenizeInParts(units[i].text, &tokens, [&](const text::TokenizedText& part, std::size_t) {
        CountWords(part, &counts, &stop_languages);
        fold_counted();
      });
    }
    units[i].words = counts.words;
    // Only units of 8 tokens or more vote for the page's language, and not
    // those of mostly single letters and digits: a formula's variables are
    // the one-letter stop words of many languages ("a", "e", "i", "y").
    if (counts.tokens >= 8 && counts.short_tokens * 2 <= counts.tokens) {
      if (unit_counted[i] >= 0) {
        const LanguageCounts& by_language = counted[static_cast<std::size_t>(unit_counted[i])];
        for (std::size_t l = 0; l < hits.size(); ++l) hits[l] += by_language[l];
      }
      for (std::size_t k = begin; k < stop_languages.size(); ++k) {
        for (std::uint64_t langs = index.LanguageSet(stop_languages[k]); langs != 0; langs &= langs - 1) {
          ++hits[static_cast<std::size_t>(__builtin_ctzll(langs))];
        }
      }
    }
    unit_stops_end[i] = static_cast<std::uint32_t>(stop_languages.size());
  }
  int language = -1;
  for (std::size_t i = 0, best = 0; i < hits.size(); ++i) {
    if (hits[i] > best) {
      best = hits[i];
      language = static_cast<int>(i);
    }
  }
  const std::uint64_t language_bit = language >= 0 ? std::uint64_t{1} << language : 0;
  for (std::size_t i = 0, begin = 0; i < units.size(); begin = unit_stops_end[i++]) {
    UnitInfo& u = units[i];
    u.stopwords = 0;
    if (unit_counted[i] >= 0 && language >= 0) {
      u.stopwords = counted[static_cast<std::size_t>(unit_counted[i])][static_cast<std::size_t>(language)];
    }
    for (std::size_t k = begin; k < unit_stops_end[i]; ++k) {
      u.stopwords += (index.LanguageSet(stop_languages[k]) & language_bit) != 0;
    }
  }

  // 3. Each unit's score: its words weighted by how far its stop-word density
  // is above or below the page's prose, a bonus for a finished sentence or a
  // cost for a title or label that ends none, less a cost every unit pays.
  const double prose = ProseDensity(units);
  for (UnitInfo& u : units) {
    double density = u.words == 0 ? 0.0 : static_cast<double>(u.stopwords) / u.words;
    u.score = u.words * (density / prose - w.theta) - w.unit_cost;
    u.score += (u.sentence ? w.sentence_bonus : -w.title_cost) * u.words;
    // A list item's words never count against it: lists of names, parts or
    // results inside an article have few stop words. It pays half the cost
    // of a unit, so a menu (many items) still weighs against a span.
    if (u.marker) u.score = std::max(u.score, -0.5 * w.unit_cost);
  }
  // A list that a line ending in ':' introduces ("You will need:") is part
  // of what introduced it, however few stop words its items have
  // (ingredients, parts, dates): its items cost nothing.
  for (std::size_t i = 1; i < units.size(); ++i) {
    if (!units[i].marker) continue;
    std::size_t k = i;
    while (k > 0 && units[k - 1].marker) --k;
    if (k > 0 && units[k - 1].text.ends_with(':')) units[i].score = std::max(units[i].score, 0.0);
  }

  // 4. The main content: the run of units with the largest sum of scores.
  double best = 0;
  double run = 0;
  std::size_t run_start = 0;
  std::size_t span_first = 0;
  std::size_t span_last = 0;
  bool found = false;
  // A final barrier says the article is over: what follows (a comment
  // thread, a live feed) may outweigh it, having more words. The page is cut
  // at final barriers into parts, each with its best run (which no barrier
  // splits); the first part whose best run has at least kBarrierShare of the
  // page's best holds the main content.
  struct Run {
    double sum;
    std::size_t first;
    std::size_t last;
  };
  thread_local Scratch<std::vector<Run>> part_best;
  part_best.clear();
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].final_before || i == 0) part_best.push_back(Run{0, 0, 0});
    if (run <= 0 || units[i].barrier_before) {
      run = 0;
      run_start = i;
    }
    run += units[i].score;
    if (run > part_best.back().sum) part_best.back() = Run{run, run_start, i};
    best = std::max(best, run);
  }
  for (const Run& r : part_best) {
    if (r.sum > 0 && r.sum >= kBarrierShare * best) {
      span_first = r.first;
      span_last = r.last;
      found = true;
      break;
    }
  }
  if (!found) return result;  // Nothing reads as content: keep the page as it is.
  // A box (a barrier that is not final: "Other people are reading") above
  // the span with little but the article's furniture between ("What you'll
  // need:", "Step 1"), right under a run of prose with a good share of the
  // span's weight: the box stood inside the article, whose first part is
  // that run.
  {
    double span_sum = 0;
    for (std::size_t i = span_first; i <= span_last; ++i) span_sum += units[i].score;
    double between = 0;  // What the units from the box to the span weigh.
    for (std::size_t b = span_first; b > 0 && between > -kBoxGap * w.unit_cost; --b) {
      if (b < span_first) between += units[b].score;
      if (!units[b].barrier_before) continue;
      if (units[b].final_before || between <= -kBoxGap * w.unit_cost) break;
      double sum = 0;
      double best_sum = 0;
      std::size_t best_start = b;
      for (std::size_t k = b; k > 0; --k) {
        sum += units[k - 1].score;
        if (sum > best_sum) {
          best_sum = sum;
          best_start = k - 1;
        }
        if (units[k - 1].barrier_before) break;
      }
      if (best_sum >= kBoxShare * span_sum) span_first = best_start;
      break;
    }
  }
  // A short paragraph at either end (the last sentence of an article, under
  // its last heading) loses to the cost every unit pays, not to its words:
  // the span takes in whole sentences next to it that are not far below it.
  auto prose_edge = [&](const UnitInfo& u) {
    if (u.score >= 0) return true;  // Costs nothing: the rest of an introduced list.
    return u.sentence && !u.marker && u.words >= 4 && u.score > -2 * w.unit_cost;
  };
  // A heading with such a paragraph under it goes with it.
  while (span_last + 1 < units.size() && !units[span_last + 1].barrier_before) {
    if (prose_edge(units[span_last + 1])) {
      ++span_last;
    } else if (span_last + 2 < units.size() && !units[span_last + 2].barrier_before &&
               ReadsAsHeading(units[span_last + 1], doc, one_block_per_line, body) &&
               prose_edge(units[span_last + 2])) {
      span_last += 2;
    } else {
      break;
    }
  }
  while (span_first > 0 && !units[span_first].barrier_before && prose_edge(units[span_first - 1])) --span_first;

  // The headline, and headings or labels above it, stand before the first
  // paragraph with a byline, a date or a share bar between them: short lines
  // within a few hundred characters above the span that read as headings
  // are content too (jusText keeps headings near good text the same way).
  // Three or more labels of one to three words in a row are a menu, not
  // headings: the scan stops there.
  // Units outside the span that are content all the same: these headings,
  // a letter's closing lines below the span, and the headline.
  thread_local Scratch<std::vector<bool>> kept_beside_span;
  kept_beside_span.assign(units.size(), false);
  std::size_t distance = 0;
  std::size_t labels = 0;
  for (std::size_t i = span_first; i > 0 && distance <= kHeadingDistance; --i) {
    const UnitInfo& u = units[i - 1];
    labels = u.words <= 3 && !u.sentence ? labels + 1 : 0;
    if (labels >= 3) {
      for (std::size_t k = i - 1; k < i + 2; ++k) kept_beside_span[k] = false;
      break;
    }
    if (ReadsAsHeading(u, doc, one_block_per_line, body)) kept_beside_span[i - 1] = true;
    distance += u.text.size();
  }

  // A letter's or a post's closing lines ("Thanks, Marta", "Best regards"
  // over a name) stand just below its last paragraph: a greeting and a name
  // in one paragraph of at most two lines of a few words.
  if (span_last + 1 < units.size() && !units[span_last + 1].barrier_before) {
    const UnitInfo& greeting = units[span_last + 1];
    auto tiny = [](const UnitInfo& u) { return !u.marker && u.words > 0 && u.words <= 4 && u.lines <= 2; };
    if (tiny(greeting) && (greeting.lines == 2 || greeting.text.find(',') != std::string_view::npos)) {
      kept_beside_span[span_last + 1] = true;
    } else if (tiny(greeting) && greeting.lines == 1 && span_last + 2 < units.size() &&
               tiny(units[span_last + 2]) && units[span_last + 2].lines == 1 &&
               !doc.blocks[units[span_last + 2].first].gap) {
      kept_beside_span[span_last + 1] = true;
      kept_beside_span[span_last + 2] = true;
    }
  }

  // 5. The headline.
  std::size_t headline = FindHeadline(doc, removed, units, span_first, span_last, index, language, body);
  if (headline < units.size()) {
    kept_beside_span[headline] = true;
    result.headline = static_cast<int>(units[headline].first);
    // A Markdown heading's "# " is markup, not title (segment drops it too).
    result.headline_text = units[headline].text.substr(AtxPrefixLength(units[headline].text));
  }

  // 6. A gallery's slides inside the span: list items counted "k/N" with
  // one N, three or more, beside an article of its own.
  std::vector<bool> slide(units.size(), false);
  {
    std::uint32_t gallery = 0;
    std::size_t slides = 0;
    std::size_t slide_words = 0;
    std::size_t span_words = 0;
    for (std::size_t i = span_first; i <= span_last; ++i) {
      span_words += units[i].words;
      if (!units[i].marker) continue;
      std::uint32_t n = SlideCount(units[i]);
      if (n == 0 || (gallery != 0 && n != gallery)) continue;
      gallery = n;
      slide[i] = true;
      ++slides;
      slide_words += units[i].words;
    }
    if (slides < kGallerySlides || span_words - slide_words < kGalleryBeside) slide.assign(units.size(), false);
  }

  for (std::size_t i = 0; i < units.size(); ++i) {
    const UnitInfo& u = units[i];
    std::string_view reason;
    if (kept_beside_span[i]) continue;
    if (slide[i]) reason = kGallery;
    if (!reason.empty()) {
    } else if (i < span_first || i > span_last) {
      reason = kOutsideMainContent;
    } else if (u.score < w.inside_floor) {
      reason = InsideReason(u);
    }
    if (reason.empty()) continue;
    for (std::uint32_t b = u.first; b <= u.last; ++b) {
      if (!removed[b] && verdict[b].empty()) verdict[b] = reason;
    }
  }
  return result;
}

}  // namespace pagewash::internal
