#include "tests/support/memory_file_system.h"

#include <fmt/format.h>
#include <sys/types.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pagewash::testing {
namespace {

// A stdio stream over a copy of some bytes (fopencookie), seekable as a
// file is: the readers rewind after sniffing the first bytes, and tell
// their position for the progress meter.
struct Cookie {
  std::string data;
  std::size_t at = 0;
  bool fails = false;  // Every read fails, as a disk's would.
};

ssize_t CookieRead(void* c, char* buf, std::size_t size) {
  auto* cookie = static_cast<Cookie*>(c);
  if (cookie->fails) {
    errno = EIO;
    return -1;
  }
  const std::size_t n = std::min(size, cookie->data.size() - cookie->at);
  std::memcpy(buf, cookie->data.data() + cookie->at, n);
  cookie->at += n;
  return static_cast<ssize_t>(n);
}

int CookieSeek(void* c, off64_t* offset, int whence) {
  auto* cookie = static_cast<Cookie*>(c);
  off64_t base = whence == SEEK_SET   ? 0
                 : whence == SEEK_CUR ? static_cast<off64_t>(cookie->at)
                                      : static_cast<off64_t>(cookie->data.size());
  const off64_t to = base + *offset;
  if (to < 0 || to > static_cast<off64_t>(cookie->data.size())) return -1;
  cookie->at = static_cast<std::size_t>(to);
  *offset = to;
  return 0;
}

int CookieClose(void* c) {
  delete static_cast<Cookie*>(c);
  return 0;
}

std::FILE* OpenBytes(std::string_view bytes, bool fails) {
  auto* cookie = new Cookie{std::string(bytes), 0, fails};
  cookie_io_functions_t io{};
  io.read = CookieRead;
  io.seek = CookieSeek;
  io.close = CookieClose;
  std::FILE* f = ::fopencookie(cookie, "r", io);
  if (f == nullptr) delete cookie;
  return f;
}

Status Error(const std::string& path, std::string_view what, int error) {
  return Status::IoError(fmt::format("{}: {}", what, std::strerror(error)))
      .At(path.empty() ? "<stdout>" : path, 0);
}

}  // namespace

// A file being written: its bytes are kept apart until Commit() puts them
// in place (standard output is written through as it goes).
class MemoryFileSystem::File : public OutputFile {
 public:
  File(MemoryFileSystem& fs, std::string path, bool through, const Failure* failure, std::size_t fails_after)
      : fs_(fs), path_(std::move(path)), through_(through), failure_(failure), room_(fails_after) {}

  Status Write(std::string_view data) override {
    if (aborted_) return Error(path_, "write failed", EBADF);
    fs_.largest_write = std::max(fs_.largest_write, data.size());
    const bool fails = failure_ != nullptr && (*failure_ == Failure::kEpipe || *failure_ == Failure::kWrite);
    if (fails && (data.size() > room_ || room_ == 0)) {
      (through_ ? fs_.stdout_text : bytes_).append(data.substr(0, room_));
      room_ = 0;
      if (*failure_ == Failure::kEpipe) {
        broken_pipe_ = !replaces();
        return Error(path_, "write failed", EPIPE);
      }
      return Error(path_, "write failed", ENOSPC);
    }
    if (fails) room_ -= data.size();
    (through_ ? fs_.stdout_text : bytes_).append(data);
    return Status::Ok();
  }
  Status Prepare() override {
    if (prepared_ || aborted_) return Status::Ok();
    if (failure_ != nullptr && *failure_ == Failure::kPrepare) {
      Abort();
      return Error(path_, "write failed", ENOSPC);
    }
    prepared_ = true;
    return Status::Ok();
  }
  Status Commit() override {
    if (Status s = Prepare(); !s.ok()) return s;
    if (through_ || aborted_ || committed_) return Status::Ok();
    fs_.files_[path_] = std::move(bytes_);
    fs_.commits.push_back(path_);
    committed_ = true;
    return Status::Ok();
  }
  void Abort() override {
    if (!committed_) aborted_ = true;
    bytes_.clear();
  }
  bool broken_pipe() const override { return broken_pipe_; }
  bool replaces() const override { return !through_; }

