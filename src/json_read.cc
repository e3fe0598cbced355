// Reading the stream with simdjson's On-Demand API: one pass over each
// record, fields in any order, strings copied once into the document arena.
#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <charconv>
#include <limits>
#include <unordered_set>
#include <vector>

#include "pagewash/json.h"
#include "pagewash/text_input.h"

namespace pagewash {

namespace od = simdjson::ondemand;

struct StreamDecoder::Impl {
  od::parser parser;
  std::string padded;
  std::string text_key = "text";
  TextReader text_reader;
  // Validates values passed through unread (extra fields, non-string
  // metadata): On-Demand skips them without checking.
  simdjson::dom::parser validator;
  std::string validator_input;
  // For each block of the record being read: 1 if it had its own "text".
  std::vector<std::uint8_t> own_text;
};

namespace {
/// Deepest nesting accepted in a passed-through value.
constexpr std::size_t kMaxPassThroughDepth = 64;
}  // namespace

namespace {

using simdjson::error_code;

Status JsonError(error_code e) {
  return Status::InvalidInput(fmt::format("invalid JSON: {}", simdjson::error_message(e)));
}

Status FieldError(std::string_view field, std::string_view what) {
  return Status::InvalidInput(fmt::format("field \"{}\" {}", field, what));
}

// The keys of one object so far. Most objects have a few keys, looked up in
// place; a larger one moves to a hash set. The views point into the
// parser's string buffer, valid for the whole record.
class SeenKeys {
 public:
  /// False when `key` was there already.
  bool Insert(std::string_view key) {
    if (set_.empty()) {
      for (std::size_t i = 0; i < size_; ++i) {
        if (small_[i] == key) return false;
      }
      if (size_ < small_.size()) {
        small_[size_++] = key;
        return true;
      }
      set_.insert(small_.begin(), small_.end());
    }
    return set_.insert(key).second;
  }

