// The help layout of tools/help_format.h: wrapping, the two columns, and the
// GNU option names printed from a Boost.ProgramOptions description.
#include "help_format.h"

#include <gtest/gtest.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <unistd.h>
#include <string>
#include <string_view>

namespace po = boost::program_options;

namespace pagewash::cli {
namespace {

TEST(WrapText, Wraps) {
  struct Case {
    std::string_view in;
    std::size_t indent, width;
    std::string_view want;
  } cases[] = {
      {"", 0, 40, ""},
      {"one two three", 0, 40, "one two three\n"},
      {"one\ntwo three", 0, 40, "one two three\n"},  // a single newline is a space
      {"aaa bbb ccc", 0, 7, "aaa bbb\nccc\n"},       // a line may be exactly the width
      {"aaa bbb ccc", 2, 9, "  aaa bbb\n  ccc\n"},
      {"longerthanwidth x", 0, 5, "longerthanwidth\nx\n"},  // words are not broken
      {"one\n\ntwo", 0, 40, "one\n\ntwo\n"},                // paragraphs
  };
  for (const Case& c : cases) {
    EXPECT_EQ(WrapText(c.in, c.indent, c.width), c.want) << c.in;
  }
}

TEST(FormatRows, Columns) {
  EXPECT_EQ(FormatRows({{"  0", "ok"}, {"  1", "aaa bbb ccc"}}, 5, 12), "  0  ok\n  1  aaa bbb\n     ccc\n");
  // A term that leaves less than two spaces puts its description below it.
  EXPECT_EQ(FormatRows({{"  long-term", "text"}}, 6, 40), "  long-term\n      text\n");
  // No description, no trailing spaces.
  EXPECT_EQ(FormatRows({{"  term", ""}}, 8, 40), "  term\n");
}

TEST(FormatOptions, GnuLayout) {
  std::string output;
  bool flag = false;
  po::options_description options("Options");
  options.add_options()("help,h", "print this help")("output,o", po::value(&output)->value_name("FILE"),
                                                       "write to FILE, replaced atomically")(
      "pretty", po::bool_switch(&flag), "indent");
  po::options_description empty("Empty");
  // The description column is two past the longest name.
  EXPECT_EQ(FormatOptions({{"Options", &options}, {"Empty", &empty}}, 80),
            "Options:\n"
            "  -h, --help         print this help\n"
            "  -o, --output FILE  write to FILE, replaced atomically\n"
            "      --pretty       indent\n");
  EXPECT_EQ(FormatOptions({{"Options", &options}}, 40),
            "Options:\n"
            "  -h, --help         print this help\n"
            "  -o, --output FILE  write to FILE,\n"
            "                     replaced atomically\n"
            "      --pretty       indent\n");
}

TEST(HelpWidth, FromColumns) {
  ::setenv("COLUMNS", "100", 1);
  EXPECT_EQ(HelpWidth(), 100u);
  ::setenv("COLUMNS", "10", 1);
  EXPECT_EQ(HelpWidth(), kMinHelpWidth);
  ::unsetenv("COLUMNS");
  // ctest runs with standard output on a pipe or a file.
  if (::isatty(1) == 0) {
    EXPECT_EQ(HelpWidth(), 80u);
  }
}

}  // namespace
}  // namespace pagewash::cli
