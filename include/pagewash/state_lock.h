// The lock every state file is written under (a dedup ledger, a change-feed
// manifest, a site profile written by --learn), so that two runs never read
// the same old version and then both write: the second would lose the
// first's entries.
//
// The lock is an flock(2) on FILE.lock, taken without waiting for the whole
// run, from before the file is read until after it is replaced. The .lock
// file stays between runs (removing it while a run holds it would let a
// second run lock a new one); it is empty and may be deleted when no run is
// going.
#ifndef PAGEWASH_STATE_LOCK_H_
#define PAGEWASH_STATE_LOCK_H_

#include <string>
#include <string_view>

#include "pagewash/result.h"

namespace pagewash {

/// An exclusive lock on PATH.lock for the life of the object.
class StateLock {
 public:
  StateLock() = default;
  ~StateLock();
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;
  /// Takes the lock on the state file `path` without waiting; fails, naming
  /// `path` and calling it `what` ("ledger", "manifest", "profile"), if
  /// another run holds it.
  Status Acquire(const std::string& path, std::string_view what);

 private:
  int fd_ = -1;
};

}  // namespace pagewash

#endif  // PAGEWASH_STATE_LOCK_H_
