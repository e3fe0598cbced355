// The checksum line every state file ends with (ledger, manifest, site
// profile): a fixed prefix, 16 hex digits of the XXH3 of every byte before
// the line, and a fixed suffix, so that each format can keep its own syntax
// (a plain line, a JSON line, a comment). A file cut anywhere, even at a line
// boundary, or with one byte changed, fails the check.
#ifndef PAGEWASH_TEXT_CHECKSUM_H_
#define PAGEWASH_TEXT_CHECKSUM_H_

#include <string>
#include <string_view>

namespace pagewash::text {

struct ChecksumLine {
  std::string_view prefix;  ///< E.g. "checksum ".
  std::string_view suffix;  ///< What follows the digits on the line, if anything.
};

/// Appends the checksum line of *text (which ends with a newline) to it.
void AppendChecksum(ChecksumLine form, std::string* text);

enum class ChecksumCheck { kOk, kMissing, kMismatch };

/// Checks that `text` ends with its checksum line; on kOk, *body is every
/// byte before that line. A '\r' before a line's '\n' is tolerated.
ChecksumCheck VerifyChecksum(std::string_view text, ChecksumLine form, std::string_view* body);

}  // namespace pagewash::text

#endif  // PAGEWASH_TEXT_CHECKSUM_H_