 private:
  std::array<std::string_view, 16> small_;
  std::size_t size_ = 0;
  std::unordered_set<std::string_view> set_;
};

// Calls fn(key, value) for each field of `obj`, in order, stopping at the
// first error (malformed JSON or a Status from fn). A key given twice is an
// error: which value was meant cannot be known.
template <typename Fn>
Status ForEachField(od::object& obj, Fn&& fn) {
  SeenKeys seen;
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return JsonError(e);
    if (!seen.Insert(key)) return Status::InvalidInput(fmt::format("duplicate key \"{}\"", key));
    od::value v;
    if (auto e = field.value().get(v)) return JsonError(e);
    if (Status s = fn(key, v); !s.ok()) return s;
  }
  return Status::Ok();
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The JSON text of a value, whatever its type. Consumes the value.
error_code RawJson(od::value& v, std::string_view* out) {
  od::json_type type;
  if (auto e = v.type().get(type)) return e;
  if (type == od::json_type::object) {
    od::object o;
    if (auto e = v.get_object().get(o)) return e;
    return o.raw_json().get(*out);
  }
  if (type == od::json_type::array) {
    od::array a;
    if (auto e = v.get_array().get(a)) return e;
    return a.raw_json().get(*out);
  }
  *out = TrimRight(v.raw_json_token());
  return simdjson::SUCCESS;
}

// A raw JSON value that will be written back as it is must be valid JSON,
// and not nested deeper than kMaxPassThroughDepth.
Status CheckRaw(simdjson::dom::parser& validator, std::string* scratch, std::string_view raw,
                std::string_view field) {
  scratch->assign(raw);
  simdjson::dom::element element;
  auto e = validator.parse(*scratch).get(element);
  if (e == simdjson::DEPTH_ERROR) {
    return FieldError(field, fmt::format("is nested deeper than {} levels", kMaxPassThroughDepth));
  }
  if (e) return FieldError(field, fmt::format("is not valid JSON: {}", simdjson::error_message(e)));
  return Status::Ok();
}

// True if the JSON string literal `raw` has a \\u escape of half a
// surrogate pair without its other half.
bool HasLoneSurrogate(std::string_view raw) {
  auto unit = [&](std::size_t at, unsigned* out) {
    if (at + 6 > raw.size() || raw[at] != '\\' || raw[at + 1] != 'u') return false;
    auto [end, ec] = std::from_chars(raw.data() + at + 2, raw.data() + at + 6, *out, 16);
    return ec == std::errc() && end == raw.data() + at + 6;
  };
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') continue;
    unsigned u = 0;
    if (!unit(i, &u)) {
      ++i;  // Some other escape: skip its character.
      continue;
    }
    unsigned low = 0;
    if (u >= 0xD800 && u <= 0xDBFF && unit(i + 6, &low) && low >= 0xDC00 && low <= 0xDFFF) {
      i += 11;
      continue;
    }
    if (u >= 0xD800 && u <= 0xDFFF) return true;
    i += 5;
  }
  return false;
}

Status GetString(od::value& v, std::string_view field, std::string_view* out) {
  // Read before the value is consumed, to say what is wrong with it.
  std::string_view raw = v.raw_json_token();
  if (v.get_string().get(*out)) {
    if (!raw.empty() && raw.front() == '"') {
      if (HasLoneSurrogate(raw)) return FieldError(field, "has an invalid \\u escape: lone surrogate");
      return FieldError(field, "is not a valid JSON string");
    }
    return FieldError(field, "must be a string");
  }
  return Status::Ok();
}

// An integer field of at most `max`: a larger value is an error, never
// wrapped or cut.
Status GetUint(od::value& v, std::string_view field, std::uint64_t* out,
               std::uint64_t max = std::numeric_limits<std::uint64_t>::max()) {
  if (v.get_uint64().get(*out)) return FieldError(field, "must be a non-negative integer");
  if (*out > max) return FieldError(field, fmt::format("is out of range (at most {})", max));
  return Status::Ok();
}

constexpr std::uint64_t kMaxUint32 = std::numeric_limits<std::uint32_t>::max();

Status GetBool(od::value& v, std::string_view field, bool* out) {
  if (v.get_bool().get(*out)) return FieldError(field, "must be true or false");
  return Status::Ok();
}

Status GetSpan(od::value& v, std::string_view field, Span* out) {
  od::array a;
  if (v.get_array().get(a)) return FieldError(field, "must be an array [begin, end]");
  std::uint64_t values[2] = {0, 0};
  std::size_t n = 0;
  for (auto element : a) {
    std::uint64_t x;
    if (n >= 2 || element.get_uint64().get(x)) {
      return FieldError(field, "must be an array [begin, end] of two integers");
    }
    values[n++] = x;
  }
  if (n != 2 || values[1] < values[0]) {
    return FieldError(field, "must be an array [begin, end] with begin <= end");
  }
  *out = Span{values[0], values[1]};
  return Status::Ok();
}

Status CheckSchemaVersion(std::string_view version) {
  int major = -1;
  auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), major);
  bool well_formed = ec == std::errc() && end != version.data() &&
                     (end == version.data() + version.size() || *end == '.');
  if (!well_formed) {
    return Status::InvalidInput(
        fmt::format("field \"schema_version\" must look like \"{}\", got \"{}\"", kSchemaVersion,
                    version));
  }
  if (major != kSchemaMajor) {
    return Status::Unsupported(fmt::format(
        "schema_version {} is not supported (this pagewash reads {}.x)", version, kSchemaMajor));
  }
  return Status::Ok();
}

Status ParseBlockKind(std::string_view name, BlockKind* kind) {
  for (BlockKind k : {BlockKind::kLine, BlockKind::kHeading, BlockKind::kParagraph,
                      BlockKind::kListItem}) {
    if (BlockKindName(k) == name) {
      *kind = k;
      return Status::Ok();
    }
  }
  return Status::InvalidInput(fmt::format("unknown block type \"{}\"", name));
}

