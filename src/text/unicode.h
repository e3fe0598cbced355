// ICU wrappers for pagewash. Everything here works on UTF-8 directly (no
// UnicodeString round trips) and checks for ASCII first; no ICU type leaks
// out of this header.
#ifndef PAGEWASH_TEXT_UNICODE_H_
#define PAGEWASH_TEXT_UNICODE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "pagewash/result.h"

namespace pagewash::text {

/// True when every byte is < 0x80.
bool IsAscii(std::string_view s);

/// Replaces *s by its NFC form (a no-op when IsNfkc(*s, false)). ICU does
/// not fail on any UTF-8, valid or not, but it can run out of memory, and it
/// takes at most 2 GiB - 1 bytes; then *s is left as it was and the error
/// (InvalidInput) says which: "ICU could not put it in NFC
/// (U_MEMORY_ALLOCATION_ERROR)", or "it is longer than ICU takes (2 GiB)".
Status NormalizeNfc(std::string* s, std::string* scratch);

/// Appends the NFKC_Casefold form of `s` to *out: compatibility forms folded,
/// case folded, default-ignorable characters (zero-width, soft hyphen)
/// removed. Used for comparison keys, never for output text. When ICU
/// fails (as NormalizeNfc), appends `s` unchanged and returns the error.
Status AppendNfkcCasefold(std::string_view s, std::string* out);

/// Character classes used by the reader and the tokenizer.
bool IsUnicodeSpace(std::uint32_t c);  ///< Zs, tab, VT, FF, NEL.
bool IsRemovedInvisible(std::uint32_t c);  ///< ZWSP, word joiner, BOM, soft hyphen.
bool IsWordChar(std::uint32_t c);      ///< Letter, digit or combining mark.
bool IsUpper(std::uint32_t c);         ///< Uppercase or titlecase letter.
bool IsLower(std::uint32_t c);
bool IsLetter(std::uint32_t c);
std::uint32_t FoldCase(std::uint32_t c);  ///< Simple case folding.

/// Decodes the code point at s[*i] and advances *i. Returns 0xFFFD for an
/// invalid sequence (callers that need validity use DecodeUtf8).
std::uint32_t NextCodePoint(std::string_view s, std::size_t* i);
/// As NextCodePoint, and sets *valid to whether the sequence was valid UTF-8.
std::uint32_t DecodeUtf8(std::string_view s, std::size_t* i, bool* valid);
/// Decodes the code point that ends at s[*i - 1] and moves *i back over it.
std::uint32_t PreviousCodePoint(std::string_view s, std::size_t* i);
/// Appends c encoded as UTF-8.
void AppendUtf8(std::uint32_t c, std::string* out);
/// Writes c encoded as UTF-8 at `out` (room for 4 bytes) and returns the end.
char* AppendUtf8(std::uint32_t c, char* out);
/// Default-ignorable code points (ZWJ, ZWNJ, soft hyphen, BOM, bidi marks):
/// invisible, so words are compared as if they were not there.
bool IsIgnorable(std::uint32_t c);
/// True if `s` is already in NFKC (`compatibility`) or NFC. Text made only of
/// characters that are stable under the form and never combine (ASCII,
/// most Latin and Cyrillic letters, common punctuation) is answered without
/// ICU; anything else gets ICU's check.
bool IsNfkc(std::string_view s, bool compatibility);

}  // namespace pagewash::text

#endif  // PAGEWASH_TEXT_UNICODE_H_
