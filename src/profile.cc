#include "pagewash/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text/checksum.h"
#include "text/lines.h"
#include "text/tokenize.h"

namespace pagewash {
namespace {

// Format 1 has no checksum: it is what a person writes or edits by hand,
// and it is still read. pagewash writes format 2, which ends with a
// checksum, so that a profile cut short or damaged is refused rather than
// silently removing less.
constexpr std::string_view kHeaderV1 = "# pagewash site profile, format 1";
constexpr std::string_view kHeader = "# pagewash site profile, format 2";
constexpr std::string_view kHeaderStart = "# pagewash site profile, format ";
constexpr text::ChecksumLine kChecksum{"# checksum ", ""};

std::string_view WhereName(SiteProfile::Where w) {
  switch (w) {
    case SiteProfile::Where::kTop:
      return "top";
    case SiteProfile::Where::kMiddle:
      return "middle";
    case SiteProfile::Where::kBottom:
      return "bottom";
  }
  return "middle";
}

}  // namespace

std::uint64_t LineFingerprint(std::string_view line) {
  thread_local text::TokenizedText tokens;
  thread_local std::string scratch;
  // Should ICU fail, the line is folded by the tokenizer alone: a profile
  // line then matches its copies a little more narrowly, which removes
  // less furniture but never loses content, so it is not an error.
  (void)text::TokenizeNfkc(line, &tokens, &scratch);
  if (tokens.tokens.empty()) return 0;
  return text::Hash64(tokens.key);
}

void SiteProfile::Add(Entry entry) {
  std::uint64_t fp = LineFingerprint(entry.text);
  if (fp == 0 || !fingerprints_.insert(fp).second) return;
  entries_.push_back(std::move(entry));
}

std::string SiteProfile::ToRules() const {
  if (entries_.empty()) return {};
  std::string out = "[site-profile]\ntype = line\n";
  for (const Entry& e : entries_) {
    // '|' separates phrases; as punctuation it never matters to a match.
    std::string phrase = e.text;
    std::replace(phrase.begin(), phrase.end(), '|', ' ');
    fmt::format_to(std::back_inserter(out), "phrases = {}\n", phrase);
  }
  return out;
}

Result<SiteProfile> SiteProfile::Parse(std::string_view text, std::string_view source) {
  SiteProfile profile;
  std::string_view first = text.substr(0, text.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  auto fail = [&](std::uint64_t line, std::string message) -> Result<SiteProfile> {
    return Status::InvalidInput(std::move(message)).At(std::string(source), line);
  };
  std::string_view body = text;
  if (first == kHeader) {
    constexpr std::string_view kEdited =
        "if you edited it by hand, make its first line \"# pagewash site profile, format 1\" "
        "and delete the \"# checksum\" line";
    switch (text::VerifyChecksum(text, kChecksum, &body)) {
      case text::ChecksumCheck::kOk:
        break;
      case text::ChecksumCheck::kMissing:
        return fail(0, fmt::format("the profile has no checksum line: it is damaged ({})", kEdited));
      case text::ChecksumCheck::kMismatch:
        return fail(0, fmt::format("checksum mismatch: the profile is damaged ({})", kEdited));
    }
  } else if (first != kHeaderV1) {
    if (first.substr(0, kHeaderStart.size()) == kHeaderStart) {
      return fail(1, fmt::format("profile version \"{}\" is not supported (this pagewash reads \"{}\" and \"{}\")",
                                 first, kHeaderV1, kHeader));
    }
    return fail(1, fmt::format("not a pagewash site profile: the first line must be \"{}\"", kHeader));
  }
  text::LineCursor lines(body);
  std::string_view line;
  lines.Next(&line);  // The header, checked above.
  while (lines.Next(&line)) {
    const std::uint64_t line_no = lines.number();
    if (line.empty()) continue;
    if (line.front() == '#') {
      constexpr std::string_view kPages = "# pages: ";
      if (line.substr(0, kPages.size()) == kPages) {
        std::string_view n = line.substr(kPages.size());
        std::from_chars(n.data(), n.data() + n.size(), profile.pages_seen_);
      }
      continue;
    }
    std::size_t tab1 = line.find('\t');
    std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) {
      return Status::InvalidInput("expected pages<TAB>where<TAB>text").At(std::string(source), line_no);
    }
    Entry e;
    std::string_view count = line.substr(0, tab1);
    auto [p, ec] = std::from_chars(count.data(), count.data() + count.size(), e.pages);
    if (ec != std::errc() || p != count.data() + count.size()) {
      return Status::InvalidInput(fmt::format("the page count \"{}\" is not a whole number", count))
          .At(std::string(source), line_no);
    }
    std::string_view where = line.substr(tab1 + 1, tab2 - tab1 - 1);
    if (where == "top") {
      e.where = Where::kTop;
    } else if (where == "middle") {
      e.where = Where::kMiddle;
    } else if (where == "bottom") {
      e.where = Where::kBottom;
    } else {
      return Status::InvalidInput(fmt::format("where must be top, middle or bottom, not \"{}\"", where))
          .At(std::string(source), line_no);
    }
    e.text = std::string(line.substr(tab2 + 1));
    if (LineFingerprint(e.text) == 0) {
      return Status::InvalidInput("the text has no words").At(std::string(source), line_no);
    }
    profile.Add(std::move(e));
  }
  return profile;
}

std::string SiteProfile::Serialize() const {
  std::string out = fmt::format(
      "{}\n"
      "# Lines repeated on many pages of one site, found by 'pagewash strip --learn'.\n"
      "# 'pagewash strip --profile FILE' removes every copy of them. To edit it, first\n"
      "# make the first line say 'format 1' and delete the last line (the checksum).\n"
      "# Then delete a line to keep it in the output; add one (count and place do not\n"
      "# matter) to remove it.\n"
      "# pages: {}\n"
      "# pages\twhere\ttext\n",
      kHeader, pages_seen_);
  for (const Entry& e : entries_) {
    fmt::format_to(std::back_inserter(out), "{}\t{}\t{}\n", e.pages, WhereName(e.where), e.text);
  }
  text::AppendChecksum(kChecksum, &out);
  return out;
}

void SiteProfile::Learner::Observe(const Document& doc) {
  ++pages_;
  const std::size_t n = doc.blocks.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view text = doc.Text(doc.blocks[i]);
    std::uint64_t fp = LineFingerprint(text);
    if (fp == 0) continue;
    Seen& seen = lines_[fp];
    if (seen.pages > 0 && seen.last_page == pages_) continue;  // Once per page.
    if (seen.pages == 0) seen.text = std::string(text);
    ++seen.pages;
    seen.last_page = pages_;
    seen.position_sum += n > 1 ? static_cast<double>(i) / static_cast<double>(n - 1) : 0.0;
  }
}

SiteProfile SiteProfile::Learner::Build() const {
  SiteProfile profile;
  profile.pages_seen_ = pages_;
  auto needed = std::max<std::size_t>(
      options_.min_pages, static_cast<std::size_t>(std::ceil(options_.min_share * static_cast<double>(pages_))));
  std::vector<Entry> entries;
  for (const auto& [fp, seen] : lines_) {
    if (seen.pages < needed) continue;
    double mean = seen.position_sum / seen.pages;
    Where where = mean < 1.0 / 3 ? Where::kTop : mean > 2.0 / 3 ? Where::kBottom : Where::kMiddle;
    entries.push_back(Entry{seen.pages, where, seen.text});
  }
  // Iteration order of the map must not reach the file: sort.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.pages != b.pages ? a.pages > b.pages : a.text < b.text;
  });
  for (Entry& e : entries) profile.Add(std::move(e));
  return profile;
}

}  // namespace pagewash
