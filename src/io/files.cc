#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "io/output.h"
#include "pagewash/files.h"
#include "pagewash/state_lock.h"

namespace pagewash {
namespace {

// The whole of a small file (rules, profiles); `what` names it in errors.
Result<std::string> ReadSmallFile(FileSystem& fs, const std::string& path, std::string_view what) {
  std::string text;
  if (Status s = fs.ReadFile(path, what, &text, nullptr); !s.ok()) return s;
  return text;
}

// A state file that a first run does not have yet: *missing says so.
Result<std::string> ReadStateFile(FileSystem& fs, const std::string& path, std::string_view what, bool* missing) {
  std::string text;
  Status s = fs.ReadFile(path, what, &text, missing);
  if (*missing) return std::string();
  if (!s.ok()) return s;
  return text;
}

// Replaces `path` with `text` atomically (see io::Output).
Status WriteAtomically(FileSystem& fs, const std::string& path, std::string_view text) {
  io::Output out;
  if (Status s = out.Open(fs, path); !s.ok()) return s;
  if (Status s = out.Write(text); !s.ok()) return s;
  return out.Commit();
}

}  // namespace

Result<DropList> LoadDropList(const std::string& path) {
  Result<std::string> text = ReadSmallFile(RealFileSystem(), path, "drop list");
  if (!text.ok()) return text.status();
  return ParseDropList(text.value(), path);
}

Result<Ledger> LoadLedger(const std::string& path, IfMissing if_missing) {
  return LoadLedger(RealFileSystem(), path, if_missing);
}

Result<Ledger> LoadLedger(FileSystem& fs, const std::string& path, IfMissing if_missing) {
  if (if_missing == IfMissing::kError) {
    Result<std::string> text = ReadSmallFile(fs, path, "ledger");
    if (!text.ok()) return text.status();
    return Ledger::Parse(text.value(), path);
  }
  bool missing = false;
  Result<std::string> text = ReadStateFile(fs, path, "ledger", &missing);
  if (!text.ok()) return text.status();
  if (missing) return Ledger();  // A first run.
  return Ledger::Parse(text.value(), path);
}

Status SaveLedger(const Ledger& ledger, const std::string& path) {
  return WriteAtomically(RealFileSystem(), path, ledger.Serialize());
}

StateLock::~StateLock() {
  if (fd_ >= 0) ::close(fd_);  // Closing releases the lock.
}

Status StateLock::Acquire(const std::string& path, std::string_view what) {
  std::string lock_path = path + ".lock";
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd_ < 0) {
    return Status::IoError(fmt::format("cannot create the lock file {}: {}", lock_path, std::strerror(errno)))
        .At(path, 0);
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK) {
      return Status::IoError(fmt::format("the {} is in use by another pagewash run (locked)", what)).At(path, 0);
    }
    return Status::IoError(fmt::format("cannot lock the {}: {}", what, std::strerror(error))).At(path, 0);
  }
  return Status::Ok();
}

Result<Manifest> LoadManifest(const std::string& path) { return LoadManifest(RealFileSystem(), path); }

Result<Manifest> LoadManifest(FileSystem& fs, const std::string& path) {
  bool missing = false;
  Result<std::string> text = ReadStateFile(fs, path, "manifest", &missing);
  if (!text.ok()) return text.status();
  if (missing) return Manifest();  // A first run.
  return Manifest::Parse(text.value(), path);
}

Status SaveManifest(const Manifest& manifest, const std::string& path) {
  return WriteAtomically(RealFileSystem(), path, manifest.Serialize());
}

Result<SiteProfile> LoadProfile(const std::string& path) {
  Result<std::string> text = ReadSmallFile(RealFileSystem(), path, "profile");
  if (!text.ok()) return text.status();
  return SiteProfile::Parse(text.value(), path);
}

Status WriteFileAtomically(const std::string& path, std::string_view text) {
  return WriteAtomically(RealFileSystem(), path, text);
}

Status SaveProfile(const SiteProfile& profile, const std::string& path) {
  return WriteAtomically(RealFileSystem(), path, profile.Serialize());
}

Result<RuleSet> LoadRules(const std::vector<std::string>& paths) {
  RuleSet rules = RuleSet::Default();
  for (const std::string& path : paths) {
    Result<std::string> text = ReadSmallFile(RealFileSystem(), path, "rules");
    if (!text.ok()) return text.status();
    Result<RuleSet> merged = rules.Merge(text.value(), path);
    if (!merged.ok()) return merged.status();
    rules = std::move(merged.value());
  }
  return rules;
}

}  // namespace pagewash
