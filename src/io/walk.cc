#include "io/walk.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace pagewash::io {
namespace {

namespace fs = std::filesystem;

// Collects the matching files under `root` into *files, and an error entry
// for each directory that cannot be listed. Iterative: a deep tree does not
// grow the call stack.
void Walk(const std::string& root, const WalkOptions& options, std::vector<std::string>* files,
          std::vector<InputEntry>* errors) {
  std::vector<fs::path> pending{fs::path(root)};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      std::error_code type_ec;
      // symlink_status: a link to a directory is not descended into.
      fs::file_status own = entry.symlink_status(type_ec);
      if (fs::is_directory(own)) {
        pending.push_back(entry.path());
        continue;
      }
      // status follows a link: a link to a regular file is read.
      if (!fs::is_regular_file(entry.status(type_ec))) continue;
      std::string name = entry.path().filename().string();
      if (!options.glob.empty() && ::fnmatch(options.glob.c_str(), name.c_str(), 0) != 0) continue;
      files->push_back(entry.path().string());
    }
    if (ec) {
      errors->push_back(
          InputEntry{{},
                     Status::IoError(fmt::format("cannot read the directory: {}", ec.message()))
                         .At(dir.string(), 0)});
    }
  }
}

}  // namespace

std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& args,
                                     const WalkOptions& options) {
  std::vector<InputEntry> out;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-" || !fs::is_directory(fs::path(arg), ec)) {
      out.push_back(InputEntry{arg, Status::Ok()});
      continue;
    }
    if (!options.recursive) {
      out.push_back(InputEntry{
          {},
          Status::InvalidInput("is a directory: add -r (--recursive) to read the files in it")
              .At(arg, 0)});
      continue;
    }
    std::vector<std::string> files;
    std::vector<InputEntry> errors;
    Walk(arg, options, &files, &errors);
    // Byte order of the whole path: the same on every file system.
    std::sort(files.begin(), files.end());
    std::sort(errors.begin(), errors.end(), [](const InputEntry& a, const InputEntry& b) {
      return a.error.source() < b.error.source();
    });
    for (InputEntry& e : errors) out.push_back(std::move(e));
    for (std::string& f : files) out.push_back(InputEntry{std::move(f), Status::Ok()});
  }
  return out;
}

}  // namespace pagewash::io
