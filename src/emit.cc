#include "pagewash/emit.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "json_parts.h"
#include "scratch.h"
#include "pagewash/json.h"
#include "pagewash/content_hash.h"
#include "pagewash/signals.h"

namespace pagewash {
namespace {

// What EmitJson keeps across documents, one per thread (-j N runs
// documents on worker threads): the sections, their hashes and the open
// headings, so that writing a document allocates nothing once they have
// grown.
struct EmitScratch {
  std::vector<SectionSpan> sections;
  FlatHashes hashes;
  std::vector<std::size_t> path;  // Open headings, by block index.

  std::size_t CapacityBytes() const {
    return sections.capacity() * sizeof(SectionSpan) +
           (hashes.sections.capacity() + hashes.blocks.capacity()) * sizeof(std::uint64_t) +
           path.capacity() * sizeof(std::size_t);
  }
};

void EmitJson(const Document& doc, const EmitOptions& options, std::string* out, JsonSink* sink) {
  if (sink == nullptr) {
    // The JSON holds the text twice (the blocks and "text") and about 60
    // bytes a block more: room for it all at once, as a string that
    // doubles holds its old and its new buffer while it copies, up to
    // twice the output. Room reserved and not written costs no memory; a
    // caller that reuses `out` keeps its room. With a sink, *out is only
    // the writer's buffer.
    std::size_t bytes = 0;
    for (const Block& b : doc.blocks) bytes += b.text.length + 2;
    out->reserve(out->size() + 2 * bytes + 128 * doc.blocks.size() + 4096);
  }
  thread_local internal::Scratch<EmitScratch> scratch;
  const std::uint32_t fields = options.fields;
  const bool hashes_wanted = (fields & kFieldHash) != 0;
  const bool sections_wanted = (fields & kFieldSections) != 0;
  JsonWriter w(out, options.pretty ? 2 : 0, sink);
  const std::vector<SectionSpan>& sections = scratch.sections;
  if (hashes_wanted || sections_wanted) BuildSectionSpans(doc, &scratch.sections);
  const FlatHashes& hashes = scratch.hashes;
  if (hashes_wanted) ComputeFlatHashes(doc, sections, &scratch.hashes);
  w.BeginObject();
  w.Key("id");
  w.String(doc.id);
  if ((fields & kFieldSource) != 0) {
    w.Key("source");
    w.String(doc.source);
  }
  if ((fields & kFieldTitle) != 0) {
    w.Key("title");
    if (doc.title.empty()) {
      w.Null();
    } else {
      w.String(doc.title);
    }
  }
  if (hashes_wanted) {
    w.Key("hash");
    w.String(HashText(hashes.hash).view());
  }
  if (sections_wanted) {
    w.Key("sections");
    w.BeginArray();
    std::vector<std::size_t>& path = scratch.path;
    path.clear();
    for (std::size_t si = 0; si < sections.size(); ++si) {
      const SectionSpan& section = sections[si];
      w.BeginObject();
      if (hashes_wanted) {
        w.Key("hash");
        w.String(HashText(hashes.sections[si]).view());
      }
      w.Key("heading");
      internal::WriteHeadingOrNull(doc, section.heading, &w);
      w.Key("level");
      if (section.heading < 0) {
        w.Null();
      } else {
        w.Uint(doc.blocks[static_cast<std::size_t>(section.heading)].level);
      }
      // The headings above this one, outermost first, and this one: a
      // heading closes every open one of its level or deeper.
      if (section.heading >= 0) {
        const Block& heading = doc.blocks[static_cast<std::size_t>(section.heading)];
        while (!path.empty() && doc.blocks[path.back()].level >= heading.level) path.pop_back();
        path.push_back(static_cast<std::size_t>(section.heading));
      }
      w.Key("path");
      w.BeginArray();
      for (std::size_t h : path) w.String(doc.Text(doc.blocks[h]));
      w.EndArray();
      w.Key("blocks");
      w.BeginArray();
      for (std::uint32_t bi = section.begin; bi < section.end; ++bi) {
        const Block& b = doc.blocks[bi];
        w.BeginObject();
        if (hashes_wanted) {
          w.Key("hash");
          w.String(HashText(hashes.blocks[bi]).view());
        }
        w.Key("type");
        w.String(OutputBlockType(b));
        w.Key("text");
        w.String(doc.Text(b));
        internal::WriteListItemFields(doc, b, &w);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  if ((fields & kFieldMetadata) != 0) {
    if (options.signals) {
      WriteMetadataWithSignals(doc, &w);
    } else {
      internal::WriteMetadata(doc, &w);
    }
  }
  if ((fields & kFieldText) != 0) {
    w.Key("text");
    w.ComposedText(doc);
  }
  if ((fields & kFieldSchemaVersion) != 0) {
    w.Key("schema_version");
    w.String(kOutputSchemaVersion);
  }
  if ((fields & kFieldStats) != 0) internal::WriteStats(doc.stats, &w);
  if ((fields & kFieldRemoved) != 0) internal::WriteRemovals(doc, &w);
  internal::WriteExtra(doc, &w);
  w.EndObject();
  out->push_back('\n');
  w.Flush();
  internal::ReleaseLargeScratch();
}

// A control character (a line end above all) as a visible escape, so text
// from the stream cannot end the line it is written on and start a heading
// or a row of its own.
void AppendControlEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    default:
      fmt::format_to(std::back_inserter(*out), "\\x{:02x}", c);
  }
}

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7F; }

// `s` on the current line: control characters escaped.
void AppendOneLine(std::string_view s, std::string* out) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (IsControl(c)) {
      AppendControlEscape(c, out);
    } else {
      out->push_back(ch);
    }
  }
}

