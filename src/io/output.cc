#include "io/output.h"

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
#include <string_view>

#include "io/compress.h"
#include "io/temp_files.h"

namespace pagewash::io {

namespace {

// /dev/stdout, /dev/fd/N and /proc/self/fd/N name an open descriptor, not a
// file in a directory: even when it leads to a regular file (the shell's
// "> out" or ">> out"), that file must be written through the descriptor, or
// an append would become a replace.
bool NamesDescriptor(const std::string& path) {
  auto under = [](std::string_view p, std::string_view dir) { return p.substr(0, dir.size()) == dir; };
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

}  // namespace

Output::~Output() { Abort(); }

Status Output::Failed(std::string_view what, int error) {
  broken_pipe_ = error == EPIPE && !replaces();
  return Status::IoError(fmt::format("{}: {}", what, std::strerror(error)))
      .At(path_.empty() ? "<stdout>" : path_, 0);
}

Status Output::Open(const std::string& path, OutputCompression compression) {
  if (compression != OutputCompression::kNone) {
    compressor_ = Compressor::Create(compression);
    if (compressor_ == nullptr) {
      return Status::IoError("cannot set up compression: out of memory").At(path.empty() ? "<stdout>" : path, 0);
    }
  }
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
    int fd = named >= 0 ? ::fcntl(named, F_DUPFD_CLOEXEC, 0) : ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
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

Status Output::Write(std::string_view data) {
  if (compressor_ != nullptr) {
    compressed_.clear();
    if (!compressor_->Compress(data, &compressed_)) {
      return Status::IoError("compression failed").At(path_.empty() ? "<stdout>" : path_, 0);
    }
    data = compressed_;
    if (data.empty()) return Status::Ok();
  }
  if (std::fwrite(data.data(), 1, data.size(), file_) == data.size()) return Status::Ok();
  return Failed("write failed", errno);
}

Status Output::Prepare() {
  if (file_ == nullptr || prepared_) return Status::Ok();
  if (compressor_ != nullptr) {
    // The end of the stream (gzip's trailer, zstd's checksum), once.
    std::unique_ptr<Compressor> compressor = std::move(compressor_);
    compressed_.clear();
    if (!compressor->Finish(&compressed_)) {
      Status s = Status::IoError("compression failed").At(path_.empty() ? "<stdout>" : path_, 0);
      Abort();
      return s;
    }
    if (std::fwrite(compressed_.data(), 1, compressed_.size(), file_) != compressed_.size()) {
      Status s = Failed("write failed", errno);
      Abort();
      return s;
    }
  }
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

Status Output::Commit() {
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

void Output::Abort() {
  if (file_ != nullptr && owns_file_) std::fclose(file_);
  file_ = nullptr;
  if (temp_path_.empty()) return;
  RemoveTempFile(temp_path_);
  temp_path_.clear();
}

}  // namespace pagewash::io
