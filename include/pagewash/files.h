// Reading and writing pagewash's files: the state kept between runs (the
// dedup ledger, the change-feed manifest, a site profile), what a run is
// given (rules files, a drop list), and the clean-up of temporary files. The
// domain types (ledger.h, manifest.h, profile.h, rules.h, dedup.h) parse and
// serialise text; this is where text meets the file system (src/io/).
//
// Every state file is replaced atomically: a killed run leaves the old one.
// Lock one (StateLock, state_lock.h) before loading it, for the whole run.
#ifndef PAGEWASH_FILES_H_
#define PAGEWASH_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "pagewash/dedup.h"
#include "pagewash/file_system.h"
#include "pagewash/ledger.h"
#include "pagewash/manifest.h"
#include "pagewash/profile.h"
#include "pagewash/result.h"
#include "pagewash/rules.h"

namespace pagewash {

/// Whether a state file that does not exist is an empty one (a first run) or
/// an error (an input named on purpose, as by 'ledger merge').
enum class IfMissing { kEmpty, kError };

/// Reads a ledger file; a missing file is an empty ledger unless `if_missing`
/// says it is an error. Lock it first (StateLock in pagewash/state_lock.h).
Result<Ledger> LoadLedger(const std::string& path, IfMissing if_missing = IfMissing::kEmpty);

/// LoadLedger, reading `path` of `fs`.
Result<Ledger> LoadLedger(FileSystem& fs, const std::string& path, IfMissing if_missing = IfMissing::kEmpty);

/// Writes a ledger file atomically (a killed run leaves the previous one).
Status SaveLedger(const Ledger& ledger, const std::string& path);

/// Reads a manifest file; a missing file is an empty manifest (a first run).
Result<Manifest> LoadManifest(const std::string& path);

/// LoadManifest, reading `path` of `fs`.
Result<Manifest> LoadManifest(FileSystem& fs, const std::string& path);

/// Writes a manifest file atomically.
Status SaveManifest(const Manifest& manifest, const std::string& path);

/// Reads a profile file.
Result<SiteProfile> LoadProfile(const std::string& path);

/// Writes a profile file atomically: a killed run leaves the old one.
Status SaveProfile(const SiteProfile& profile, const std::string& path);

/// The default rules followed by the rule files at `paths`, in order.
/// Errors name the file and line.
Result<RuleSet> LoadRules(const std::vector<std::string>& paths);

/// Writes `text` to `path`, replaced atomically (a temporary copy in the same
/// directory, flushed, then renamed over it).
Status WriteFileAtomically(const std::string& path, std::string_view text);

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary copies of the files
/// a run is writing before the process dies of the signal, so the files
/// they would have replaced stay as they were. Call once, from main.
/// SIGKILL cannot be caught: the FILE.tmp.XXXXXX it leaves are never read
/// and can be deleted when no run is going.
void InstallTempFileCleanup();

/// Reads a drop list: lines "ID<TAB>POSITION", or the "FINGERPRINT<TAB>ID<TAB>
/// POSITION" lines of --fingerprints (the last two fields are used). Errors
/// name the file and line.
Result<DropList> LoadDropList(const std::string& path);

}  // namespace pagewash

#endif  // PAGEWASH_FILES_H_
