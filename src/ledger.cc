#include "pagewash/ledger.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <charconv>

#include "pagewash/json.h"
#include "text/checksum.h"
#include "text/lines.h"
#include "text/tokenize.h"

namespace pagewash {
namespace {

constexpr std::string_view kHeader = "pagewash ledger 1";
constexpr text::ChecksumLine kChecksum{"checksum ", ""};

// Reads "NAME N" into *n.
bool ReadCount(std::string_view line, std::string_view name, std::size_t* n) {
  if (line.substr(0, name.size()) != name || line.size() <= name.size() + 1 || line[name.size()] != ' ') {
    return false;
  }
  std::string_view digits = line.substr(name.size() + 1);
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *n);
  return ec == std::errc() && p == digits.data() + digits.size();
}

}  // namespace

std::uint32_t Ledger::BeginDocument(std::string_view id) {
  auto [it, inserted] = by_id_.emplace(std::string(id), static_cast<std::uint32_t>(ids_.size()));
  if (inserted) {
    ids_.emplace_back(id);
    claims_.emplace_back();
  } else {
    for (std::uint64_t fp : claims_[it->second]) owner_.erase(fp);
    claims_[it->second].clear();
  }
  return it->second;
}

bool Ledger::Claim(std::uint64_t fingerprint, std::uint32_t doc, std::uint32_t line, Owner* owner) {
  auto [it, inserted] = owner_.emplace(fingerprint, Owner{doc, line});
  if (inserted) {
    claims_[doc].push_back(fingerprint);
    return true;
  }
  *owner = it->second;
  return it->second.doc == doc;
}

std::string Ledger::Serialize() const {
  std::string out = fmt::format("{}\ndocuments {}\n", kHeader, ids_.size());
  for (const std::string& id : ids_) {
    AppendJsonString(id, &out);
    out.push_back('\n');
  }
  fmt::format_to(std::back_inserter(out), "fingerprints {}\n", owner_.size());
  for (std::uint32_t d = 0; d < claims_.size(); ++d) {
    for (std::uint64_t fp : claims_[d]) {
      fmt::format_to(std::back_inserter(out), "{:016x} {} {}\n", fp, d, owner_.at(fp).line);
    }
  }
  text::AppendChecksum(kChecksum, &out);
  return out;
}

Result<Ledger> Ledger::Parse(std::string_view text, std::string_view source) {
  auto fail = [&](std::uint64_t line, std::string message) -> Result<Ledger> {
    return Status::InvalidInput(std::move(message)).At(std::string(source), line);
  };
  if (text.substr(0, kHeader.size() + 1) != std::string(kHeader) + "\n") {
    if (text.substr(0, 16) == "pagewash ledger ") {
      return fail(1, fmt::format("ledger version \"{}\" is not supported (this pagewash reads \"{}\")",
                                 text.substr(0, text.find('\n')), kHeader));
    }
    return fail(1, "not a pagewash ledger (it is left as it is)");
  }
  // The checksum line covers every byte before it.
  std::string_view body;
  switch (text::VerifyChecksum(text, kChecksum, &body)) {
    case text::ChecksumCheck::kOk:
      break;
    case text::ChecksumCheck::kMissing:
      return fail(0, "the ledger has no checksum line: it is damaged (it is left as it is)");
    case text::ChecksumCheck::kMismatch:
      return fail(0, "checksum mismatch: the ledger is damaged (it is left as it is)");
  }
  Ledger ledger;
  text::LineCursor lines(body);
  std::string_view line;
  lines.Next(&line);  // The header, checked above.
  std::uint64_t line_no = 1;
  auto next = [&](std::string_view* l) {
    bool more = lines.Next(l);
    line_no = lines.number();
    return more;
  };
  std::size_t documents = 0;
  if (!next(&line) || !ReadCount(line, "documents", &documents)) return fail(line_no, "expected \"documents N\"");
  // Ids are JSON strings (AppendJsonString); simdjson reads them back.
  simdjson::dom::parser json;
  std::string id;
  for (std::size_t d = 0; d < documents; ++d) {
    std::string_view parsed;
    if (!next(&line) || json.parse(line.data(), line.size()).get_string().get(parsed)) {
      return fail(line_no, "expected a document id as a JSON string");
    }
    id.assign(parsed);
    if (ledger.BeginDocument(id) != d) return fail(line_no, fmt::format("document \"{}\" is listed twice", id));
  }
  std::size_t fingerprints = 0;
  if (!next(&line) || !ReadCount(line, "fingerprints", &fingerprints)) {
    return fail(line_no, "expected \"fingerprints N\"");
  }
  for (std::size_t f = 0; f < fingerprints; ++f) {
    std::uint64_t fp = 0;
    std::uint32_t doc = 0;
    std::uint32_t at = 0;
    bool ok = next(&line);
    std::size_t s1 = ok ? line.find(' ') : std::string_view::npos;
    std::size_t s2 = s1 == std::string_view::npos ? s1 : line.find(' ', s1 + 1);
    if (s2 != std::string_view::npos) {
      auto r1 = std::from_chars(line.data(), line.data() + s1, fp, 16);
      auto r2 = std::from_chars(line.data() + s1 + 1, line.data() + s2, doc);
      auto r3 = std::from_chars(line.data() + s2 + 1, line.data() + line.size(), at);
      ok = r1.ec == std::errc() && r1.ptr == line.data() + s1 && r2.ec == std::errc() &&
           r2.ptr == line.data() + s2 && r3.ec == std::errc() && r3.ptr == line.data() + line.size() &&
           doc < documents;
    } else {
      ok = false;
    }
    Owner owner;
    if (!ok) return fail(line_no, "expected \"FINGERPRINT DOCUMENT LINE\"");
    if (!ledger.Claim(fp, doc, at, &owner)) return fail(line_no, "a fingerprint is listed twice");
  }
  if (!lines.done()) return fail(line_no + 1, "unexpected lines before the checksum");
  return ledger;
}

void Ledger::MergeFrom(const Ledger& other) {
  for (std::uint32_t d = 0; d < other.ids_.size(); ++d) {
    std::uint32_t mine = BeginDocument(other.ids_[d]);
    Owner owner;
    for (std::uint64_t fp : other.claims_[d]) Claim(fp, mine, other.owner_.at(fp).line, &owner);
  }
}

}  // namespace pagewash
