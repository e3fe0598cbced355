#include "pagewash/site_evidence.h"

#include <algorithm>
#include <cmath>

#include "pagewash/profile.h"

namespace pagewash {
namespace {

// The host of a URL: between "://" and the next '/', '?', '#' or ':',
// lower-cased, without a leading "www."; empty when `s` is no URL.
std::string HostOf(std::string_view s) {
  std::size_t scheme = s.find("://");
  if (scheme == std::string_view::npos || scheme == 0 || scheme > 10) return {};
  std::string_view rest = s.substr(scheme + 3);
  std::size_t at = rest.find('@');
  std::size_t end = rest.find_first_of("/?#");
  if (at != std::string_view::npos && at < end) rest.remove_prefix(at + 1);
  end = rest.find_first_of("/?#:");
  std::string host(rest.substr(0, end));
  for (char& c : host) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

// The string of a JSON string value kept raw ("\"https://...\""): URLs need
// no unescaping but for "\/".
std::string JsonStringValue(std::string_view raw) {
  if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return {};
  std::string out;
  for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 2 < raw.size()) ++i;
    out.push_back(raw[i]);
  }
  return out;
}

}  // namespace

std::string SiteOf(const Document& doc, SiteFrom from) {
  switch (from) {
    case SiteFrom::kNone:
      return {};
    case SiteFrom::kUrl: {
      for (const ExtraField& f : doc.extra) {
        if (f.key == "url") return HostOf(JsonStringValue(f.raw_json));
      }
      return HostOf(doc.source);
    }
    case SiteFrom::kDir: {
      std::size_t slash = doc.source.rfind('/');
      return slash == std::string::npos ? std::string(".") : doc.source.substr(0, slash);
    }
  }
  return {};
}

void SiteEvidence::Observe(const Document& doc) {
  PageLines page;
  LinesOf(doc, &page);
  Observe(page);
}

void SiteEvidence::LinesOf(const Document& doc, PageLines* out) const {
  out->site = SiteOf(doc, options_.from);
  out->fingerprints.clear();
  if (out->site.empty()) return;
  for (const Block& block : doc.blocks) {
    std::string_view text = doc.Text(block);
    if (text.size() > kMaxLineBytes) continue;
    std::uint64_t fp = LineFingerprint(text);
    if (fp != 0) out->fingerprints.push_back(fp);
  }
}

void SiteEvidence::Observe(const PageLines& page) {
  if (page.site.empty()) return;
  Site& site = sites_[page.site];
  ++site.pages;
  for (std::uint64_t fp : page.fingerprints) {
    auto it = site.lines.find(fp);
    if (it == site.lines.end()) {
      if (tracked_ >= options_.max_lines) continue;  // Full: only lines already counted go on.
      it = site.lines.emplace(fp, Count{}).first;
      ++tracked_;
    }
    Count& count = it->second;
    if (count.pages > 0 && count.last_page == site.pages) continue;  // Once per page.
    ++count.pages;
    count.last_page = site.pages;
  }
}

void SiteEvidence::Finish() {
  for (auto& [key, site] : sites_) {
    std::size_t needed = std::max<std::size_t>(
        options_.min_pages, static_cast<std::size_t>(std::ceil(options_.min_share * site.pages)));
    FurnitureSet furniture;
    for (const auto& [fp, count] : site.lines) {
      if (count.pages >= needed) furniture.insert(fp);
    }
    if (!furniture.empty()) furniture_.emplace(key, std::move(furniture));
  }
  sites_.clear();
  tracked_ = 0;
}

const FurnitureSet* SiteEvidence::FurnitureOf(const Document& doc) const {
  if (furniture_.empty()) return nullptr;
  auto it = furniture_.find(SiteOf(doc, options_.from));
  return it == furniture_.end() ? nullptr : &it->second;
}

}  // namespace pagewash
