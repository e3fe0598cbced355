// The temporary files of a run in progress, so that a signal can remove them.
//
// Every file pagewash replaces (an -o output, a ledger, a manifest, a site
// profile, a document under --out-dir) is written to FILE.tmp.XXXXXX next to
// it and renamed over it at the end. A run stopped by SIGINT, SIGTERM or
// SIGHUP must not leave those copies behind: the handler installed by
// InstallTempFileCleanup() unlinks every registered one (unlink is
// async-signal-safe) and re-raises the signal, so the process still dies of
// it and the files it was about to replace stay as they were.
//
// SIGKILL cannot be caught: a run killed that way leaves its FILE.tmp.XXXXXX
// copies. pagewash never reads them; they can be deleted at any time when no
// run is writing.
#ifndef PAGEWASH_IO_TEMP_FILES_H_
#define PAGEWASH_IO_TEMP_FILES_H_

#include <signal.h>

#include <string>

namespace pagewash::io {

/// Creates `target`.tmp.XXXXXX (mkstemp) and registers it for removal on a
/// signal; on success sets *temp_path and returns the open descriptor, on
/// failure returns -1 with errno set. Signals are held while the file is
/// created and registered, so no copy escapes the registry.
int CreateTempFile(const std::string& target, std::string* temp_path);

/// Forgets `temp_path` after it was renamed into place.
void ForgetTempFile(const std::string& temp_path);

/// Unlinks `temp_path` and forgets it.
void RemoveTempFile(const std::string& temp_path);

/// Installs the SIGINT, SIGTERM and SIGHUP handler that removes registered
/// temporary files. Idempotent.
void InstallTempFileCleanup();

/// Holds SIGINT, SIGTERM and SIGHUP for its lifetime: a run renames all its
/// files under one of these, so a signal arriving then takes effect after
/// every file was replaced, never between two of them.
class SignalsHeld {
 public:
  SignalsHeld();
  ~SignalsHeld();
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t saved_;
};

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_TEMP_FILES_H_
