#include "distinct_files.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>
#include <system_error>

namespace pagewash::cli {
namespace {

// What identifies a file: its device and inode when it exists (through
// links), else the resolved path of its directory and its name.
std::string FileIdentity(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) return fmt::format("{}:{}", st.st_dev, st.st_ino);
  std::error_code ec;
  std::filesystem::path p(path);
  std::filesystem::path dir = std::filesystem::weakly_canonical(
      p.has_parent_path() ? p.parent_path() : std::filesystem::path("."), ec);
  return (dir / p.filename()).string();
}

}  // namespace

Status CheckDistinctFiles(std::span<const NamedFile> files) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].path.empty() || files[i].path == "-") continue;
    for (std::size_t j = i + 1; j < files.size(); ++j) {
      if (files[j].path.empty() || files[j].path == "-") continue;
      if (FileIdentity(files[i].path) == FileIdentity(files[j].path)) {
        return Status::InvalidArgument(
            fmt::format("{} {} and {} {} are the same file: each needs its own", files[i].option,
                        files[i].path, files[j].option, files[j].path));
      }
    }
  }
  return Status::Ok();
}

}  // namespace pagewash::cli
