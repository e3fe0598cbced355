// The operating system's FileSystem (pagewash/file_system.h): stdio for
// inputs, atomic replacement for outputs (the promises of
// docs/guarantees.md), std::filesystem for directories.
#include <fcntl.h>
#include <fmt/format.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "io/temp_files.h"
#include "pagewash/file_system.h"

namespace pagewash {

void InputFileCloser::operator()(std::FILE* file) const {
  if (file != nullptr && file != stdin) std::fclose(file);
}

namespace io {
namespace {

namespace fs = std::filesystem;

// /dev/stdout, /dev/fd/N and /proc/self/fd/N name an open descriptor, not a
// file in a directory: even when it leads to a regular file (the shell's
// "> out" or ">> out"), that file must be written through the descriptor, or
// an append would become a replace.
bool NamesDescriptor(const std::string& path) {
  auto under = [](std::string_view p, std::string_view dir) {
    return p.substr(0, dir.size()) == dir;
  };
  if (under(path, "/dev/") || under(path, "/proc/")) return true;
  char link[PATH_MAX];
  ssize_t n = ::readlink(path.c_str(), link, sizeof link);
  return n > 0 && under(std::string_view(link, static_cast<std::size_t>(n)), "/proc/");
}

// The descriptor /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N
// names, or -1. Such a path is written through a dup() of it rather than
// opened again: a new open would start at offset 0 without O_APPEND, and
// overwrite what the shell's ">>" meant to append to.
int DescriptorOf(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string_view digits = std::string_view(path).substr(prefix.size());
    int fd = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
    if (ec == std::errc() && p == digits.data() + digits.size() && !digits.empty()) return fd;
  }
  return -1;
}

// Standard output, or a file: a regular file (or a name that does not exist
// yet) is written to a temporary name in the same directory and renamed
// over the target after fsync; a link to a regular file has its target
// replaced that way; anything else is written through (io/output.h).
class RealOutputFile : public OutputFile {
 public:
  ~RealOutputFile() override { Abort(); }

  Status Open(const std::string& path);
  Status Write(std::string_view data) override;
  Status Prepare() override;
  Status Commit() override;
  void Abort() override;
  bool broken_pipe() const override { return broken_pipe_; }
  bool replaces() const override { return !temp_path_.empty(); }

 private:
  Status Failed(std::string_view what, int error);

  std::FILE* file_ = nullptr;
  bool owns_file_ = false;  // Not stdout: closed by Prepare().
  std::string path_;        // As given, for messages.
  std::string target_;      // What the rename replaces (a link's target).
  std::string temp_path_;   // Empty unless the file is replaced by a rename.
  bool prepared_ = false;
  bool broken_pipe_ = false;
};

Status RealOutputFile::Failed(std::string_view what, int error) {
  broken_pipe_ = error == EPIPE && !replaces();
  return Status::IoError(fmt::format("{}: {}", what, std::strerror(error)))
      .At(path_.empty() ? "<stdout>" : path_, 0);
}

Status RealOutputFile::Open(const std::string& path) {
  if (path.empty() || path == "-") {
    file_ = stdout;
    return Status::Ok();
  }
  path_ = path;
  target_ = path;
  struct stat st;
  bool through = NamesDescriptor(path);
  if (!through && ::lstat(path.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) {
      // Replace what the link points to, in its own directory, so the link
      // (and the file system the target lives on) stay as they are.
      char resolved[PATH_MAX];
      if (::realpath(path.c_str(), resolved) != nullptr && ::stat(resolved, &st) == 0) {
        target_ = resolved;
        through = !S_ISREG(st.st_mode);
      } else {
        through = true;  // A dangling link: opening it creates its target.
      }
    } else {
      through = !S_ISREG(st.st_mode);
    }
    if (S_ISDIR(st.st_mode)) return Failed("cannot write", EISDIR);
  }
  if (through) {
    // No O_TRUNC: a device or FIFO has nothing to truncate, and /dev/stdout
    // redirected to a file was already truncated by the shell.
    int named = DescriptorOf(path);
    int fd = named >= 0 ? ::fcntl(named, F_DUPFD_CLOEXEC, 0)
                        : ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) return Failed("cannot open", errno);
    file_ = ::fdopen(fd, "wb");
    if (file_ == nullptr) {
      int error = errno;
      ::close(fd);
      return Failed("cannot open", error);
    }
    owns_file_ = true;
    return Status::Ok();
  }
  int fd = CreateTempFile(target_, &temp_path_);
  if (fd < 0) return Failed("cannot create", errno);
  // mkstemp makes the file 0600; give it the mode of the file it replaces,
  // or the one a plain create would.
  mode_t mode = 0;
  if (::stat(target_.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) {
    // Not fatal: the output is still right, only its permissions differ.
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    int error = errno;
    ::close(fd);
    Abort();
    return Failed("cannot open", error);
  }
  owns_file_ = true;
  return Status::Ok();
}

Status RealOutputFile::Write(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), file_) == data.size()) return Status::Ok();
  return Failed("write failed", errno);
}

