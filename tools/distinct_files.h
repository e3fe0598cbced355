// The files a command line names, told apart: two options must not name
// one file (-o and --state, say), however each spells it.
#ifndef PAGEWASH_TOOLS_DISTINCT_FILES_H_
#define PAGEWASH_TOOLS_DISTINCT_FILES_H_

#include <span>
#include <string>
#include <string_view>

#include "pagewash/result.h"

namespace pagewash::cli {

/// A file named on the command line, for CheckDistinctFiles.
struct NamedFile {
  std::string_view option;  ///< How the command line named it: "-o", "--state".
  std::string path;
};

/// Refuses (InvalidArgument, naming both) two of `files` that are the same
/// file: compared by device and inode, or, for one that does not exist yet,
/// by the resolved path of its directory and its name, so that "out",
/// "./out" and a link to it are one file. Empty and "-" are skipped.
Status CheckDistinctFiles(std::span<const NamedFile> files);

}  // namespace pagewash::cli

#endif  // PAGEWASH_TOOLS_DISTINCT_FILES_H_
