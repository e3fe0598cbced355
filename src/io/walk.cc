#include "io/walk.h"

#include <fnmatch.h>

#include <algorithm>

namespace pagewash::io {

std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& args,
                                     const WalkOptions& options, FileSystem& fs) {
  std::vector<InputEntry> out;
  for (const std::string& arg : args) {
    if (arg == "-" || fs.Stat(arg).kind != FileKind::kDirectory) {
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
    std::vector<std::string> listed;
    std::vector<Status> errors;
    fs.ListFilesUnder(arg, &listed, &errors);
    std::vector<std::string> files;
    for (std::string& path : listed) {
      // The pattern is matched on the file name alone.
      const std::size_t slash = path.find_last_of('/');
      const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
      if (!options.glob.empty() && ::fnmatch(options.glob.c_str(), name.c_str(), 0) != 0) continue;
      files.push_back(std::move(path));
    }
    // Byte order of the whole path: the same on every file system.
    std::sort(files.begin(), files.end());
    std::sort(errors.begin(), errors.end(),
              [](const Status& a, const Status& b) { return a.source() < b.source(); });
    for (Status& e : errors) out.push_back(InputEntry{{}, std::move(e)});
    for (std::string& f : files) out.push_back(InputEntry{std::move(f), Status::Ok()});
  }
  return out;
}

std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& args,
                                     const WalkOptions& options) {
  return ExpandInputs(args, options, RealFileSystem());
}

}  // namespace pagewash::io
