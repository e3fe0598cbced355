// The layout of every --help: GNU-style option lists ("  -o, --output FILE"
// then the description, as coreutils and ripgrep print them), with the
// descriptions wrapped to the width of the terminal. Used by tools/cli.cc,
// tools/ledger_cmd.cc and tools/pagewash.cc; only tools/ link it, since it
// prints Boost.ProgramOptions descriptions.
#ifndef PAGEWASH_TOOLS_HELP_FORMAT_H_
#define PAGEWASH_TOOLS_HELP_FORMAT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/program_options/options_description.hpp>

namespace pagewash::cli {

/// The narrowest width help is wrapped to: below it the description column
/// would hold a word or two a line.
inline constexpr std::size_t kMinHelpWidth = 40;

/// The width to wrap help to: $COLUMNS when it is a positive number, else the
/// width of the terminal on standard output (TIOCGWINSZ), else 80. Never less
/// than kMinHelpWidth.
std::size_t HelpWidth();

/// `text` reflowed into lines of at most `width` columns, each indented by
/// `indent` spaces and ending in "\n". Single newlines in `text` are spaces; a
/// blank line separates paragraphs. A word longer than the line is not broken.
std::string WrapText(std::string_view text, std::size_t indent, std::size_t width);

/// One row of a two-column list: the term (with its own leading spaces) and
/// its description.
using HelpRow = std::pair<std::string, std::string>;

/// `rows` as a two-column list: each description starts at `column` (on the
/// line after its term when the term leaves less than two spaces) and wraps
/// at `width`. No line has trailing spaces.
std::string FormatRows(const std::vector<HelpRow>& rows, std::size_t column, std::size_t width);

/// A titled group of options. Boost keeps an options_description's caption
/// private, so the title is given again here.
struct HelpGroup {
  std::string_view title;
  const boost::program_options::options_description* options;  ///< Not owned.
};

/// The options of `groups` in the GNU layout: each group's title and ":",
/// then "  -o, --output FILE" (a long-only option is indented to line up:
/// "      --pretty") and the description, wrapped at `width`. Every group
/// shares one description column; groups with no options are left out, and
/// a blank line separates the others.
std::string FormatOptions(const std::vector<HelpGroup>& groups, std::size_t width);

}  // namespace pagewash::cli

#endif  // PAGEWASH_TOOLS_HELP_FORMAT_H_
