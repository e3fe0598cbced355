#include "pagewash/json.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pagewash {
namespace {

// 1 for bytes that need escaping in a JSON string. C1 controls, U+2028 and
// U+2029 are multi-byte and checked separately.
constexpr auto kEscape = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 1;
  t['"'] = 1;
  t['\\'] = 1;
  t[0x7F] = 1;
  t[0xC2] = 1;  // Lead byte of U+0080..U+00BF: C1 controls live there.
  t[0xE2] = 1;  // Lead byte of U+2000..U+2FFF: U+2028 and U+2029 live there.
  return t;
}();

// The first i in [i, stop) whose byte kEscape marks, or `stop`: sixteen bytes
// at a time where SSE2 is there. Most of a page's text needs no escape.
std::size_t NextMarked(std::string_view s, std::size_t i, std::size_t stop) {
#if defined(__SSE2__)
  const char* const p = s.data();
  const __m128i controls = _mm_set1_epi8(0x1F);
  while (i + 16 <= stop) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i marked = _mm_cmpeq_epi8(_mm_max_epu8(v, controls), controls);  // Bytes below 0x20.
    marked = _mm_or_si128(marked, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    marked = _mm_or_si128(marked, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    marked = _mm_or_si128(marked, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    marked = _mm_or_si128(marked, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))));
    marked = _mm_or_si128(marked, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2))));
    const auto bits = static_cast<unsigned>(_mm_movemask_epi8(marked));
    if (bits != 0) return i + static_cast<std::size_t>(__builtin_ctz(bits));
    i += 16;
  }