// `s` inside an HTML comment: besides control characters, whatever could
// close the comment or open another ("--", "<!", a leading ">") is escaped,
// '-' and '<' and '>' as %2D, %3C and %3E (and so '%' as %25).
void AppendCommentText(std::string_view s, std::string* out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    const bool next_dash = i + 1 < s.size() && s[i + 1] == '-';
    const bool prev_dash = i > 0 && s[i - 1] == '-';
    if (IsControl(c)) {
      AppendControlEscape(c, out);
    } else if (c == '%') {
      out->append("%25");
    } else if (c == '-' && (next_dash || prev_dash || i + 1 == s.size() || i == 0)) {
      out->append("%2D");
    } else if (c == '<' || (c == '>' && (i == 0 || prev_dash))) {
      fmt::format_to(std::back_inserter(*out), "%{:02X}", c);
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

// Text that would read as Markdown syntax at the start of a line ("# ",
// "> ", "2024. ", "- ") gets a backslash, so it renders as the text it is.
void AppendMarkdownText(std::string_view text, std::string* out) {
  if (!text.empty() && (text[0] == '#' || text[0] == '>' || text[0] == '=' ||
                        ((text[0] == '-' || text[0] == '*' || text[0] == '+') && text.size() > 1 && text[1] == ' '))) {
    out->push_back('\\');
    out->append(text);
    return;
  }
  std::size_t digits = 0;
  while (digits < text.size() && digits < 10 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < text.size() && (text[digits] == '.' || text[digits] == ')') &&
      text[digits + 1] == ' ') {
    out->append(text.substr(0, digits));
    out->push_back('\\');
    out->append(text.substr(digits));
    return;
  }
  out->append(text);
}

// The removals the document carries (strip and dedup keep them with
// --explain), listed whenever there are any, as JSON and diff do.
void AppendRemovals(const Document& doc, std::string* out) {
  if (doc.removed.empty()) return;
  out->append("\nRemoved:\n");
  for (const Removal& r : doc.removed) {
    out->append("- [");
    AppendOneLine(r.stage, out);
    out->push_back(' ');
    AppendOneLine(r.rule, out);
    fmt::format_to(std::back_inserter(*out), "] line {}: ", r.line);
    AppendOneLine(doc.Text(r.text), out);
    out->push_back('\n');
  }
}

void EmitMarkdown(const Document& doc, std::string* out) {
  out->append("<!-- ");
  AppendCommentText(doc.id, out);
  out->append(" -->\n\n");
  int number = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (i > 0) out->append(SeparatorBefore(doc, i));
    switch (b.kind) {
      case BlockKind::kHeading:
        out->append(std::max<std::size_t>(1, b.level), '#');
        out->push_back(' ');
        break;
      case BlockKind::kListItem:
        number = (i > 0 && doc.blocks[i - 1].kind == BlockKind::kListItem && !b.gap) ? number + 1 : 1;
        if (b.ordered) {
          fmt::format_to(std::back_inserter(*out), "{}. ", number);
        } else {
          out->append("- ");
        }
        break;
      case BlockKind::kParagraph:
      case BlockKind::kLine:
        break;
    }
    if (b.kind == BlockKind::kHeading) {
      out->append(doc.Text(b));
    } else {
      AppendMarkdownText(doc.Text(b), out);
    }
  }
  out->push_back('\n');
  AppendRemovals(doc, out);
  out->push_back('\n');
}

void EmitDiff(const Document& doc, std::string* out) {
  struct Row {
    std::uint32_t line;
    int order;  // Removed before kept on the same line; then input order.
    std::size_t index;
  };
  std::vector<Row> rows;
  rows.reserve(doc.blocks.size() + doc.removed.size());
  for (std::size_t i = 0; i < doc.removed.size(); ++i) rows.push_back(Row{doc.removed[i].line, 0, i});
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) rows.push_back(Row{doc.blocks[i].line, 1, i});
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.line != b.line ? a.line < b.line : a.order < b.order;
  });
  out->append("--- ");
  AppendOneLine(doc.id, out);
  out->append(" (");
  AppendOneLine(doc.source, out);
  out->append(")\n");
  for (const Row& row : rows) {
    if (row.order == 1) {
      fmt::format_to(std::back_inserter(*out), "  {:>5}  ", row.line);
      AppendOneLine(doc.Text(doc.blocks[row.index]), out);
      out->push_back('\n');
      continue;
    }
    const Removal& r = doc.removed[row.index];
    fmt::format_to(std::back_inserter(*out), "- {:>5}  ", row.line);
    AppendOneLine(doc.Text(r.text), out);
    out->append("  [");
    AppendOneLine(r.stage, out);
    out->push_back(' ');
    AppendOneLine(r.rule, out);
    out->push_back(']');
    if (!r.duplicate_of_id.empty()) {
      if (r.duplicate_of_id == doc.id) {
        fmt::format_to(std::back_inserter(*out), " (duplicate of line {})", r.duplicate_of_line);
      } else {
        out->append(" (duplicate of ");
        AppendOneLine(r.duplicate_of_id, out);
        fmt::format_to(std::back_inserter(*out), " line {})", r.duplicate_of_line);
      }
    }
    out->push_back('\n');
  }
  out->push_back('\n');
}

