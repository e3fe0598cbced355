#include "io/output.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace pagewash::io {

Output::~Output() { Abort(); }

Status Output::Open(const std::string& path) {
  if (path.empty() || path == "-") {
    file_ = stdout;
    return Status::Ok();
  }
  path_ = path;
  temp_path_ = path + ".tmp.XXXXXX";
  int fd = ::mkstemp(temp_path_.data());
  if (fd < 0) {
    Status s = Status::IoError(fmt::format("cannot create: {}", std::strerror(errno))).At(path, 0);
    temp_path_.clear();
    return s;
  }
  // mkstemp makes the file 0600; give it the mode a plain create would.
  mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0) {
    // Not fatal: the output is still right, only its permissions differ.
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    Abort();
    return Status::IoError(fmt::format("cannot open: {}", std::strerror(errno))).At(path, 0);
  }
  return Status::Ok();
}

Status Output::Write(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), file_) == data.size()) return Status::Ok();
  broken_pipe_ = errno == EPIPE && temp_path_.empty();
  return Status::IoError(fmt::format("write failed: {}", std::strerror(errno)))
      .At(temp_path_.empty() ? "<stdout>" : path_, 0);
}

Status Output::Commit() {
  if (file_ == nullptr) return Status::Ok();
  if (temp_path_.empty()) {
    if (std::fflush(file_) != 0) {
      broken_pipe_ = errno == EPIPE;
      return Status::IoError(fmt::format("write failed: {}", std::strerror(errno))).At("<stdout>", 0);
    }
    return Status::Ok();
  }
  std::FILE* f = file_;
  file_ = nullptr;
  bool ok = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  int error = errno;
  ok = std::fclose(f) == 0 && ok;
  if (ok && std::rename(temp_path_.c_str(), path_.c_str()) == 0) {
    temp_path_.clear();
    return Status::Ok();
  }
  if (ok) error = errno;
  std::remove(temp_path_.c_str());
  temp_path_.clear();
  return Status::IoError(fmt::format("write failed: {}", std::strerror(error))).At(path_, 0);
}

void Output::Abort() {
  if (temp_path_.empty()) return;
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
  std::remove(temp_path_.c_str());
  temp_path_.clear();
}

}  // namespace pagewash::io
