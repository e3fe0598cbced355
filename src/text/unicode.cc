#include "text/unicode.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>

namespace pagewash::text {
namespace {

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_FAILURE(status) ? nullptr : n;
  }();
  return nfc;
}

const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* inst = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_FAILURE(status) ? nullptr : inst;
  }();
  return n;
}

std::int32_t Length32(std::string_view s) { return static_cast<std::int32_t>(s.size()); }

// ICU takes lengths as int32_t: a longer string would reach it as a negative
// length. Inputs are capped at 1 GiB, so only text that grew past its input
// (each invalid byte becomes three) gets there.
bool FitsIcu(std::string_view s) { return s.size() <= static_cast<std::size_t>(INT32_MAX); }

Status TooLongForIcu() { return Status::InvalidInput("it is longer than ICU takes (2 GiB)"); }

Status IcuFailed(std::string_view what, UErrorCode status) {
  return Status::InvalidInput(std::string("ICU could not ") + std::string(what) + " (" + u_errorName(status) + ")");
}

}  // namespace

bool IsAscii(std::string_view s) {
  // Eight bytes at a time: the common case for Latin-script pages.
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

Status NormalizeNfc(std::string* s, std::string* scratch) {
  if (IsNfkc(*s, /*compatibility=*/false)) return Status::Ok();
  if (!FitsIcu(*s)) return TooLongForIcu();
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return IcuFailed("load its NFC data", U_MISSING_RESOURCE_ERROR);
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(s->data(), Length32(*s));
  scratch->clear();
  icu::StringByteSink<std::string> sink(scratch);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return IcuFailed("put it in NFC", status);
  s->swap(*scratch);
  return Status::Ok();
}

Status AppendNfkcCasefold(std::string_view s, std::string* out) {
  if (!FitsIcu(s)) {
    out->append(s);
    return TooLongForIcu();
  }
  const icu::Normalizer2* n = NfkcCasefold();
  UErrorCode status = n == nullptr ? U_MISSING_RESOURCE_ERROR : U_ZERO_ERROR;
  if (n != nullptr) {
    std::size_t before = out->size();
    icu::StringByteSink<std::string> sink(out);
    n->normalizeUTF8(0, icu::StringPiece(s.data(), Length32(s)), sink, nullptr, status);
    if (U_SUCCESS(status)) return Status::Ok();
    out->resize(before);
  }
  out->append(s);
  return IcuFailed("case-fold it", status);
}

bool IsUnicodeSpace(std::uint32_t c) {
  // The White_Space separators (Zs) and the ASCII/C1 spacing controls; a
  // fixed list, so no property lookup per character.
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\v' || c == '\f';
  if (c < 0x1680) return c == 0x85 || c == 0xA0;
  return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsRemovedInvisible(std::uint32_t c) {
  return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x180E;
}

bool IsWordChar(std::uint32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if ((c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) || (c >= 0x400 && c <= 0x45F)) return true;
  std::uint32_t mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0;
}

bool IsUpper(std::uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  std::int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_UPPERCASE_LETTER || t == U_TITLECASE_LETTER;
}

bool IsLower(std::uint32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_charType(static_cast<UChar32>(c)) == U_LOWERCASE_LETTER;
}

bool IsLetter(std::uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c)) != 0;
}

std::uint32_t FoldCase(std::uint32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  // Latin-1 and basic Cyrillic, the bulk of European text, inline.
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0xDF && c <= 0xFF) return c;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x430 && c <= 0x45F) return c;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return static_cast<std::uint32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

// ICU's UTF-8 macros trip -Wconversion and -Wold-style-cast inside their
// expansion; the code here is ICU's, so the warnings are silenced for it alone.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wuseless-cast"