// Decodes one block into doc->blocks. A block with "text" has it copied to
// the arena, as in records before 1.2 (and its "length", if given too, must
// be its byte count); a block with only "length" gets a TextRef of that
// length and no offset yet, and *sliced is set: SliceBlockTexts places it in
// the record's "text" once all fields are read.
Status DecodeBlock(od::value& value, Document* doc, bool* sliced) {
  od::object obj;
  if (value.get_object().get(obj)) return FieldError("blocks", "must hold objects");
  Block b;
  bool have_type = false;
  bool have_text = false;
  bool have_length = false;
  std::uint64_t length = 0;
  Status fields = ForEachField(obj, [&](std::string_view key, od::value& v) -> Status {
    Status s;
    std::uint64_t n = 0;
    std::string_view str;
    if (key == "type") {
      if (s = GetString(v, "blocks[].type", &str); s.ok()) s = ParseBlockKind(str, &b.kind);
      have_type = true;
    } else if (key == "text") {
      if (s = GetString(v, "blocks[].text", &str); s.ok()) {
        if (str.find('\n') != std::string_view::npos) {
          return FieldError("blocks[].text", "must be one line");
        }
        if (str.empty()) return FieldError("blocks[].text", "must not be empty");
        b.text = doc->AddText(str);
        have_text = true;
      }
    } else if (key == "length") {
      if (s = GetUint(v, "blocks[].length", &length, kMaxUint32); s.ok()) {
        if (length == 0) return FieldError("blocks[].length", "must be at least 1");
        have_length = true;
      }
    } else if (key == "line") {
      if (s = GetUint(v, "blocks[].line", &n, kMaxUint32); s.ok()) b.line = static_cast<std::uint32_t>(n);
    } else if (key == "span") {
      s = GetSpan(v, "blocks[].span", &b.span);
    } else if (key == "indent") {
      if (s = GetUint(v, "blocks[].indent", &n, 0xFFFF); s.ok()) b.indent = static_cast<std::uint16_t>(n);
    } else if (key == "gap") {
      s = GetBool(v, "blocks[].gap", &b.gap);
    } else if (key == "level") {
      if (s = GetUint(v, "blocks[].level", &n); s.ok()) {
        if (n < 1 || n > 6) return FieldError("blocks[].level", "must be from 1 to 6");
        b.level = static_cast<std::uint8_t>(n);
      }
    } else if (key == "ordered") {
      s = GetBool(v, "blocks[].ordered", &b.ordered);
    } else if (key == "marker") {
      if (s = GetString(v, "blocks[].marker", &str); s.ok()) b.marker = doc->AddText(str);
    }
    return s;
  });
  if (!fields.ok()) return fields;
  if (!have_type) return FieldError("blocks[].type", "is missing");
  if (have_text) {
    // A text the arena could not take is empty: the document's problem says so.
    if (have_length && length != b.text.length && doc->problem().ok()) {
      return FieldError("blocks[].length",
                        fmt::format("is {}, but \"blocks[].text\" has {} bytes", length, b.text.length));
    }
  } else if (have_length) {
    b.text = TextRef{0, static_cast<std::uint32_t>(length)};
    *sliced = true;
  } else {
    return FieldError("blocks[].length", "is missing, and so is \"blocks[].text\"");
  }
  if (b.kind == BlockKind::kHeading && b.level == 0) b.level = 2;
  doc->blocks.push_back(b);
  return Status::Ok();
}

