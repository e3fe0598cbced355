#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "io/output.h"
#include "pagewash/profile.h"
#include "pagewash/rules.h"

namespace pagewash {
namespace {

// The whole of a small file (rules, profiles); `what` names it in errors.
Result<std::string> ReadSmallFile(const std::string& path, std::string_view what) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status::IoError(fmt::format("cannot open {}: {}", what, std::strerror(errno))).At(path, 0);
  }
  std::string text;
  char chunk[1 << 14];
  std::size_t got;
  while ((got = std::fread(chunk, 1, sizeof chunk, f)) > 0) text.append(chunk, got);
  int error = errno;
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IoError(fmt::format("cannot read {}: {}", what, std::strerror(error))).At(path, 0);
  return text;
}

}  // namespace

Result<SiteProfile> LoadProfile(const std::string& path) {
  Result<std::string> text = ReadSmallFile(path, "profile");
  if (!text.ok()) return text.status();
  return SiteProfile::Parse(text.value(), path);
}

Status SaveProfile(const SiteProfile& profile, const std::string& path) {
  io::Output out;
  if (Status s = out.Open(path); !s.ok()) return s;
  if (Status s = out.Write(profile.Serialize()); !s.ok()) return s;
  return out.Commit();
}

Result<RuleSet> LoadRules(const std::vector<std::string>& paths) {
  RuleSet rules = RuleSet::Default();
  for (const std::string& path : paths) {
    Result<std::string> text = ReadSmallFile(path, "rules");
    if (!text.ok()) return text.status();
    Result<RuleSet> merged = rules.Merge(text.value(), path);
    if (!merged.ok()) return merged.status();
    rules = std::move(merged.value());
  }
  return rules;
}

}  // namespace pagewash
