#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "pagewash/rules.h"

namespace pagewash {

Result<RuleSet> LoadRules(const std::vector<std::string>& paths) {
  RuleSet rules = RuleSet::Default();
  for (const std::string& path : paths) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      return Status::IoError(fmt::format("cannot open rules: {}", std::strerror(errno))).At(path, 0);
    }
    std::string text;
    char chunk[1 << 14];
    std::size_t got;
    while ((got = std::fread(chunk, 1, sizeof chunk, f)) > 0) text.append(chunk, got);
    int error = errno;
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return Status::IoError(fmt::format("cannot read rules: {}", std::strerror(error))).At(path, 0);
    Result<RuleSet> merged = rules.Merge(text, path);
    if (!merged.ok()) return merged.status();
    rules = std::move(merged.value());
  }
  return rules;
}

}  // namespace pagewash