// A record whose blocks give their "length" (schema 1.2): each block's text
// is the next slice of the record's "text", which holds the blocks' texts
// joined by exactly the separators ComposeText puts between them
// (SeparatorBefore), and nothing else. The text goes to the arena once and
// the blocks point into it. A block that has its own "text" (copied by
// DecodeBlock) must equal its slice; it then points into the slice too.
// `own_text[i]` says whether block i had its own "text".
Status SliceBlockTexts(std::string_view text, const std::vector<std::uint8_t>& own_text,
                       Document* doc) {
  std::vector<Block>& blocks = doc->blocks;
  std::size_t at = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) {
      std::size_t ends = 0;
      while (ends < 3 && at + ends < text.size() && text[at + ends] == '\n') ++ends;
      if (at + ends == text.size()) {
        return FieldError(
            "blocks[].length",
            fmt::format("runs past the end of \"text\" ({} bytes) at blocks[{}]", text.size(), i));
      }
      if (ends == 0) {
        return FieldError("text",
                          fmt::format("has no line end between blocks[{}] and blocks[{}] (byte {})",
                                      i - 1, i, at));
      }
      if (ends > 2) {
        return FieldError(
            "text",
            fmt::format("has more than two line ends between blocks[{}] and blocks[{}] (byte {})",
                        i - 1, i, at));
      }
      std::string_view want = SeparatorBefore(*doc, i);
      if (ends != want.size()) {
        return FieldError(
            "text", fmt::format("has {} between blocks[{}] and blocks[{}] (byte {}), where their "
                                "\"type\" and \"gap\" call for {}",
                                ends == 1 ? "\"\\n\"" : "\"\\n\\n\"", i - 1, i, at,
                                want.size() == 1 ? "\"\\n\"" : "\"\\n\\n\""));
      }
      at += ends;
    }
    const std::size_t length = blocks[i].text.length;
    if (length > text.size() - at) {
      return FieldError(
          "blocks[].length",
          fmt::format("runs past the end of \"text\" ({} bytes) at blocks[{}]", text.size(), i));
    }
    std::string_view slice = text.substr(at, length);
    if (slice.find('\n') != std::string_view::npos) {
      return FieldError(
          "blocks[].length",
          fmt::format("of blocks[{}] takes in a line end of \"text\" (bytes {} to {}): a block is "
                      "one line",
                      i, at, at + length));
    }
    if (own_text[i] && doc->Text(blocks[i]) != slice && doc->problem().ok()) {
      return FieldError("blocks[].text",
                        fmt::format("of blocks[{}] differs from its slice of \"text\"", i));
    }
    at += length;
  }
  if (at != text.size()) {
    const std::size_t rest = text.size() - at;
    return FieldError("text", fmt::format("has {} byte{} after the last block (from byte {})", rest,
                                          rest == 1 ? "" : "s", at));
  }
  // All checked: the text goes in whole, each block a slice of it.
  const TextRef whole = doc->AddText(text);
  if (whole.length != text.size()) {
    // Past the arena's limit: problem() says so. No block points anywhere.
    for (Block& b : blocks) b.text = TextRef{};
    return Status::Ok();
  }
  std::uint32_t offset = whole.offset;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) offset += static_cast<std::uint32_t>(SeparatorBefore(*doc, i).size());
    blocks[i].text.offset = offset;
    offset += blocks[i].text.length;
  }
  return Status::Ok();
}

Status DecodeRemoval(od::value& value, Document* doc) {
  od::object obj;
  if (value.get_object().get(obj)) return FieldError("removed", "must hold objects");
  Removal r;
  Status fields = ForEachField(obj, [&](std::string_view key, od::value& v) -> Status {
    Status s;
    std::string_view str;
    std::uint64_t n = 0;
    if (key == "stage") {
      if (s = GetString(v, "removed[].stage", &str); s.ok()) r.stage = str;
    } else if (key == "rule") {
      if (s = GetString(v, "removed[].rule", &str); s.ok()) r.rule = str;
    } else if (key == "text") {
      if (s = GetString(v, "removed[].text", &str); s.ok()) r.text = doc->AddText(str);
    } else if (key == "line") {
      if (s = GetUint(v, "removed[].line", &n, kMaxUint32); s.ok()) r.line = static_cast<std::uint32_t>(n);
    } else if (key == "span") {
      s = GetSpan(v, "removed[].span", &r.span);
    } else if (key == "duplicate_of") {
      od::object of;
      if (v.get_object().get(of)) return FieldError("removed[].duplicate_of", "must be an object");
      s = ForEachField(of, [&](std::string_view k, od::value& fv) -> Status {
        if (k == "id") {
          Status f = GetString(fv, "removed[].duplicate_of.id", &str);
          if (f.ok()) r.duplicate_of_id = str;
          return f;
        }
        if (k == "line") {
          Status f = GetUint(fv, "removed[].duplicate_of.line", &n, kMaxUint32);
          if (f.ok()) r.duplicate_of_line = static_cast<std::uint32_t>(n);
          return f;
        }
        return Status::Ok();
      });
    }
    return s;
  });
  if (!fields.ok()) return fields;
  doc->removed.push_back(std::move(r));
  return Status::Ok();
}

