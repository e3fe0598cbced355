// Language detection without a network: the script of a page's letters
// (ICU), then, within the Latin and Cyrillic scripts, which stop-word list
// (src/lang/stopwords.txt) its words hit most.
#ifndef PAGEWASH_LANGUAGE_H_
#define PAGEWASH_LANGUAGE_H_

#include <string_view>

#include "pagewash/document.h"

namespace pagewash {

/// The ISO 639-1 code of the document's main language ("pl", "uk", "ja"),
/// or "und" when there is too little text to tell. Reads about the first
/// 1.5 KiB of text (whole blocks). Deterministic.
std::string_view DetectLanguage(const Document& doc);

}  // namespace pagewash

#endif  // PAGEWASH_LANGUAGE_H_
