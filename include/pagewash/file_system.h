// The file system the driver (pipeline.h) reaches its files through: the
// inputs it reads, the output and the state files it replaces, the
// directories it walks and writes into.
//
// The driver names files but never interprets a name: what a name is (a
// regular file, a link, a FIFO, "-" for standard input or output) and how a
// file is replaced are the implementation's. RealFileSystem() is the
// operating system's (src/io/), with the promises of docs/guarantees.md:
// atomic replacement through a synced temporary copy, links and FIFOs
// written through, temporary copies removed on a signal. Tests give the
// driver one in memory (tests/support/memory_file_system.h), and so run it
// without temporary directories. This is ninja's DiskInterface
// (src/disk_interface.h) and its VirtualFileSystem (src/test.h).
//
// What cannot sensibly be held in memory stays below the interface: the
// locks on state files (state_lock.h) and decompression, which reads any
// stdio stream an implementation opens.
#ifndef PAGEWASH_FILE_SYSTEM_H_
#define PAGEWASH_FILE_SYSTEM_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pagewash/result.h"

namespace pagewash {

/// Closes an input stream; standard input is left open.
struct InputFileCloser {
  void operator()(std::FILE* file) const;
};

/// An input opened for reading: a stdio stream, so that every reader
/// (raw pages, JSON Lines, WARC, the decompressors) reads any
/// implementation's files alike. Closed with the object.
using InputFile = std::unique_ptr<std::FILE, InputFileCloser>;

/// A file being written, which replaces its target only when committed.
///
/// Several files are replaced as one step: Prepare() each (written in
/// full and made durable), then Commit() each; a failure before the first
/// Commit() leaves every target as it was. Destroying an uncommitted file
/// aborts it.
class OutputFile {
 public:
  virtual ~OutputFile() = default;
  /// Writes all of `data`. A failure names the file and says why.
  virtual Status Write(std::string_view data) = 0;
  /// Makes what was written durable, leaving only the replacement to
  /// Commit(). Calling it again does nothing.
  virtual Status Prepare() = 0;
  /// Prepare(), then replaces the target.
  virtual Status Commit() = 0;
  /// Drops what was written; the target is untouched (what was written
  /// through a FIFO or a device cannot be taken back).
  virtual void Abort() = 0;
  /// The last failure was EPIPE: the reader of standard output or of a FIFO
  /// went away.
  virtual bool broken_pipe() const = 0;
  /// The target is replaced by Commit() (not written through as it goes).
  virtual bool replaces() const = 0;
};

enum class FileKind { kMissing, kRegular, kDirectory, kOther };

/// What Stat tells of a file, through links.
struct FileInfo {
  FileKind kind = FileKind::kMissing;
  std::uint64_t size = 0;  ///< For kRegular.
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  /// Opens `path` for reading ("-" is standard input) into *file. A failure
  /// is an IoError naming `path`: "cannot open: No such file or directory".
  virtual Status OpenInput(const std::string& path, InputFile* file) = 0;

  /// Opens `path` for writing into *file ("" or "-" is standard output).
  /// A failure is an IoError naming `path` ("cannot create: ...").
  virtual Status CreateOutput(const std::string& path, std::unique_ptr<OutputFile>* file) = 0;

  /// The whole of `path` into *text. A failure is an IoError naming `path`
  /// and calling it `what` ("cannot open ledger: No such file or
  /// directory", "cannot read ledger: ..."); *missing is set when
  /// there is no such file.
  virtual Status ReadFile(const std::string& path, std::string_view what, std::string* text,
                          bool* missing) = 0;

  /// What `path` is, following links; kMissing when it cannot be told.
  virtual FileInfo Stat(const std::string& path) = 0;

  /// The regular files under the directory `dir`, at any depth, in no
  /// particular order, appended to *files: links to files are listed, links
  /// to directories are not followed. A directory that cannot be listed
  /// appends an error naming it to *errors.
  virtual void ListFilesUnder(const std::string& dir, std::vector<std::string>* files,
                              std::vector<Status>* errors) = 0;

  /// Creates the directory `path` and its parents; one that exists is fine.
  /// A failure names `path`: "cannot create the directory: ...".
  virtual Status CreateDirectories(const std::string& path) = 0;

  /// Removes the file `path`; false when there was none to remove.
  virtual bool Remove(const std::string& path) = 0;
};

/// The operating system's file system, with the promises of
/// docs/guarantees.md. One for the process; it keeps no state of its own.
FileSystem& RealFileSystem();

}  // namespace pagewash

#endif  // PAGEWASH_FILE_SYSTEM_H_
