// Language identification without a network, run by `segment`: CLD2 (the
// Compact Language Detector 2, about 80 languages, its tables compiled into
// libcld2) on a bounded sample of the document's text, with the script of
// the letters (ICU) and the stop-word profiles of src/lang/stopwords.txt as
// the fallback when CLD2 is unsure.
#ifndef PAGEWASH_LANGUAGE_H_
#define PAGEWASH_LANGUAGE_H_

#include <string_view>

#include "pagewash/document.h"

namespace pagewash {

/// What DetectLanguage found.
struct LanguageGuess {
  /// The language's ISO 639-1 code ("pl", "uk", "zh", "he"); for the few
  /// languages without one, the ISO 639-2/3 code CLD2 gives ("haw", "ceb"),
  /// which is what BCP 47 uses as the primary subtag. "und" when there is
  /// too little text to tell. Points to static storage.
  std::string_view code = "und";
  /// In [0, 1]: the share of the sample's text that CLD2 attributes to
  /// `code` (CLD2's percent3 for that language, a whole percent, divided by
  /// 100). 0 for "und", and when CLD2 did not find the language (the
  /// fallback decided).
  double score = 0;
};

/// The main language of the document. The sample is the text of its
/// paragraphs, list items and unsegmented lines, then of its headings, up to
/// 4 KiB (cut at a character boundary; the blocks past it are not read).
/// Fewer than 20 letters give "und".
/// CLD2 first reads a probe: 4 slices of 128 bytes spread evenly over the
/// sample. When it calls that reliable and gives the top language at least
/// 90%, that is the answer, with the probe's score; otherwise CLD2 reads the
/// whole sample, whose majority language wins. Where CLD2 is still unsure,
/// the script of the letters (Greek, Hebrew, Thai, ...) or, for Latin and
/// Cyrillic text, the stop-word profile hit most (at least 3 hits) decides;
/// failing that, CLD2's best effort; else "und". Deterministic. Reuses its
/// buffers, one set per thread: no allocation once they have grown.
LanguageGuess DetectLanguage(const Document& doc);

/// Sets metadata.language to DetectLanguage's code and metadata.language_score
/// to its score (a JSON number with at most two decimals, as written).
void AddLanguageMetadata(Document* doc);

}  // namespace pagewash

#endif  // PAGEWASH_LANGUAGE_H_