#endif
  while (i < stop && !kEscape[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

void AppendUnicodeEscape(unsigned code, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  char buf[6] = {'\\', 'u', kHex[(code >> 12) & 0xF], kHex[(code >> 8) & 0xF],
                 kHex[(code >> 4) & 0xF], kHex[code & 0xF]};
  out->append(buf, 6);
}

// Appends the escaped bytes of `s` from `begin` on, stopping at the first
// byte at or past `stop` that does not belong to an escape begun before it
// (one is written whole: it may look up to two bytes ahead, into all of
// `s`). Returns where it stopped, `stop` or at most two bytes past it, so
// that escaping `s` in pieces, each from where the last stopped, writes the
// same bytes as escaping it at once.
std::size_t AppendEscaped(std::string_view s, std::size_t begin, std::size_t stop, std::string* out) {
  std::size_t run = begin;  // Start of the pending run of bytes copied verbatim.
  std::size_t i = begin;
  for (; i < stop; ++i) {
    i = NextMarked(s, i, stop);
    if (i == stop) break;
    auto b = static_cast<unsigned char>(s[i]);
    if (b == 0xC2) {
      if (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
        out->append(s.substr(run, i - run));
        AppendUnicodeEscape(static_cast<unsigned char>(s[i + 1]), out);
        run = i + 2;
        ++i;
      }
      continue;
    }
    if (b == 0xE2) {
      if (i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
           static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
        out->append(s.substr(run, i - run));
        AppendUnicodeEscape(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? 0x2028 : 0x2029, out);
        run = i + 3;
        i += 2;
      }
      continue;
    }
    out->append(s.substr(run, i - run));
    run = i + 1;
    switch (b) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        AppendUnicodeEscape(b, out);
        break;
    }
  }
  out->append(s.substr(run, i - run));
  return i;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  AppendJsonStringBody(s, out);
  out->push_back('"');
}

void AppendJsonStringBody(std::string_view s, std::string* out) { AppendEscaped(s, 0, s.size(), out); }

JsonWriter::JsonWriter(std::string* out, int indent, JsonSink* sink) : out_(out), sink_(sink), indent_(indent) {
  if (sink_ != nullptr) out_->reserve(out_->size() + kFlushBytes + 6 * kStringPiece + 4096);
}

void JsonWriter::Flush() {
  if (sink_ == nullptr || out_->empty()) return;
  sink_->Write(*out_);
  out_->clear();
}

void JsonWriter::StringBody(std::string_view s) {
  if (sink_ == nullptr) {
    AppendJsonStringBody(s, out_);
    return;
  }
  std::size_t at = 0;
  while (s.size() - at > kStringPiece) {
    at = AppendEscaped(s, at, at + kStringPiece, out_);
    MaybeFlush();
  }
  AppendEscaped(s, at, s.size(), out_);
}

void JsonWriter::QuotedString(std::string_view s) {
  out_->push_back('"');
  StringBody(s);
  out_->push_back('"');
  MaybeFlush();
}

void JsonWriter::Newline() {
  if (indent_ == 0) return;
  out_->push_back('\n');
  out_->append(static_cast<std::size_t>(depth_ * indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  if (!first_) out_->push_back(',');
  Newline();
  first_ = false;
}

void JsonWriter::Open(char c) {
  BeforeValue();
  out_->push_back(c);
  ++depth_;
  first_ = true;
}

void JsonWriter::Close(char c) {
  --depth_;
  if (!first_) Newline();
  out_->push_back(c);
  first_ = false;
  MaybeFlush();
}

void JsonWriter::Key(std::string_view key) {
  if (!first_) out_->push_back(',');
  Newline();
  first_ = false;
  QuotedString(key);
  out_->append(indent_ == 0 ? ":" : ": ");
  after_key_ = true;
}

void JsonWriter::MakeRoom(std::size_t bytes, std::size_t more) {
  if (sink_ != nullptr || bytes < kLargeString || out_->capacity() - out_->size() >= bytes + 64) return;
  out_->reserve(out_->size() + bytes + more + 64);
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  // The text of a block of a large document in emit's JSON: room for it
  // and for the document's composed text, which repeats it.
  MakeRoom(s.size(), 3 * s.size());
  QuotedString(s);
}

void JsonWriter::Uint(std::uint64_t v) {
  BeforeValue();
  fmt::format_int f(v);
  out_->append(f.data(), f.size());
  MaybeFlush();
}

void JsonWriter::Int(std::int64_t v) {
  BeforeValue();
  fmt::format_int f(v);
  out_->append(f.data(), f.size());
  MaybeFlush();
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
  MaybeFlush();
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
  MaybeFlush();
}

void JsonWriter::ComposedText(const Document& doc) {
  BeforeValue();
  // Room for the text, and for what follows it (a stream record's blocks,
  // their fields without their text).
  std::size_t bytes = 0;
  for (const Block& b : doc.blocks) bytes += b.text.length + 2;
  MakeRoom(bytes, 2 * bytes + 160 * doc.blocks.size() + 4096);
  out_->push_back('"');
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (i > 0) out_->append(SeparatorBefore(doc, i) == "\n" ? "\\n" : "\\n\\n");
    StringBody(doc.Text(doc.blocks[i]));
    MaybeFlush();
  }
  out_->push_back('"');
  MaybeFlush();
}

void JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  if (sink_ == nullptr) {
    out_->append(json);
    return;
  }
  // A pass-through field may be large too.
  while (!json.empty()) {
    const std::size_t n = std::min(json.size(), kStringPiece);
    out_->append(json.substr(0, n));
    json.remove_prefix(n);
    MaybeFlush();
  }
}

}  // namespace pagewash

