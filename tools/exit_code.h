// The process's exit codes, and what a run's outcome (pipeline.h) gives.
// The library reports how a run ended (RunStatus); what that means to a
// shell is the command line's.
#ifndef PAGEWASH_TOOLS_EXIT_CODE_H_
#define PAGEWASH_TOOLS_EXIT_CODE_H_

#include "pagewash/pipeline.h"

namespace pagewash::cli {

/// Process exit codes, listed in every --help and in the README.
enum class ExitCode : int {
  kOk = 0,         ///< Every input went through.
  kDataError = 1,  ///< Some input could not be read or processed; the rest went through.
  kUsage = 2,      ///< Bad command line; nothing was processed.
};

/// The exit code of a run that ended with `status`.
constexpr ExitCode ExitCodeFor(RunStatus status) {
  switch (status) {
    case RunStatus::kOk:
      return ExitCode::kOk;
    case RunStatus::kDataError:
      return ExitCode::kDataError;
    case RunStatus::kUsage:
      return ExitCode::kUsage;
  }
  return ExitCode::kDataError;
}

}  // namespace pagewash::cli

#endif  // PAGEWASH_TOOLS_EXIT_CODE_H_
