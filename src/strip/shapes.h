// Line shapes: what a line of boilerplate looks like when no phrase says so.
//
// strip's built-in rule types (code, linkbar, sender, breadcrumb, byline,
// dateline, address) ask these detectors about a line's form: a JSON blob,
// a bar of links, a postal code, a name. Each looks at one line's bytes and
// nothing else, so each can be tested on its own; the matcher
// (strip/matcher.h) decides which rule asks which detector.
#ifndef PAGEWASH_STRIP_SHAPES_H_
#define PAGEWASH_STRIP_SHAPES_H_

#include <cstdint>
#include <string_view>

namespace pagewash::internal {

/// True if `s` is one or more ASCII digits.
bool AllDigits(std::string_view s);

/// A person's name: one to six words, each capitalised or a short particle
/// ("van", "de") after the first, no digits, no sentence punctuation but a
/// final initial ("J."). At most 80 bytes.
bool LooksLikeName(std::string_view name);

/// `s` without the separators a byline or dateline puts around a value:
/// leading spaces, ':', '-', '|', ',', '–', '—', '·', '•', and trailing
/// spaces, ',' and '|'. Returns a view into `s`.
std::string_view TrimSeparators(std::string_view s);

/// A whole line of valid JSON: an object or an array.
bool LooksLikeJson(std::string_view s);

/// JavaScript or CSS that leaked into the text: a line dense in code
/// punctuation with code keywords, a call statement `name(args);`, or a CSS
/// rule `selector{property:value;...}`.
bool LooksLikeScriptOrStyle(std::string_view s);

/// "Privacy | Accessibility | Contact": three or more short segments between
/// one kind of separator (" | ", " · ", " • ", " ▪ ", " / "), none a sentence.
bool LooksLikeLinkBar(std::string_view s);

/// "Home > News > Politics" without a home word: two or more of one of the
/// separators " > ", " › ", " » ", " → ", " / " (a menu uses none of them),
/// in a line that is no equation (" = ").
bool LooksLikeTrail(std::string_view s);

/// A postal code somewhere in `s`: 12345, 00-902, 8000 AA, HX7 8AA.
bool HasPostalCode(std::string_view s);

/// A mail header's sender: "Marta Kowalczyk marta.k at example.org" or
/// "Jan Nowak <jan@example.pl>". Returns the name (a view into `s`), or
/// empty when the line is not a name and an address.
std::string_view SenderName(std::string_view s);

/// A word a date is written with besides names: 12, 2024, 06h30, 3rd, 1er.
/// (10:15 is two words, each a number.)
bool IsDateNumber(std::string_view w);

/// A short line that reads like a link title: 1 to 14 words and no sentence
/// end (a question or a closing bracket or quote may end a title).
bool LooksLikeLinkTitle(std::string_view line, std::uint32_t words);

}  // namespace pagewash::internal

#endif  // PAGEWASH_STRIP_SHAPES_H_