namespace pagewash {
namespace internal {

void WriteSpan(const Span& span, JsonWriter* w) {
  w->BeginArray();
  w->Uint(span.begin);
  w->Uint(span.end);
  w->EndArray();
}

void WriteHeadingOrNull(const Document& doc, int heading, JsonWriter* w) {
  if (heading < 0) {
    w->Null();
  } else {
    w->String(doc.Text(doc.blocks[static_cast<std::size_t>(heading)]));
  }
}

void WriteListItemFields(const Document& doc, const Block& block, JsonWriter* w) {
  if (block.kind != BlockKind::kListItem) return;
  w->Key("ordered");
  w->Bool(block.ordered);
  w->Key("marker");
  w->String(doc.Text(block.marker));
}

void WriteMetadata(const Document& doc, JsonWriter* w) {
  w->Key("metadata");
  w->BeginObject();
  for (const MetadataEntry& e : doc.metadata) {
    w->Key(e.key);
    if (e.raw_json) {
      w->Raw(e.value);
    } else {
      w->String(e.value);
    }
  }
  w->EndObject();
}

void WriteStats(const Stats& stats, JsonWriter* w) {
  w->Key("stats");
  w->BeginObject();
  w->Key("input_bytes");
  w->Uint(stats.input_bytes);
  w->Key("input_lines");
  w->Uint(stats.input_lines);
  w->Key("invalid_utf8");
  w->Uint(stats.invalid_utf8);
  w->Key("stripped");
  w->Uint(stats.stripped);
  w->Key("duplicates");
  w->Uint(stats.duplicates);
  w->EndObject();
}

void WriteRemovals(const Document& doc, JsonWriter* w) {
  if (doc.removed.empty()) return;
  w->Key("removed");
  w->BeginArray();
  for (const Removal& r : doc.removed) {
    w->BeginObject();
    w->Key("stage");
    w->String(r.stage);
    w->Key("rule");
    w->String(r.rule);
    w->Key("text");
    w->String(doc.Text(r.text));
    w->Key("line");
    w->Uint(r.line);
    w->Key("span");
    WriteSpan(r.span, w);
    if (!r.duplicate_of_id.empty()) {
      w->Key("duplicate_of");
      w->BeginObject();
      w->Key("id");
      w->String(r.duplicate_of_id);
      w->Key("line");
      w->Uint(r.duplicate_of_line);
      w->EndObject();
    }
    w->EndObject();
  }
  w->EndArray();
}

void WriteExtra(const Document& doc, JsonWriter* w) {
  for (const ExtraField& f : doc.extra) {
    w->Key(f.key);
    w->Raw(f.raw_json);
  }
}

}  // namespace internal

void WriteStreamRecord(const Document& doc, std::string* out) { WriteStreamRecord(doc, out, nullptr); }

void WriteStreamRecord(const Document& doc, std::string* out, JsonSink* sink) {
  JsonWriter w(out, 0, sink);
  w.BeginObject();
  w.Key("id");
  w.String(doc.id);
  w.Key("source");
  w.String(doc.source);
  w.Key("text");
  w.ComposedText(doc);
  w.Key("schema_version");
  w.String(kSchemaVersion);
  w.Key("stages");
  w.BeginArray();
  for (const std::string& s : doc.stages) w.String(s);
  w.EndArray();
  if (!doc.title.empty()) {
    w.Key("title");
    w.String(doc.title);
  }
  internal::WriteMetadata(doc, &w);
  internal::WriteStats(doc.stats, &w);
  w.Key("blocks");
  w.BeginArray();
  for (const Block& b : doc.blocks) {
    w.BeginObject();
    w.Key("type");
    w.String(BlockKindName(b.kind));
    // Its text is the next slice of "text" above, not repeated here.
    w.Key("length");
    w.Uint(b.text.length);
    if (b.line != 0) {
      w.Key("line");
      w.Uint(b.line);
    }
    if (b.span.end != 0) {
      w.Key("span");
      internal::WriteSpan(b.span, &w);
    }
    if (b.indent != 0) {
      w.Key("indent");
      w.Uint(b.indent);
    }
    if (b.gap) {
      w.Key("gap");
      w.Bool(true);
    }
    if (b.kind == BlockKind::kHeading) {
      w.Key("level");
      w.Uint(b.level);
    }
    internal::WriteListItemFields(doc, b, &w);
    w.EndObject();
  }
  w.EndArray();
  internal::WriteRemovals(doc, &w);
  internal::WriteExtra(doc, &w);
  w.EndObject();
  out->push_back('\n');
  w.Flush();
}

}  // namespace pagewash
