#include "pagewash/emit.h"

#include <fmt/format.h>

#include <algorithm>

#include "json_parts.h"
#include "pagewash/json.h"
#include "pagewash/manifest.h"
#include "pagewash/signals.h"

namespace pagewash {
namespace {

void EmitJson(const Document& doc, const EmitOptions& options, std::string* out) {
  JsonWriter w(out, options.pretty ? 2 : 0);
  const std::vector<Section> sections = BuildSections(doc);
  const DocumentHashes hashes = ComputeHashes(doc, sections);
  w.BeginObject();
  w.Key("id");
  w.String(doc.id);
  w.Key("source");
  w.String(doc.source);
  w.Key("title");
  if (doc.title.empty()) {
    w.Null();
  } else {
    w.String(doc.title);
  }
  w.Key("hash");
  w.String(HashString(hashes.hash));
  w.Key("sections");
  w.BeginArray();
  std::vector<std::size_t> path;                       // Open headings, by block index.
  for (std::size_t si = 0; si < sections.size(); ++si) {
    const Section& section = sections[si];
    w.BeginObject();
    w.Key("hash");
    w.String(HashString(hashes.sections[si].hash));
    w.Key("heading");
    if (section.heading < 0) {
      w.Null();
    } else {
      w.String(doc.Text(doc.blocks[static_cast<std::size_t>(section.heading)]));
    }
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
    for (std::size_t bi = 0; bi < section.blocks.size(); ++bi) {
      const Block& b = doc.blocks[section.blocks[bi]];
      w.BeginObject();
      w.Key("hash");
      w.String(HashString(hashes.sections[si].blocks[bi]));
      w.Key("type");
      w.String(b.kind == BlockKind::kListItem ? "list_item" : "paragraph");
      w.Key("text");
      w.String(doc.Text(b));
      internal::WriteListItemFields(doc, b, &w);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  if (options.signals) {
    WriteMetadataWithSignals(doc, &w);
  } else {
    internal::WriteMetadata(doc, &w);
  }
  w.Key("text");
  w.ComposedText(doc);
  w.Key("schema_version");
  w.String(kSchemaVersion);
  internal::WriteStats(doc.stats, &w);
  internal::WriteRemovals(doc, &w);
  internal::WriteExtra(doc, &w);
  w.EndObject();
  out->push_back('\n');
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

void AppendRemovals(const Document& doc, std::string* out) {
  if (doc.removed.empty()) return;
  out->append("\nRemoved:\n");
  for (const Removal& r : doc.removed) {
    fmt::format_to(std::back_inserter(*out), "- [{} {}] line {}: {}\n", r.stage, r.rule, r.line,
                   doc.Text(r.text));
  }
}

void EmitMarkdown(const Document& doc, const EmitOptions& options, std::string* out) {
  fmt::format_to(std::back_inserter(*out), "<!-- {} -->\n\n", doc.id);
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
  if (options.explain) AppendRemovals(doc, out);
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
  fmt::format_to(std::back_inserter(*out), "--- {} ({})\n", doc.id, doc.source);
  for (const Row& row : rows) {
    if (row.order == 1) {
      fmt::format_to(std::back_inserter(*out), "  {:>5}  {}\n", row.line, doc.Text(doc.blocks[row.index]));
      continue;
    }
    const Removal& r = doc.removed[row.index];
    fmt::format_to(std::back_inserter(*out), "- {:>5}  {}  [{} {}]", row.line, doc.Text(r.text), r.stage, r.rule);
    if (!r.duplicate_of_id.empty()) {
      if (r.duplicate_of_id == doc.id) {
        fmt::format_to(std::back_inserter(*out), " (duplicate of line {})", r.duplicate_of_line);
      } else {
        fmt::format_to(std::back_inserter(*out), " (duplicate of {} line {})", r.duplicate_of_id,
                       r.duplicate_of_line);
      }
    }
    out->push_back('\n');
  }
  out->push_back('\n');
}

void EmitText(const Document& doc, const EmitOptions& options, std::string* out) {
  ComposeText(doc, out);
  out->push_back('\n');
  if (options.explain) AppendRemovals(doc, out);
  out->push_back('\n');
}

}  // namespace

void EmitDocument(const Document& doc, const EmitOptions& options, std::string* out) {
  switch (options.format) {
    case OutputFormat::kJson:
      EmitJson(doc, options, out);
      return;
    case OutputFormat::kMarkdown:
      EmitMarkdown(doc, options, out);
      return;
    case OutputFormat::kText:
      EmitText(doc, options, out);
      return;
    case OutputFormat::kDiff:
      EmitDiff(doc, out);
      return;
  }
}

}  // namespace pagewash
