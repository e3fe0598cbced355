#include "help_format.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options/cmdline.hpp>
#include <charconv>
#include <cstdlib>
#include <cstring>

namespace po = boost::program_options;

namespace pagewash::cli {
namespace {

// Wider terms push their description to the next line rather than squeeze
// every description into a narrow column.
constexpr std::size_t kMaxColumn = 30;

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\n') {
      ++i;
      continue;
    }
    std::size_t end = text.find_first_of(" \n", i);
    if (end == std::string_view::npos) end = text.size();
    words.push_back(text.substr(i, end - i));
    i = end;
  }
  return words;
}

// Appends the words of `text` as lines starting at column `indent`; the
// first line continues `out`'s last line, which is already `first_column`
// wide.
void AppendWrapped(std::string& out, std::string_view text, std::size_t indent, std::size_t first_column,
                   std::size_t width) {
  std::size_t column = first_column;
  bool line_empty = true;
  for (std::string_view word : Words(text)) {
    if (!line_empty && column + 1 + word.size() > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    line_empty = false;
  }
  out += '\n';
}

}  // namespace

std::size_t HelpWidth() {
  std::size_t width = 0;
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const char* end = columns + std::strlen(columns);
    auto [ptr, ec] = std::from_chars(columns, end, width);
    if (ec != std::errc() || ptr != end) width = 0;
  }
  winsize size{};
  if (width == 0 && ::isatty(STDOUT_FILENO) != 0 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    width = size.ws_col;
  }
  if (width == 0) width = 80;
  return std::max(width, kMinHelpWidth);
}

std::string WrapText(std::string_view text, std::size_t indent, std::size_t width) {
  std::string out;
  bool first = true;
  while (!text.empty()) {
    std::size_t end = text.find("\n\n");
    std::string_view paragraph = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 2);
    if (Words(paragraph).empty()) continue;
    if (!first) out += '\n';
    first = false;
    out.append(indent, ' ');
    AppendWrapped(out, paragraph, indent, indent, width);
  }
  return out;
}

std::string FormatRows(const std::vector<HelpRow>& rows, std::size_t column, std::size_t width) {
  std::string out;
  for (const auto& [term, description] : rows) {
    out += term;
    if (Words(description).empty()) {
      out += '\n';
      continue;
    }
    if (term.size() + 2 > column) {
      out += '\n';
      out.append(column, ' ');
    } else {
      out.append(column - term.size(), ' ');
    }
    AppendWrapped(out, description, column, column, width);
  }
  return out;
}

std::string FormatOptions(const std::vector<HelpGroup>& groups, std::size_t width) {
  std::vector<std::vector<HelpRow>> rows(groups.size());
  std::size_t column = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const auto& option : groups[g].options->options()) {
      // canonical_display_name gives "-o" only for an option with a short name.
      std::string short_name = option->canonical_display_name(po::command_line_style::allow_dash_for_short);
      bool has_short = short_name.size() == 2 && short_name[0] == '-';
      std::string term = has_short ? "  " + short_name + ", --" + option->long_name() : "      --" + option->long_name();
      if (std::string value = option->format_parameter(); !value.empty()) term += " " + value;
      column = std::max(column, term.size() + 2);
      rows[g].emplace_back(std::move(term), option->description());
    }
  }
  column = std::min(column, kMaxColumn);
  std::string out;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (rows[g].empty()) continue;
    if (!out.empty()) out += '\n';
    if (!groups[g].title.empty()) out += std::string(groups[g].title) + ":\n";
    out += FormatRows(rows[g], column, width);
  }
  return out;
}

}  // namespace pagewash::cli