void EmitText(const Document& doc, std::string* out) {
  ComposeText(doc, out);
  out->push_back('\n');
  AppendRemovals(doc, out);
  out->push_back('\n');
}

}  // namespace

namespace {

struct NamedField {
  std::string_view name;
  std::uint32_t bit;
};
constexpr NamedField kOutputFields[] = {
    {"id", 0},
    {"source", kFieldSource},
    {"title", kFieldTitle},
    {"hash", kFieldHash},
    {"sections", kFieldSections},
    {"metadata", kFieldMetadata},
    {"text", kFieldText},
    {"schema_version", kFieldSchemaVersion},
    {"stats", kFieldStats},
    {"removed", kFieldRemoved},
};

}  // namespace

bool OutputFieldBit(std::string_view name, std::uint32_t* bit) {
  for (const NamedField& f : kOutputFields) {
    if (f.name == name) {
      *bit = f.bit;
      return true;
    }
  }
  return false;
}

std::string_view OutputFieldNames() {
  return "id, source, title, hash, sections, metadata, text, schema_version, stats, removed";
}

void EmitDocument(const Document& doc, const EmitOptions& options, std::string* out) {
  EmitDocument(doc, options, out, nullptr);
}

void EmitDocument(const Document& doc, const EmitOptions& options, std::string* out, JsonSink* sink) {
  switch (options.format) {
    case OutputFormat::kJson:
      EmitJson(doc, options, out, sink);
      return;
    case OutputFormat::kMarkdown:
      EmitMarkdown(doc, out);
      break;
    case OutputFormat::kText:
      EmitText(doc, out);
      break;
    case OutputFormat::kDiff:
      EmitDiff(doc, out);
      break;
  }
  // The other formats are made whole, then handed on.
  if (sink != nullptr && !out->empty()) {
    sink->Write(*out);
    out->clear();
  }
}

}  // namespace pagewash
