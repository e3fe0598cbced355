// pagewash_floor: the least work any cleaner of JSON Lines pages must do,
// written for speed, to set pagewash's speed against.
//
//   pagewash_floor [--no-words | --distinct] FILE.jsonl > OUT.jsonl
//
// For each record it parses the JSON (simdjson), takes "id" and "text",
// drops every empty line and every line already seen in the same record
// (awk's '!seen[$0]++' kept per document, lines compared by a 64-bit XXH3
// hash), hashes every word of the kept lines once, and writes
// {"id":...,"text":...,"words":N} with the kept lines joined by "\n" (escaped
// by pagewash's own escaper, include/pagewash/json.h). A word
// is a run of bytes that are ASCII letters, ASCII digits or >= 0x80 (so
// "naïve" is one word); ASCII capitals are folded inside the hash. Blank
// input lines are skipped, as pagewash skips them.
// --no-words skips the word pass: JSON in, exact line dedup, JSON out.
// --distinct adds "distinct": how many different words (by hash) the record
// has, which shows that the hash folds ASCII capitals (tests/cli/floor_test.py).
//
// It does none of what makes pagewash a cleaner (no rules, no content model,
// no Unicode folding or NFKC, no near duplicates, no sections): what it
// costs is a bound below any cleaner's, not a target. tools/bench/compare.sh
// times it beside `pagewash clean` and awk.
#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pagewash/json.h"

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// 64-bit hashes of one document, open addressing, at most half full (it
// grows); reused across documents. A hash is kept with its lowest bit set,
// since 0 marks an empty slot.
class HashSet {
 public:
  void Reset(std::size_t expected) {
    std::size_t n = 64;
    while (n < expected * 2) n *= 2;
    slots_.assign(n, 0);
    size_ = 0;
  }
  /// True when `h` was not in the set (it is now).
  bool Insert(std::uint64_t h) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    h |= 1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      if (slots_[i] == h) return false;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++size_;
        return true;
      }
    }
  }

 private:
  void Grow() {
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint64_t h : old) {
      if (h == 0) continue;
      std::size_t i = h & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = h;
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

// Word bytes of the 64 at `p`, one bit each: ASCII letters and digits, and
// every byte >= 0x80.
std::uint64_t WordMask64(const char* p) {
#if defined(__SSE2__)
  std::uint64_t m = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Unsigned range tests as signed ones, shifted by 128.
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_cmplt_epi8(_mm_sub_epi8(lower, _mm_set1_epi8(static_cast<char>('a' + 128))),
                                          _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>('0' + 128))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 10)));
    const __m128i high = _mm_cmplt_epi8(v, _mm_setzero_si128());
    const auto bits = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), high)));
    m |= static_cast<std::uint64_t>(bits) << (16 * k);
  }
  return m;
#else
  std::uint64_t m = 0;
  for (int k = 0; k < 64; ++k) {
    const auto c = static_cast<unsigned char>(p[k]);
    const bool word = static_cast<unsigned>((c | 0x20) - 'a') < 26u || static_cast<unsigned>(c - '0') < 10u || c >= 0x80;
    m |= static_cast<std::uint64_t>(word) << k;
  }
  return m;
#endif
}

// One word's hash: eight bytes at a time, ASCII capitals folded, mixed by a
// multiply. `p` may be read up to seven bytes past the word.
std::uint64_t WordHash(const char* p, std::size_t n) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  for (std::size_t q = 0; q < n; q += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + q, 8);
    if (n - q < 8) w &= ~std::uint64_t{0} >> (64 - 8 * (n - q));
    // 'A' to 'Z' (bytes below 0x80): set 0x20. A sum's carry reaches the
    // next byte only from a byte >= 0xC1, a lead byte, which valid UTF-8
    // (all simdjson passes) follows with a byte >= 0x80, never folded.
    // Little-endian: the word's first byte is w's lowest.
    const std::uint64_t upper = (w + kOnes * (0x80 - 'A')) & ~(w + kOnes * (0x80 - 'Z' - 1)) & ~w & kHigh;
    w |= upper >> 2;
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  return h;
}

// The words of `line`, hashed into the first elements of *hashes; returns
// how many. The 64 bytes after the line must be readable (the caller pads its
// buffer).
std::size_t HashWords(std::string_view line, std::vector<std::uint32_t>* starts, std::vector<std::uint32_t>* ends,
               std::vector<std::uint64_t>* hashes) {
  const std::size_t n = line.size();
  if (starts->size() < n + 64) {
    starts->resize(n + 64);
    ends->resize(n + 64);
  }
  std::uint32_t* s = starts->data();
  std::uint32_t* e = ends->data();
  std::size_t ns = 0;
  std::size_t ne = 0;
  std::uint64_t carry = 0;
  for (std::size_t i = 0; i < n; i += 64) {
    std::uint64_t m = WordMask64(line.data() + i);
    if (n - i < 64) m &= (std::uint64_t{1} << (n - i)) - 1;
    const std::uint64_t before = m << 1 | carry;
    carry = m >> 63;
    for (std::uint64_t b = m & ~before; b != 0; b &= b - 1) s[ns++] = static_cast<std::uint32_t>(i + __builtin_ctzll(b));
    for (std::uint64_t b = ~m & before; b != 0; b &= b - 1) e[ne++] = static_cast<std::uint32_t>(i + __builtin_ctzll(b));
  }
  if (carry != 0) e[ne++] = static_cast<std::uint32_t>(n);
  if (hashes->size() < ns) hashes->resize(ns);
  std::uint64_t* h = hashes->data();
  for (std::size_t k = 0; k < ns; ++k) h[k] = WordHash(line.data() + s[k], e[k] - s[k]);
  return ns;
}

