// Writing output: standard output, or a file replaced atomically, through a
// FileSystem (pagewash/file_system.h), compressed as it is written.
//
// With the real file system, a regular file (or a name that does not exist
// yet) is written to a temporary name in the same directory and renamed
// over the target, after fsync, so a reader never sees a half-written file
// and a failed or killed run leaves the old one in place. A symbolic link to
// a regular file has its target replaced that way (the rename happens in the
// target's directory; the link stays). Anything else (a FIFO, a terminal,
// /dev/stdout, a link to one of them) cannot be replaced without breaking
// what it is, so it is opened and written through, as a shell redirection
// would (src/io/real_file_system.cc).
//
// A compressed output (gzip or zstd, io/compress.h) is compressed here, as
// it is written, into the file system's file, so it too is replaced whole.
//
// Writing several files as one step: Prepare() each (written and synced),
// then Commit() each. A failure before the first Commit() leaves every
// target as it was.
#ifndef PAGEWASH_IO_OUTPUT_H_
#define PAGEWASH_IO_OUTPUT_H_

#include <memory>
#include <string>
#include <string_view>

#include "io/compress.h"
#include "pagewash/file_system.h"
#include "pagewash/io_options.h"
#include "pagewash/result.h"

namespace pagewash::io {

class Output {
 public:
  Output() = default;
  ~Output();  // Aborts an uncommitted file.
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  /// Opens `path` of `fs` for writing; empty or "-" is standard output.
  /// What is written is compressed as `compression` says.
  Status Open(FileSystem& fs, const std::string& path,
              OutputCompression compression = OutputCompression::kNone);
  /// Open on RealFileSystem().
  Status Open(const std::string& path, OutputCompression compression = OutputCompression::kNone) {
    return Open(RealFileSystem(), path, compression);
  }
  /// Writes all of `data`: one document, or the next piece of a large one
  /// written as it is serialised (src/pipeline.cc, kStreamTextBytes).
  Status Write(std::string_view data);
  /// Ends a compressed stream, then flushes; for a file replaced atomically, syncs and closes its
  /// temporary copy, so that only the rename is left to Commit().
  Status Prepare();
  /// Prepare(), then, for a file replaced atomically, renames it into place.
  Status Commit();
  /// Drops a file's temporary copy; the target is untouched. (What was
  /// written through to a FIFO or a device cannot be taken back.)
  void Abort();
  /// The last failure was EPIPE: the reader of standard output or of a FIFO
  /// went away.
  bool broken_pipe() const { return file_ != nullptr && file_->broken_pipe(); }
  /// The file is replaced by a rename (not standard output, not written through).
  bool replaces() const { return file_ != nullptr && file_->replaces(); }

 private:
  Status CompressionFailed() const;

  std::unique_ptr<OutputFile> file_;        // Null until opened.
  std::string name_;                        // For messages: the path, or "<stdout>".
  std::unique_ptr<Compressor> compressor_;  // Null: written as is.
  std::string compressed_;                  // Scratch: one document compressed.
};

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_OUTPUT_H_
