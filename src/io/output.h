// Writing output: standard output, or a file replaced atomically.
//
// A file is written to a temporary name in the same directory and renamed
// over the target by Commit(), after fsync, so a reader never sees a
// half-written file and a failed or killed run leaves the old one in place.
#ifndef PAGEWASH_IO_OUTPUT_H_
#define PAGEWASH_IO_OUTPUT_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "pagewash/result.h"

namespace pagewash::io {

class Output {
 public:
  Output() = default;
  ~Output();  // Aborts an uncommitted file.
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  /// Opens `path` for writing; empty or "-" is standard output.
  Status Open(const std::string& path);
  /// Writes all of `data` (one document, in one call).
  Status Write(std::string_view data);
  /// Flushes; for a file, syncs it and renames it into place.
  Status Commit();
  /// Drops a file's temporary copy; the target is untouched.
  void Abort();
  /// The last failure was EPIPE on standard output: the reader went away.
  bool broken_pipe() const { return broken_pipe_; }

 private:
  std::FILE* file_ = nullptr;
  std::string path_;
  std::string temp_path_;
  bool broken_pipe_ = false;
};

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_OUTPUT_H_
