#include "io/temp_files.h"

#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "pagewash/files.h"

namespace pagewash::io {
namespace {

// A fixed table, because the handler may not allocate or take locks. A run
// has at most a handful of copies live at once (the output, three state
// files, one --out-dir document).
struct Slot {
  std::atomic<bool> used{false};
  char path[PATH_MAX];
};
Slot slots[32];

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

sigset_t HandledSignals() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : kSignals) sigaddset(&set, sig);
  return set;
}

extern "C" void RemoveTempFilesAndDie(int sig) {
  for (Slot& slot : slots) {
    if (slot.used.load(std::memory_order_acquire)) ::unlink(slot.path);
  }
  // SA_RESETHAND restored the default action; the signal is delivered again
  // when the handler returns, so the process dies of it as it would have.
  ::raise(sig);
}

void Register(const std::string& path) {
  if (path.size() >= PATH_MAX) return;  // Cannot be created anyway.
  for (Slot& slot : slots) {
    if (slot.used.load(std::memory_order_relaxed)) continue;
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.used.store(true, std::memory_order_release);
    return;
  }
  // A full table only loses the cleanup on a signal: Output::Abort() still
  // removes the copy on every other path.
}

}  // namespace

SignalsHeld::SignalsHeld() {
  sigset_t set = HandledSignals();
  ::sigprocmask(SIG_BLOCK, &set, &saved_);
}

SignalsHeld::~SignalsHeld() { ::sigprocmask(SIG_SETMASK, &saved_, nullptr); }

int CreateTempFile(const std::string& target, std::string* temp_path) {
  SignalsHeld held;
  std::string path = target + ".tmp.XXXXXX";
  int fd = ::mkstemp(path.data());
  if (fd < 0) return -1;
  Register(path);
  *temp_path = std::move(path);
  return fd;
}

void ForgetTempFile(const std::string& temp_path) {
  SignalsHeld held;
  for (Slot& slot : slots) {
    if (slot.used.load(std::memory_order_relaxed) && temp_path == slot.path) {
      slot.used.store(false, std::memory_order_release);
      return;
    }
  }
}

void RemoveTempFile(const std::string& temp_path) {
  SignalsHeld held;
  ::unlink(temp_path.c_str());
  ForgetTempFile(temp_path);
}

void InstallTempFileCleanup() {
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = RemoveTempFilesAndDie;
  action.sa_flags = SA_RESETHAND;
  action.sa_mask = HandledSignals();  // One cleanup at a time.
  for (int sig : kSignals) {
    struct sigaction old;
    // A signal the parent set to be ignored (nohup) stays ignored.
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &action, nullptr);
  }
}

}  // namespace pagewash::io

namespace pagewash {

void InstallTempFileCleanup() { io::InstallTempFileCleanup(); }

}  // namespace pagewash