 private:
  MemoryFileSystem& fs_;
  std::string path_;
  bool through_;            // Standard output.
  const Failure* failure_;  // Null: never fails.
  std::size_t room_;        // kWrite, kEpipe: bytes written before the failure.
  std::string bytes_;
  bool prepared_ = false;
  bool committed_ = false;
  bool aborted_ = false;
  bool broken_pipe_ = false;
};

void MemoryFileSystem::Add(const std::string& name, std::string_view text) {
  files_[name] = std::string(text);
}

void MemoryFileSystem::Fail(const std::string& name, Failure failure) {
  failures_[name] = failure;
  failure_offsets_.erase(name);
}

void MemoryFileSystem::FailAfter(const std::string& name, Failure failure, std::size_t bytes) {
  failures_[name] = failure;
  failure_offsets_[name] = bytes;
}

std::string MemoryFileSystem::Get(const std::string& name) const {
  auto it = files_.find(name);
  return it == files_.end() ? "<missing>" : it->second;
}

std::vector<std::string> MemoryFileSystem::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, text] : files_) names.push_back(name);
  return names;
}

bool MemoryFileSystem::IsDirectory(const std::string& path) const {
  if (directories_.count(path) != 0) return true;
  const std::string prefix = path + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

Status MemoryFileSystem::OpenInput(const std::string& path, InputFile* file) {
  std::FILE* f = nullptr;
  auto failure = failures_.find(path);
  const bool fails = failure != failures_.end() && failure->second == Failure::kRead;
  if (path == "-") {
    f = OpenBytes(stdin_text, fails);
  } else if (auto it = files_.find(path); it != files_.end()) {
    f = OpenBytes(it->second, fails);
  } else {
    return Error(path, "cannot open", IsDirectory(path) ? EISDIR : ENOENT);
  }
  if (f == nullptr) return Error(path, "cannot open", ENOMEM);
  file->reset(f);
  return Status::Ok();
}

Status MemoryFileSystem::CreateOutput(const std::string& path, std::unique_ptr<OutputFile>* file) {
  const bool out = path.empty() || path == "-";
  const std::string name = out ? "-" : path;
  auto failure = failures_.find(name);
  const Failure* fails = failure == failures_.end() ? nullptr : &failure->second;
  auto offset = failure_offsets_.find(name);
  *file = std::make_unique<File>(*this, out ? "" : path, out, fails,
                                 offset == failure_offsets_.end() ? 0 : offset->second);
  if (fails != nullptr && *fails == Failure::kCreate) return Error(path, "cannot create", EACCES);
  if (!out && IsDirectory(path)) return Error(path, "cannot write", EISDIR);
  const std::size_t slash = path.find_last_of('/');
  if (!out && slash != std::string::npos && !IsDirectory(path.substr(0, slash))) {
    return Error(path, "cannot create", ENOENT);
  }
  return Status::Ok();
}

Status MemoryFileSystem::ReadFile(const std::string& path, std::string_view what, std::string* text,
                                  bool* missing) {
  auto it = files_.find(path);
  if (missing != nullptr) *missing = it == files_.end();
  if (it == files_.end()) {
    return Status::IoError(fmt::format("cannot open {}: {}", what, std::strerror(ENOENT)))
        .At(path, 0);
  }
  *text = it->second;
  return Status::Ok();
}

FileInfo MemoryFileSystem::Stat(const std::string& path) {
  if (auto it = files_.find(path); it != files_.end()) {
    return FileInfo{FileKind::kRegular, it->second.size()};
  }
  return IsDirectory(path) ? FileInfo{FileKind::kDirectory, 0} : FileInfo{};
}

void MemoryFileSystem::ListFilesUnder(const std::string& dir, std::vector<std::string>* files,
                                      std::vector<Status>*) {
  const std::string prefix = dir + "/";
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    files->push_back(it->first);
  }
}

Status MemoryFileSystem::CreateDirectories(const std::string& path) {
  if (files_.count(path) != 0) return Error(path, "cannot create the directory", EEXIST);
  for (std::size_t at = path.find('/', 1); at != std::string::npos; at = path.find('/', at + 1)) {
    directories_.insert(path.substr(0, at));
  }
  directories_.insert(path);
  return Status::Ok();
}

bool MemoryFileSystem::Remove(const std::string& path) { return files_.erase(path) != 0; }

}  // namespace pagewash::testing
