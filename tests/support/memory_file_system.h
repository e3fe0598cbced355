// A FileSystem (pagewash/file_system.h) held in memory, for tests of the
// driver: files are a map from name to bytes, standard input and output
// are strings, and any file can be made to fail where a disk would (its
// open, a write, the sync before its rename). Ninja's VirtualFileSystem
// (src/test.h) plays the same part.
//
// Directories are implied by the names of the files under them ("d/a.txt"
// makes "d" a directory); CreateDirectories adds empty ones. Names are
// compared as given: "./a" and "a" are two files.
#ifndef PAGEWASH_TESTS_SUPPORT_MEMORY_FILE_SYSTEM_H_
#define PAGEWASH_TESTS_SUPPORT_MEMORY_FILE_SYSTEM_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pagewash/file_system.h"

namespace pagewash::testing {

class MemoryFileSystem : public FileSystem {
 public:
  /// Where a file fails, as a disk or a pipe would.
  enum class Failure {
    kCreate,   ///< Opening it for writing: "cannot create: Permission denied".
    kWrite,    ///< Any write: "write failed: No space left on device".
    kPrepare,  ///< The sync before the rename: "write failed: No space left on device".
    kEpipe,    ///< Any write: its reader went away ("write failed: Broken pipe").
    kRead,     ///< Reading an input: the stream fails with EIO ("read failed: Input/output error").
  };

  /// Sets file `name` to `text` (a directory of its own is implied by a '/').
  void Add(const std::string& name, std::string_view text);
  /// Makes `name` ("-" for standard input or output) fail as `failure` says.
  void Fail(const std::string& name, Failure failure);
  /// As Fail, for kWrite or kEpipe, once `bytes` have been written: the
  /// write that would pass them writes what fits, then fails, as a disk
  /// that fills up in the middle of a document.
  void FailAfter(const std::string& name, Failure failure, std::size_t bytes);

  /// The file `name`, or "<missing>".
  std::string Get(const std::string& name) const;
  bool Has(const std::string& name) const { return files_.count(name) != 0; }
  /// Every file's name, sorted.
  std::vector<std::string> Names() const;

  std::string stdin_text;   ///< What "-" reads.
  std::string stdout_text;  ///< What standard output got.
  /// The files committed by a rename, in the order they were.
  std::vector<std::string> commits;
  /// The most bytes written by one call, to any file.
  std::size_t largest_write = 0;

  Status OpenInput(const std::string& path, InputFile* file) override;
  Status CreateOutput(const std::string& path, std::unique_ptr<OutputFile>* file) override;
  Status ReadFile(const std::string& path, std::string_view what, std::string* text,
                  bool* missing) override;
  FileInfo Stat(const std::string& path) override;
  void ListFilesUnder(const std::string& dir, std::vector<std::string>* files,
                      std::vector<Status>* errors) override;
  Status CreateDirectories(const std::string& path) override;
  bool Remove(const std::string& path) override;

 private:
  class File;
  bool IsDirectory(const std::string& path) const;

  std::map<std::string, std::string> files_;
  std::set<std::string> directories_;
  std::map<std::string, Failure> failures_;
  std::map<std::string, std::size_t> failure_offsets_;  // FailAfter; absent: 0.
};

}  // namespace pagewash::testing

#endif  // PAGEWASH_TESTS_SUPPORT_MEMORY_FILE_SYSTEM_H_