Status DecodeStats(od::value& value, Stats* stats) {
  od::object obj;
  if (value.get_object().get(obj)) return FieldError("stats", "must be an object");
  return ForEachField(obj, [&](std::string_view key, od::value& v) -> Status {
    std::uint64_t* target = nullptr;
    if (key == "input_bytes") target = &stats->input_bytes;
    if (key == "input_lines") target = &stats->input_lines;
    if (key == "invalid_utf8") target = &stats->invalid_utf8;
    if (key == "stripped") target = &stats->stripped;
    if (key == "duplicates") target = &stats->duplicates;
    if (target == nullptr) return Status::Ok();  // A newer minor version's counter.
    return GetUint(v, fmt::format("stats.{}", key), target);
  });
}

Status DecodeMetadata(od::value& value, Document* doc, simdjson::dom::parser& validator,
                      std::string* scratch) {
  od::object obj;
  if (value.get_object().get(obj)) return FieldError("metadata", "must be an object");
  return ForEachField(obj, [&](std::string_view key, od::value& v) -> Status {
    od::json_type type;
    if (auto e = v.type().get(type)) return JsonError(e);
    std::string_view str;
    if (type == od::json_type::string) {
      if (auto e = v.get_string().get(str)) return JsonError(e);
      doc->SetMetadata(key, str);
    } else {
      if (auto e = RawJson(v, &str)) return JsonError(e);
      std::string name = fmt::format("metadata.{}", key);
      if (Status s = CheckRaw(validator, scratch, str, name); !s.ok()) return s;
      doc->SetMetadata(key, str, /*raw_json=*/true);
    }
    return Status::Ok();
  });
}

}  // namespace

StreamDecoder::StreamDecoder() : impl_(std::make_unique<Impl>()) {
  // What matters here is the depth bound; the capacity grows on demand. If
  // this allocation fails, the first parse retries it and reports failure.
  [[maybe_unused]] simdjson::error_code e = impl_->validator.allocate(1 << 16, kMaxPassThroughDepth);
}
StreamDecoder::~StreamDecoder() = default;

namespace {

// True if `line` holds a JSON object followed by more than white space.
// simdjson reports such a line by what it met first ("ended early" for
// `{...} xyz`); this says what is wrong.
bool HasTextAfterObject(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos || line[i] != '{') return false;
  int depth = 0;
  bool in_string = false;
  for (; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return line.find_first_not_of(" \t\r", i + 1) != std::string_view::npos;
    }
  }
  return false;
}

}  // namespace

Status StreamDecoder::Decode(std::string_view line, Document* doc) { return DecodeInPlace(line, 0, doc); }

static_assert(StreamDecoder::kPadding >= simdjson::SIMDJSON_PADDING);

Status StreamDecoder::DecodeInPlace(std::string_view line, std::size_t readable, Document* doc) {
  Status s = DecodeRecord(line, readable, doc);
  if (!s.ok() && HasTextAfterObject(line)) s = Status::InvalidInput("unexpected text after the record");
  // A large record's buffers are not kept for the rest of the run.
  constexpr std::size_t kKeptBytes = std::size_t{1} << 20;
  if (line.size() > kKeptBytes) {
    std::string().swap(impl_->padded);
    impl_->parser = od::parser();
  }
  return s;
}