// Reads a file in blocks of at least 4 MiB, handing out whole lines; a line
// and the SIMDJSON_PADDING bytes after it stay readable until the next call.
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd), buffer_(kBlock + simdjson::SIMDJSON_PADDING) {}
  /// Sets *line to the next line (without its '\n'); false at the end or
  /// on a read error (then errno is set and error() is true).
  bool Next(std::string_view* line) {
    for (;;) {
      const char* nl = static_cast<const char*>(std::memchr(buffer_.data() + begin_, '\n', end_ - begin_));
      if (nl != nullptr || (eof_ && begin_ < end_)) {
        const std::size_t stop = nl == nullptr ? end_ : static_cast<std::size_t>(nl - buffer_.data());
        *line = std::string_view(buffer_.data() + begin_, stop - begin_);
        begin_ = nl == nullptr ? end_ : stop + 1;
        return true;
      }
      if (eof_) return false;
      // Move the partial line to the front and fill the rest.
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
      if (buffer_.size() - end_ < kBlock / 2 + simdjson::SIMDJSON_PADDING) buffer_.resize(buffer_.size() * 2);
      const ssize_t got = read(fd_, buffer_.data() + end_, buffer_.size() - simdjson::SIMDJSON_PADDING - end_);
      if (got < 0) {
        if (errno == EINTR) continue;
        error_ = true;
        return false;
      }
      if (got == 0) eof_ = true;
      end_ += static_cast<std::size_t>(got);
    }
  }
  bool error() const { return error_; }

 private:
  static constexpr std::size_t kBlock = std::size_t{4} << 20;
  int fd_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool error_ = false;
};

}  // namespace

int main(int argc, char** argv) {
  bool words = true;
  bool distinct = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-words") == 0) {
      words = false;
    } else if (std::strcmp(argv[i], "--distinct") == 0) {
      distinct = true;
    } else if (path == nullptr && argv[i][0] != '-') {
      path = argv[i];
    } else {
      std::fprintf(stderr, "usage: pagewash_floor [--no-words | --distinct] FILE.jsonl\n");
      return 2;
    }
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: pagewash_floor [--no-words | --distinct] FILE.jsonl\n");
    return 2;
  }
  const int fd = open(path, O_RDONLY);
  if (fd < 0) {
    std::fprintf(stderr, "pagewash_floor: error: %s: %s\n", path, std::strerror(errno));
    return 1;
  }
  LineReader reader(fd);
  static char out_buffer[1 << 20];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);

  simdjson::dom::parser parser;
  HashSet seen;
  HashSet seen_words;
  std::string text;  // The record's text, with 64 readable bytes after it.
  std::string out;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> ends;
  std::vector<std::uint64_t> hashes;
  std::size_t line_number = 0;
  std::string_view record;
  while (reader.Next(&record)) {
    ++line_number;
    if (record.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // A blank line.
    simdjson::dom::element doc;
    std::string_view id;
    std::string_view body;
    // The reader keeps SIMDJSON_PADDING readable bytes after the record.
    if (parser.parse(record.data(), record.size(), false).get(doc) != simdjson::SUCCESS || doc["id"].get_string().get(id) ||
        doc["text"].get_string().get(body)) {
      std::fprintf(stderr, "pagewash_floor: error: %s:%zu: not a record with string \"id\" and \"text\"\n", path,
                   line_number);
      return 1;
    }
    text.assign(body);
    text.append(64, '\0');
    out.clear();
    out.append("{\"id\":\"");
    pagewash::AppendJsonStringBody(id, &out);
    out.append("\",\"text\":\"");
    seen.Reset(body.size() / 32);
    std::size_t word_count = 0;
    std::size_t distinct_count = 0;
    if (distinct) seen_words.Reset(body.size() / 4);
    bool first = true;
    for (std::size_t at = 0; at < body.size();) {
      const char* le = static_cast<const char*>(std::memchr(text.data() + at, '\n', body.size() - at));
      const std::size_t line_end = le == nullptr ? body.size() : static_cast<std::size_t>(le - text.data());
      const std::string_view line(text.data() + at, line_end - at);
      at = line_end + 1;
      if (line.empty() || !seen.Insert(XXH3_64bits(line.data(), line.size()))) continue;
      if (words) {
        const std::size_t n = HashWords(line, &starts, &ends, &hashes);
        word_count += n;
        if (distinct) {
          for (std::size_t k = 0; k < n; ++k) distinct_count += seen_words.Insert(hashes[k]);
        }
      }
      if (!first) out.append("\\n");
      first = false;
      pagewash::AppendJsonStringBody(line, &out);
    }
    out.append("\",\"words\":");
    out.append(std::to_string(word_count));
    if (distinct) {
      out.append(",\"distinct\":");
      out.append(std::to_string(distinct_count));
    }
    out.append("}\n");
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (reader.error()) {
    std::fprintf(stderr, "pagewash_floor: error: %s: %s\n", path, std::strerror(errno));
    return 1;
  }
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "pagewash_floor: error: writing: %s\n", std::strerror(errno));
    return 1;
  }
  return 0;
}
