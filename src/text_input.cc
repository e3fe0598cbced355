#include "pagewash/text_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#include "text/encoding.h"
#include "text/unicode.h"

namespace pagewash {

Status CheckEncodingName(std::string_view encoding) { return text::CheckEncoding(encoding); }

namespace {

struct LineState {
  std::uint32_t number = 0;
  bool gap = false;
  bool any = false;
};

// The lines of `in`, less those that are empty (a line end right after
// another): what the blocks of a page take, give or take a line of spaces.
std::size_t CountLinesNotBlank(std::string_view in) {
  std::size_t lines = 1;
  const char* p = in.data();
  const char* const end = p + in.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
    ++p;
    if (p == end) break;
    lines += *p != '\n' && *p != '\r';
  }
  return lines;
}

// From `run`, where in[run - 1] is printable ASCII other than a space, the
// end of the stretch of printable ASCII words with single spaces between
// them that can be taken eight bytes at a time; a space it would end with
// is left to the caller. Each eight bytes must all be from ' ' to '~' and
// hold no space next to another (nor a space first after one).
std::size_t SkipWords(std::string_view in, std::size_t run) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const std::size_t start = run;
  while (run + 8 <= in.size()) {
    std::uint64_t w;
    std::memcpy(&w, in.data() + run, 8);
    // A byte below ' ', or above '~' (0x7F and every byte of a multi-byte
    // character): the classic "has less" and "has more" tests.
    const std::uint64_t below = (w - kOnes * 0x20) & ~w & kHigh;
    const std::uint64_t above = ((w + kOnes) | w) & kHigh;
    if ((below | above) != 0) break;
    // The spaces, one high bit each (exact: no carry crosses a byte).
    const std::uint64_t x = w ^ (kOnes * 0x20);
    const std::uint64_t spaces = ~(((x & kLow7) + kLow7) | x) & kHigh;
    if ((spaces & (spaces >> 8)) != 0) break;                     // Two side by side.
    if ((spaces & 0x80) != 0 && in[run - 1] == ' ') break;       // One after the last taken.
    run += 8;
  }
  if (run > start && in[run - 1] == ' ') --run;
  return run;
}

}  // namespace

TextInputReport TextReader::Read(std::string_view in, Document* doc) {
  TextInputReport report;
  LineState state;
  std::size_t pos = 0;
  if (in.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  doc->stats.input_bytes += in.size();
  // Normalised text is about as long as the page (spaces collapse, NFC
  // rarely grows it), and there is about a block a line that is not blank:
  // one allocation each instead of doublings, which for a big page cost
  // twice its size. The blank lines between paragraphs are not counted (a
  // line end followed by another), or a page of short paragraphs would
  // hold room for twice its blocks.
  doc->ReserveText(in.size());
  doc->blocks.reserve(doc->blocks.size() + CountLinesNotBlank(in));

  // Emits line_ (already collapsed) as a block, or records a blank line.
  auto emit = [&](std::size_t begin, std::size_t end, std::uint32_t indent, bool ascii) {
    if (!ascii) {
      // A line ICU cannot normalise stays as read, and the document is
      // reported rather than written with text out of NFC.
      if (Status s = text::NormalizeNfc(&line_, &scratch_); !s.ok()) {
        doc->SetProblem(fmt::format("line {}: {}", state.number, s.message()));
      }
    }
    if (line_.empty()) {
      state.gap = state.any;
      return;
    }
    Block b;
    b.kind = BlockKind::kLine;
    b.text = doc->AddText(line_);
    b.span = Span{begin, end};
    b.line = state.number;
    b.indent = static_cast<std::uint16_t>(std::min<std::uint32_t>(indent, 0xFFFF));
    b.gap = state.gap;
    doc->blocks.push_back(b);
    ++doc->stats.input_lines;
    state.gap = false;
    state.any = true;
  };

  while (pos < in.size()) {
    ++state.number;
    std::size_t line_begin = pos;
    std::uint32_t indent = 0;
    bool leading = true;
    bool pending_space = false;
    bool ascii = true;
    line_.clear();
    while (pos < in.size()) {
      unsigned char b = static_cast<unsigned char>(in[pos]);
      if (b == '\n' || b == '\r') break;
      if (b > ' ' && b < 0x7F) {
        // A run of printable ASCII, with the single spaces between its
        // words (which stay as they are): copied in one append.
        auto printable = [&](std::size_t at) {
          const auto r = static_cast<unsigned char>(in[at]);
          return r > ' ' && r < 0x7F;
        };
        const std::size_t size = in.size();
        std::size_t run = pos + 1;
        for (;;) {
          run = SkipWords(in, run);
          while (run < size && printable(run)) ++run;
          if (run + 1 < size && in[run] == ' ' && printable(run + 1)) {
            run += 2;
            continue;
          }
          break;
        }
        if (pending_space) line_.push_back(' ');
        pending_space = false;
        leading = false;
        line_.append(in.data() + pos, run - pos);
        pos = run;
        continue;
      }
      if (b < 0x80) {
        ++pos;
        if (b == ' ' || b == '\t' || b == '\v' || b == '\f') {
          if (leading) {
            ++indent;
          } else {
            pending_space = true;
          }
          continue;
        }
        if (b < 0x20 || b == 0x7F) continue;  // Control characters carry no text.
        if (pending_space) line_.push_back(' ');
        pending_space = false;
        leading = false;
        line_.push_back(static_cast<char>(b));
        continue;
      }
      std::size_t start = pos;
      bool valid = true;
      std::uint32_t cp = text::DecodeUtf8(in, &pos, &valid);
      bool invalid = !valid;
      if (invalid) {
        if (report.invalid_utf8 == 0) report.first_invalid_offset = start;
        ++report.invalid_utf8;
      }
      if (cp == 0x2028 || cp == 0x2029) {
        emit(line_begin, start, indent, ascii);
        line_.clear();
        line_begin = pos;
        indent = 0;
        leading = true;
        pending_space = false;
        ascii = true;
        continue;
      }
      if (text::IsUnicodeSpace(cp)) {
        if (leading) {
          ++indent;
        } else {
          pending_space = true;
        }
        continue;
      }
      if (text::IsRemovedInvisible(cp) || (cp >= 0x80 && cp < 0xA0)) continue;
      if (pending_space) line_.push_back(' ');
      pending_space = false;
      leading = false;
      ascii = false;
      if (invalid) {
        line_.append("\xEF\xBF\xBD");
      } else {
        line_.append(in.substr(start, pos - start));
      }
    }
    emit(line_begin, pos, indent, ascii);
    if (pos < in.size()) {
      // CRLF is one line end; a lone CR is one too.
      if (in[pos] == '\r' && pos + 1 < in.size() && in[pos + 1] == '\n') ++pos;
      ++pos;
    }
  }
  doc->stats.invalid_utf8 += report.invalid_utf8;
  // Scratch that grew for one long line is not kept for the next pages.
  constexpr std::size_t kKeptScratchBytes = std::size_t{1} << 20;
  if (line_.capacity() > kKeptScratchBytes) std::string().swap(line_);
  if (scratch_.capacity() > kKeptScratchBytes) std::string().swap(scratch_);
  return report;
}

}  // namespace pagewash