std::uint32_t DecodeUtf8(std::string_view s, std::size_t* i, bool* valid) {
  unsigned char b = static_cast<unsigned char>(s[*i]);
  if (b < 0x80) {
    ++*i;
    *valid = true;
    return b;
  }
  // Pages are capped at 1 GiB, well inside ICU's int32_t offsets.
  std::int32_t pos = static_cast<std::int32_t>(*i);
  UChar32 c;
  U8_NEXT(s.data(), pos, Length32(s), c);
  *i = static_cast<std::size_t>(pos);
  *valid = c >= 0;
  return c < 0 ? 0xFFFD : static_cast<std::uint32_t>(c);
}

std::uint32_t NextCodePoint(std::string_view s, std::size_t* i) {
  bool valid;
  return DecodeUtf8(s, i, &valid);
}

std::uint32_t PreviousCodePoint(std::string_view s, std::size_t* i) {
  unsigned char b = static_cast<unsigned char>(s[*i - 1]);
  if (b < 0x80) {
    --*i;
    return b;
  }
  std::int32_t pos = static_cast<std::int32_t>(*i);
  UChar32 c;
  U8_PREV(s.data(), 0, pos, c);
  *i = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<std::uint32_t>(c);
}

void AppendUtf8(std::uint32_t c, std::string* out) {
  char buf[4];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, static_cast<UChar32>(c), error);
  if (error) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(buf, static_cast<std::size_t>(len));
}

char* AppendUtf8(std::uint32_t c, char* out) {
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(out), len, 4, static_cast<UChar32>(c), error);
  if (error) {
    std::memcpy(out, "\xEF\xBF\xBD", 3);
    return out + 3;
  }
  return out + len;
}

#pragma GCC diagnostic pop

bool IsIgnorable(std::uint32_t c) {
  if (c < 0xAD || (c > 0xAD && c < 0x34F) || (c >= 0x400 && c < 0x115F)) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

namespace {

// Code points that every normalisation form leaves alone and that no later
// combining mark can attach to differently: checked before asking ICU.
bool StableUnderNfc(std::uint32_t c) {
  return c < 0x300 || (c >= 0x400 && c <= 0x482) || (c >= 0x2010 && c <= 0x2027) ||
         (c >= 0x2030 && c <= 0x205E);
}

bool StableUnderNfkc(std::uint32_t c) {
  if (c < 0xA0) return true;
  if (c >= 0xC0 && c <= 0x17E) {
    return c != 0x132 && c != 0x133 && c != 0x13F && c != 0x140 && c != 0x149;
  }
  return (c >= 0x400 && c <= 0x482) || c == 0x2013 || c == 0x2014 || c == 0x2018 || c == 0x2019 ||
         c == 0x201A || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2022;
}

}  // namespace

bool IsNfkc(std::string_view s, bool compatibility) {
  bool stable = true;
  const std::size_t size = s.size();
  for (std::size_t i = 0; i < size && stable;) {
    // ASCII is stable under both forms: most text is, and is passed over
    // eight bytes at a time rather than decoded.
    while (i + 8 <= size) {
      std::uint64_t eight;
      std::memcpy(&eight, s.data() + i, 8);
      if ((eight & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i == size) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::uint32_t c = NextCodePoint(s, &i);
    stable = compatibility ? StableUnderNfkc(c) : StableUnderNfc(c);
  }
  if (stable) return true;
  if (!FitsIcu(s)) return false;  // Not known to be: the caller's ICU call says why.
  if (!compatibility) {
    const icu::Normalizer2* nfc = Nfc();
    UErrorCode status = U_ZERO_ERROR;
    bool normalized = nfc != nullptr && nfc->isNormalizedUTF8(icu::StringPiece(s.data(), Length32(s)), status);
    return U_SUCCESS(status) && normalized;
  }
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_FAILURE(status) ? nullptr : n;
  }();
  if (nfkc == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  bool normalized = nfkc->isNormalizedUTF8(icu::StringPiece(s.data(), Length32(s)), status);
  return U_SUCCESS(status) && normalized;
}

}  // namespace pagewash::text
