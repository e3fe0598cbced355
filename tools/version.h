// The version line that `pagewash --version` and every command's --version
// print: the release, the JSON schema version and the git commit built.
#ifndef PAGEWASH_TOOLS_VERSION_H_
#define PAGEWASH_TOOLS_VERSION_H_

#include <string>

namespace pagewash::cli {

/// "pagewash 0.1.0 (schema 1.1, stream 1.2, commit 0123456789ab)": the
/// schema of what clean and emit write, that of the records between stages,
/// and "commit unknown" for a build from outside a git checkout. No newline.
std::string VersionLine();

}  // namespace pagewash::cli

#endif  // PAGEWASH_TOOLS_VERSION_H_
