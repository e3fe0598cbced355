#include "tests/golden/score.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <map>

namespace pagewash::testing {
namespace {

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Drops a leading list marker ("1. ", "• ") so gold written either way
// compares with a list item's text.
std::string WithoutMarker(std::string s) {
  static constexpr std::string_view kBullets[] = {"• ", "· ", "▪ ", "- ", "* ", "– ", "○ "};
  for (std::string_view b : kBullets) {
    if (s.rfind(b, 0) == 0) return s.substr(b.size());
  }
  std::size_t space = s.find(' ');
  if (space != std::string::npos && space <= 5 && space >= 2) {
    std::string_view token(s.data(), space);
    char last = token.back();
    bool number = (last == '.' || last == ')') &&
                  std::all_of(token.begin(), token.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
    if (number) return s.substr(space + 1);
  }
  return s;
}

std::size_t MultisetMatches(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::map<std::string, int> counts;
  for (const std::string& s : a) ++counts[s];
  std::size_t matched = 0;
  for (const std::string& s : b) {
    auto it = counts.find(s);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++matched;
    }
  }
  return matched;
}

double Ratio(std::size_t num, std::size_t den) {
  return den == 0 ? 1.0 : static_cast<double>(num) / static_cast<double>(den);
}

double F1(std::size_t matched, std::size_t gold, std::size_t out) {
  double p = Ratio(matched, out);
  double r = Ratio(matched, gold);
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

// At most 70 bytes, cut at a character boundary.
std::string Short(std::string_view s) {
  if (s.size() <= 70) return std::string(s);
  std::size_t cut = 67;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

}  // namespace

bool ParseGold(std::string_view json, GoldPage* gold, std::string* error) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::padded_string padded(json);
  if (auto e = parser.parse(padded).get(root)) {
    *error = simdjson::error_message(e);
    return false;
  }
  auto string_or_empty = [](simdjson::dom::element e) {
    std::string_view s;
    return e.get_string().get(s) ? std::string() : std::string(s);
  };
  *gold = GoldPage{};
  gold->title = string_or_empty(root["title"].value_unsafe());
  if (simdjson::dom::element lang; !root["language"].get(lang)) gold->language = string_or_empty(lang);
  simdjson::dom::array sections;
  if (root["sections"].get_array().get(sections)) {
    *error = "no \"sections\" array";
    return false;
  }
  for (simdjson::dom::element sec : sections) {
    GoldSection section;
    std::string_view heading;
    if (!sec["heading"].get_string().get(heading)) section.heading = std::string(heading);
    simdjson::dom::array blocks;
    if (sec["blocks"].get_array().get(blocks)) {
      *error = "a section without \"blocks\"";
      return false;
    }
    for (simdjson::dom::element b : blocks) {
      section.blocks.push_back(GoldBlock{string_or_empty(b["type"].value_unsafe()),
                                         string_or_empty(b["text"].value_unsafe())});
    }
    gold->sections.push_back(std::move(section));
  }
  if (simdjson::dom::object meta; !root["metadata"].get_object().get(meta)) {
    if (simdjson::dom::element a; !meta["author"].get(a)) gold->author = string_or_empty(a);
    if (simdjson::dom::element d; !meta["date"].get(d)) gold->date = string_or_empty(d);
  }
  for (const char* key : {"boilerplate", "duplicates"}) {
    simdjson::dom::array list;
    if (root[key].get_array().get(list)) continue;
    for (simdjson::dom::element e : list) {
      (std::string_view(key) == "boilerplate" ? gold->boilerplate : gold->duplicates)
          .push_back(string_or_empty(e));
    }
  }
  return true;
}

void Score::Add(const Score& o) {
  gold_blocks += o.gold_blocks;
  out_blocks += o.out_blocks;
  matched_blocks += o.matched_blocks;
  gold_headings += o.gold_headings;
  out_headings += o.out_headings;
  matched_headings += o.matched_headings;
  gold_items += o.gold_items;
  out_items += o.out_items;
  matched_items += o.matched_items;
  boilerplate += o.boilerplate;
  boilerplate_removed += o.boilerplate_removed;
  duplicates += o.duplicates;
  duplicates_once += o.duplicates_once;
  authors += o.authors;
  authors_found += o.authors_found;
  titles += o.titles;
  titles_right += o.titles_right;
  languages += o.languages;
  languages_right += o.languages_right;
  problems.insert(problems.end(), o.problems.begin(), o.problems.end());
}

double Score::BlockPrecision() const { return Ratio(matched_blocks, out_blocks); }
double Score::BlockRecall() const { return Ratio(matched_blocks, gold_blocks); }
double Score::BlockF1() const { return F1(matched_blocks, gold_blocks, out_blocks); }
double Score::HeadingF1() const { return F1(matched_headings, gold_headings, out_headings); }
double Score::ListItemF1() const { return F1(matched_items, gold_items, out_items); }
double Score::BoilerplateRemoved() const { return Ratio(boilerplate_removed, boilerplate); }

Score ScorePage(const GoldPage& gold, const Document& doc) {
  Score s;
  std::vector<std::string> gold_blocks, gold_headings, gold_items;
  for (const GoldSection& sec : gold.sections) {
    if (sec.heading) gold_headings.push_back(Collapse(*sec.heading));
    for (const GoldBlock& b : sec.blocks) {
      gold_blocks.push_back(Collapse(b.text));
      if (b.type == "list_item") gold_items.push_back(Collapse(b.text));
    }
  }
  std::vector<std::string> out_blocks, out_headings, out_items;
  for (const Block& b : doc.blocks) {
    std::string text = Collapse(doc.Text(b));
    if (b.kind == BlockKind::kHeading) {
      out_headings.push_back(text);
    } else {
      out_blocks.push_back(text);
      if (b.kind == BlockKind::kListItem) out_items.push_back(text);
    }
  }
  s.gold_blocks = gold_blocks.size();
  s.out_blocks = out_blocks.size();
  s.matched_blocks = MultisetMatches(gold_blocks, out_blocks);
  s.gold_headings = gold_headings.size();
  s.out_headings = out_headings.size();
  s.matched_headings = MultisetMatches(gold_headings, out_headings);
  s.gold_items = gold_items.size();
  s.out_items = out_items.size();
  s.matched_items = MultisetMatches(gold_items, out_items);

  // What went missing and what should not be there, for the report.
  {
    std::map<std::string, int> out_count;
    for (const std::string& t : out_blocks) ++out_count[t];
    for (const std::string& t : out_headings) ++out_count[t];
    for (const std::string& t : gold_blocks) {
      if (out_count[t]-- <= 0) s.problems.push_back("missing block: " + Short(t));
    }
    for (const std::string& t : gold_headings) {
      if (out_count[t]-- <= 0) s.problems.push_back("missing heading: " + Short(t));
    }
    std::map<std::string, int> gold_count;
    for (const std::string& t : gold_blocks) ++gold_count[t];
    for (const std::string& t : gold_headings) ++gold_count[t];
    for (const Block& b : doc.blocks) {
      std::string t = Collapse(doc.Text(b));
      if (gold_count[t]-- <= 0) {
        s.problems.push_back(fmt::format("extra {}: {}", BlockKindName(b.kind), Short(t)));
      }
    }
  }

  std::map<std::string, int> gold_content;
  for (const std::string& t : gold_blocks) ++gold_content[t];
  for (const std::string& t : gold_headings) ++gold_content[t];
  for (const std::string& piece_raw : gold.boilerplate) {
    std::string piece = Collapse(piece_raw);
    if (piece.empty()) continue;
    ++s.boilerplate;
    bool leaked = false;
    for (const Block& b : doc.blocks) {
      std::string t = Collapse(doc.Text(b));
      if (t == piece || WithoutMarker(piece) == t ||
          (gold_content.count(t) == 0 && t.find(piece) != std::string::npos)) {
        leaked = true;
        break;
      }
    }
    if (leaked) {
      s.problems.push_back("boilerplate kept: " + Short(piece));
    } else {
      ++s.boilerplate_removed;
    }
  }
  for (const std::string& dup_raw : gold.duplicates) {
    std::string dup = WithoutMarker(Collapse(dup_raw));
    ++s.duplicates;
    std::size_t count = 0;
    for (const Block& b : doc.blocks) {
      if (WithoutMarker(Collapse(doc.Text(b))) == dup) ++count;
    }
    if (count == 1) {
      ++s.duplicates_once;
    } else {
      s.problems.push_back(fmt::format("duplicate kept {} times: {}", count, Short(dup)));
    }
  }
  if (!gold.author.empty()) {
    ++s.authors;
    if (doc.GetMetadata("author") == gold.author) {
      ++s.authors_found;
    } else {
      s.problems.push_back(fmt::format("author: want \"{}\", got \"{}\"", gold.author, doc.GetMetadata("author")));
    }
  }
  if (!gold.language.empty()) {
    ++s.languages;
    if (doc.GetMetadata("language") == gold.language) {
      ++s.languages_right;
    } else {
      s.problems.push_back(fmt::format("language: want {}, got {}", gold.language, doc.GetMetadata("language")));
    }
  }
  ++s.titles;
  if (doc.title == gold.title) {
    ++s.titles_right;
  } else {
    s.problems.push_back(fmt::format("title: want \"{}\", got \"{}\"", Short(gold.title), Short(doc.title)));
  }
  return s;
}

std::string FormatScore(std::string_view name, const Score& s) {
  return fmt::format(
      "{:<36} blockP {:.3f} blockR {:.3f} blockF1 {:.3f} headF1 {:.3f} itemF1 {:.3f} "
      "boiler {}/{} dups {}/{} author {}/{} title {}/{} lang {}/{}",
      name, s.BlockPrecision(), s.BlockRecall(), s.BlockF1(), s.HeadingF1(), s.ListItemF1(),
      s.boilerplate_removed, s.boilerplate, s.duplicates_once, s.duplicates, s.authors_found, s.authors,
      s.titles_right, s.titles, s.languages_right, s.languages);
}

}  // namespace pagewash::testing