Status RealOutputFile::Prepare() {
  if (file_ == nullptr || prepared_) return Status::Ok();
  if (!owns_file_) {
    if (std::fflush(file_) != 0) return Failed("write failed", errno);
    prepared_ = true;
    return Status::Ok();
  }
  std::FILE* f = file_;
  file_ = nullptr;
  int error = 0;
  if (std::fflush(f) != 0) {
    error = errno;
  } else if (replaces() && ::fsync(::fileno(f)) != 0) {
    error = errno;
  }
  // fclose sets errno only when it fails: read it after the call, not before.
  if (std::fclose(f) != 0 && error == 0) error = errno;
  if (error != 0) {
    Status s = Failed("write failed", error);
    Abort();
    return s;
  }
  prepared_ = true;
  return Status::Ok();
}

Status RealOutputFile::Commit() {
  if (Status s = Prepare(); !s.ok()) return s;
  if (!replaces()) return Status::Ok();
  if (std::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    int error = errno;
    Abort();
    return Failed("write failed", error);
  }
  ForgetTempFile(temp_path_);
  temp_path_.clear();
  return Status::Ok();
}

void RealOutputFile::Abort() {
  if (file_ != nullptr && owns_file_) std::fclose(file_);
  file_ = nullptr;
  if (temp_path_.empty()) return;
  RemoveTempFile(temp_path_);
  temp_path_.clear();
}

class Real : public FileSystem {
 public:
  Status OpenInput(const std::string& path, InputFile* file) override {
    if (path == "-") {
      file->reset(stdin);
      return Status::Ok();
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      return Status::IoError(fmt::format("cannot open: {}", std::strerror(errno))).At(path, 0);
    }
    file->reset(f);
    return Status::Ok();
  }

  Status CreateOutput(const std::string& path, std::unique_ptr<OutputFile>* file) override {
    auto out = std::make_unique<RealOutputFile>();
    Status s = out->Open(path);
    *file = std::move(out);
    return s;
  }

  Status ReadFile(const std::string& path, std::string_view what, std::string* text,
                  bool* missing) override {
    text->clear();
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      const int error = errno;
      if (missing != nullptr) *missing = error == ENOENT;
      return Status::IoError(fmt::format("cannot open {}: {}", what, std::strerror(error)))
          .At(path, 0);
    }
    if (missing != nullptr) *missing = false;
    char chunk[1 << 14];
    std::size_t got;
    while ((got = std::fread(chunk, 1, sizeof chunk, f)) > 0) text->append(chunk, got);
    int error = errno;
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) {
      return Status::IoError(fmt::format("cannot read {}: {}", what, std::strerror(error)))
          .At(path, 0);
    }
    return Status::Ok();
  }

  FileInfo Stat(const std::string& path) override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return FileInfo{};
    if (S_ISREG(st.st_mode)) {
      return FileInfo{FileKind::kRegular, static_cast<std::uint64_t>(st.st_size)};
    }
    return FileInfo{S_ISDIR(st.st_mode) ? FileKind::kDirectory : FileKind::kOther, 0};
  }

  // Iterative: a deep tree does not grow the call stack.
  void ListFilesUnder(const std::string& root, std::vector<std::string>* files,
                      std::vector<Status>* errors) override {
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
        files->push_back(entry.path().string());
      }
      if (ec) {
        errors->push_back(
            Status::IoError(fmt::format("cannot read the directory: {}", ec.message()))
                .At(dir.string(), 0));
      }
    }
  }

  Status CreateDirectories(const std::string& path) override {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) {
      return Status::IoError(fmt::format("cannot create the directory: {}", ec.message()))
          .At(path, 0);
    }
    return Status::Ok();
  }

  bool Remove(const std::string& path) override {
    std::error_code ec;
    return fs::remove(path, ec);
  }
};

}  // namespace
}  // namespace io

FileSystem& RealFileSystem() {
  static io::Real real;
  return real;
}

}  // namespace pagewash
