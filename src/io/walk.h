// Turning the input arguments of a run into the list of inputs to read.
//
// An argument that names a directory is read as the files under it when
// the run is recursive (-r): every regular file at any depth whose name
// matches a glob pattern (fnmatch on the file name alone; default: every
// file), in byte order of their paths, so that two runs over the same tree
// read the same files in the same order. Symbolic links to directories
// met on the way are not followed (a link cycle, or a link out of the tree,
// would read files twice or from elsewhere); links to files are read. A
// directory named on the command line is walked even when it is a link.
//
// Other arguments (files, "-") are inputs as given, whatever the pattern.
#ifndef PAGEWASH_IO_WALK_H_
#define PAGEWASH_IO_WALK_H_

#include <string>
#include <vector>

#include "pagewash/file_system.h"
#include "pagewash/result.h"

namespace pagewash::io {

/// How directory arguments are read.
struct WalkOptions {
  bool recursive = false;  ///< Walk directory arguments; else each is an error.
  std::string glob;        ///< fnmatch pattern on file names; empty: every file.
};

/// One input of a run, or why an argument gives none.
struct InputEntry {
  std::string path;             ///< A file, or "-"; empty with an error.
  Status error = Status::Ok();  ///< Set when the argument cannot be read.
};

/// Expands `args` in order: a directory into its files (or an error entry
/// when `options.recursive` is false, or when a directory cannot be
/// listed), anything else unchanged. Directories are looked at and listed
/// through `fs` (FileSystem::Stat, FileSystem::ListFilesUnder).
std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& args, const WalkOptions& options,
                                     FileSystem& fs);

/// ExpandInputs on RealFileSystem().
std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& args, const WalkOptions& options);

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_WALK_H_