Status StreamDecoder::DecodeRecord(std::string_view line, std::size_t readable, Document* doc) {
  doc->Clear();
  simdjson::padded_string_view view;
  if (readable >= line.size() + kPadding) {
    view = simdjson::padded_string_view(line.data(), line.size(), readable);
  } else {
    std::string& padded = impl_->padded;
    padded.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    padded.assign(line);
    view = simdjson::padded_string_view(padded.data(), padded.size(), padded.capacity());
  }
  od::document d;
  if (auto e = impl_->parser.iterate(view).get(d)) return JsonError(e);
  od::object obj;
  if (auto e = d.get_object().get(obj)) {
    if (e == simdjson::INCORRECT_TYPE) return Status::InvalidInput("a record must be a JSON object");
    return JsonError(e);
  }

  std::string_view text;
  bool have_text = false;
  std::string_view stream_text;   // "text" when the text key is another.
  bool have_stream_text = false;
  bool have_blocks = false;
  bool sliced = false;  // Some block gives its "length" alone (schema 1.2).
  impl_->own_text.clear();
  Status fields = ForEachField(obj, [&](std::string_view key, od::value& v) -> Status {
    Status s;
    std::string_view str;
    if (key == "id") {
      if (s = GetString(v, key, &str); s.ok()) doc->id = str;
    } else if (key == "source") {
      if (s = GetString(v, key, &str); s.ok()) doc->source = str;
    } else if (key == impl_->text_key) {
      s = GetString(v, key, &text);
      have_text = true;
    } else if (key == "text") {
      // The page's text is under another key. With blocks, this is the
      // stream between stages, whose text is theirs; without, it is dropped.
      s = GetString(v, key, &stream_text);
      have_stream_text = true;
    } else if (key == "schema_version") {
      if (s = GetString(v, key, &str); s.ok()) s = CheckSchemaVersion(str);
    } else if (key == "title") {
      if (s = GetString(v, key, &str); s.ok()) doc->title = str;
    } else if (key == "stages") {
      od::array a;
      if (v.get_array().get(a)) return FieldError(key, "must be an array of strings");
      for (auto element : a) {
        if (element.get_string().get(str)) return FieldError(key, "must be an array of strings");
        doc->stages.emplace_back(str);
      }
    } else if (key == "metadata") {
      s = DecodeMetadata(v, doc, impl_->validator, &impl_->validator_input);
    } else if (key == "stats") {
      s = DecodeStats(v, &doc->stats);
    } else if (key == "blocks") {
      od::array a;
      if (v.get_array().get(a)) return FieldError(key, "must be an array");
      have_blocks = true;
      for (auto element : a) {
        od::value bv;
        if (auto e = element.get(bv)) return JsonError(e);
        bool block_sliced = false;
        if (s = DecodeBlock(bv, doc, &block_sliced); !s.ok()) break;
        impl_->own_text.push_back(block_sliced ? 0 : 1);
        sliced = sliced || block_sliced;
      }
    } else if (key == "removed") {
      od::array a;
      if (v.get_array().get(a)) return FieldError(key, "must be an array");
      for (auto element : a) {
        od::value rv;
        if (auto e = element.get(rv)) return JsonError(e);
        if (s = DecodeRemoval(rv, doc); !s.ok()) break;
      }
    } else {
      if (auto e = RawJson(v, &str)) return JsonError(e);
      if (s = CheckRaw(impl_->validator, &impl_->validator_input, str, key); !s.ok()) return s;
      doc->extra.push_back(ExtraField{std::string(key), std::string(str)});
    }
    return s;
  });
  if (!fields.ok()) return fields;
  // In bounds after the object means something follows it.
  if (const char* rest; d.current_location().get(rest) == simdjson::SUCCESS) {
    return Status::InvalidInput("unexpected text after the record");
  }
  if (!have_text && !(have_blocks && have_stream_text)) return FieldError(impl_->text_key, "is missing");
  if (sliced) {
    // The blocks are slices of the stream's "text", whatever the text key.
    const bool text_is_key = impl_->text_key == "text";
    if (!(text_is_key ? have_text : have_stream_text)) {
      return FieldError("text", "is missing: the blocks are slices of it");
    }
    return SliceBlockTexts(text_is_key ? text : stream_text, impl_->own_text, doc);
  }
  if (!have_blocks) {
    // A plain Dolma/datatrove record: its text is a raw page.
    impl_->text_reader.Read(text, doc);
  }
  return Status::Ok();
}

void StreamDecoder::SetTextKey(std::string_view key) { impl_->text_key = key; }

bool StreamDecoder::LooksLikeRecord(std::string_view line) {
  std::string& padded = impl_->padded;
  padded.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  padded.assign(line);
  simdjson::padded_string_view view(padded.data(), padded.size(), padded.capacity());
  od::document d;
  if (impl_->parser.iterate(view).get(d)) return false;
  od::object obj;
  if (d.get_object().get(obj)) return false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    od::value v;
    if (field.value().get(v)) return false;
    // "text" too: the stream between stages has it whatever the key read.
    if (key == impl_->text_key || key == "text") {
      od::json_type type;
      return !v.type().get(type) && type == od::json_type::string;
    }
    if (std::string_view skipped; RawJson(v, &skipped)) return false;
  }
  return false;
}

}  // namespace pagewash
