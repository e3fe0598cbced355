// Command tests: the real pagewash binary run on the cases in
// testdata/cli/*.t, in the format of pandoc's command tests
// (test/Tests/Command.hs):
//
//   # A comment (only between cases).
//   % pagewash dedup --min-words 1
//   {"id":"a","text":"Hello world.\n\nHello world."}
//   ^D
//   ...expected standard output, one line per line...
//   2> ...expected standard error, each line prefixed by "2> "...
//   => 0
//
// A case is the command line ("% " then words split on spaces; single or
// double quotes keep spaces in a word; the first word must be "pagewash"),
// the lines fed to standard input up to "^D", then the expected output up to
// "=> N", the exit status. Between "^D" and "=> N" every line counts,
// blank ones included: lines starting "2> " ("2>" alone is an empty line)
// are standard error, all others standard output. A line
// "\ No newline at end of file" (or "2> \ No newline at end of file") says
// the line before it has no newline, as in diff; the same marker works in
// standard input. Between cases, blank lines and lines starting with '#' are
// ignored; anything else is an error, so a mistyped "% " is not silently
// skipped. Lines are compared byte for byte: CR, trailing spaces and invalid
// UTF-8 in a .t file are part of the case.
//
// Each case runs with the working directory set to testdata/, so file
// arguments are relative to it, through fork and exec (no shell), with a
// time limit. A mismatch prints both full texts of each differing stream,
// like ripgrep's eqnice! (tests/macros.rs).
//
// PAGEWASH_UPDATE_GOLDEN=1 rewrites the expected part of each case with what
// the binary printed, leaving commands, inputs and comments alone; review the
// diff before committing. A crash or time-out is never written back.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace pagewash::cli_test {
namespace {

constexpr std::string_view kNoNewline = "\\ No newline at end of file";
constexpr std::string_view kStderrPrefix = "2> ";
constexpr std::chrono::seconds kTimeLimit{60};

// One case of a .t file.
struct Case {
  std::string path;      // The .t file.
  std::string name;      // Test name: file stem and case number.
  int number = 0;        // 1-based, within the file.
  std::size_t line = 0;  // 1-based line of the "% " command.
  std::string command;   // The command line as written, without "% ".
  std::vector<std::string> argv;
  std::string input;
  std::string want_stdout;
  std::string want_stderr;
  int want_exit = 0;
  // Lines [expected_begin, expected_end] (0-based) are the expected output
  // and the "=> N" line: what PAGEWASH_UPDATE_GOLDEN rewrites.
  std::size_t expected_begin = 0;
  std::size_t expected_end = 0;
  std::string error;  // Set when the file could not be parsed.
};

// What a run of the binary gave.
struct Outcome {
  std::string out;
  std::string err;
  std::string exit;  // "N", or "signal N (...)", "timed out", "could not run: ...".
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The lines of a file; a final newline does not start another line.
std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

// Lines back to text: each ends with '\n' unless the no-newline marker
// follows it.
std::string JoinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == kNoNewline && i > 0 && i + 1 == lines.size()) {
      text.pop_back();
      break;
    }
    text += lines[i];
    text += '\n';
  }
  return text;
}

// The inverse of JoinLines for an output stream.
std::vector<std::string> OutputLines(std::string_view text) {
  std::vector<std::string> lines = SplitLines(text);
  if (!text.empty() && text.back() != '\n') lines.emplace_back(kNoNewline);
  return lines;
}

// Splits a command line on spaces; quotes keep spaces, as in a shell
// (without escapes, globs or variables).
std::optional<std::vector<std::string>> SplitCommand(std::string_view command, std::string* error) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < command.size(); ++i) {
    char c = command[i];
    if (c == ' ') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\'' || c == '"') {
      std::size_t close = command.find(c, i + 1);
      if (close == std::string_view::npos) {
        *error = std::string("unbalanced ") + c + " in the command";
        return std::nullopt;
      }
      word.append(command.substr(i + 1, close - i - 1));
      in_word = true;
      i = close;
    } else {
      word.push_back(c);
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

bool IsExitLine(std::string_view line) { return line == "=>" || StartsWith(line, "=> "); }

// Parses a .t file's text. On a syntax error returns a single case whose
// `error` says what is wrong and `line` where.
std::vector<Case> ParseCases(const std::string& path, std::string_view text) {
  std::vector<Case> cases;
  std::vector<std::string> lines = SplitLines(text);
  std::string stem = std::filesystem::path(path).stem().string();
  auto fail = [&](std::size_t line, const std::string& message) {
    Case c;
    c.path = path;
    c.name = stem + "_parse";
    c.line = line + 1;
    c.error = message;
    return std::vector<Case>{c};
  };
  std::size_t i = 0;
  while (i < lines.size()) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') {
      ++i;
      continue;
    }
    if (!StartsWith(line, "% ")) {
      return fail(i, "expected a command line '% pagewash ...', a comment or a blank line");
    }
    Case c;
    c.path = path;
    c.number = static_cast<int>(cases.size()) + 1;
    c.name = stem + "_" + std::to_string(c.number);
    c.line = i + 1;
    c.command = line.substr(2);
    std::string error;
    std::optional<std::vector<std::string>> argv = SplitCommand(c.command, &error);
    if (!argv) return fail(i, error);
    if (argv->empty() || (*argv)[0] != "pagewash") {
      return fail(i, "a command must start with 'pagewash' (only pagewash is run)");
    }
    c.argv = std::move(*argv);
    std::size_t command_line = i++;
    std::vector<std::string> input;
    while (i < lines.size() && lines[i] != "^D") input.push_back(lines[i++]);
    if (i == lines.size()) return fail(command_line, "no '^D' line ends this case's input");
    c.input = JoinLines(input);
    c.expected_begin = ++i;
    std::vector<std::string> out;
    std::vector<std::string> err;
    while (i < lines.size() && !IsExitLine(lines[i])) {
      const std::string& l = lines[i++];
      if (StartsWith(l, kStderrPrefix)) {
        err.push_back(l.substr(kStderrPrefix.size()));
      } else if (l == "2>") {
        err.emplace_back();
      } else {
        out.push_back(l);
      }
    }
    if (i == lines.size()) return fail(command_line, "no '=> N' line ends this case");
    std::string status = lines[i].size() > 3 ? lines[i].substr(3) : "";
    if (status.empty() || status.size() > 3 ||
        !std::all_of(status.begin(), status.end(), [](char d) { return d >= '0' && d <= '9'; })) {
      return fail(i, "the exit status line must be '=> N' with N a number");
    }
    c.want_exit = std::stoi(status);
    c.want_stdout = JoinLines(out);
    c.want_stderr = JoinLines(err);
    c.expected_end = i++;
    cases.push_back(std::move(c));
  }
  if (cases.empty()) return fail(0, "no cases");
  return cases;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Case> LoadAllCases() {
  std::string dir = std::string(PAGEWASH_TESTDATA_DIR) + "/cli";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".t") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<Case> all;
  std::set<std::string> names;
  for (const std::string& file : files) {
    for (Case& c : ParseCases(file, ReadFile(file))) {
      // Test names may hold only letters, digits and '_'.
      for (char& ch : c.name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      while (!names.insert(c.name).second) c.name += "_";
      all.push_back(std::move(c));
    }
  }
  if (all.empty()) {
    Case c;
    c.path = dir;
    c.name = "no_cases";
    c.error = "no .t files here";
    all.push_back(c);
  }
  return all;
}

void SetNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Runs `binary` with `args` (args[0] is the program name) in `dir`, feeding
// `input` on standard input; collects standard output and error.
Outcome RunBinary(const std::string& binary, const std::vector<std::string>& args,
                  const std::string& input, const std::string& dir) {
  Outcome outcome;
  // Writing to a child that exited early must give EPIPE, not kill the test.
  ::signal(SIGPIPE, SIG_IGN);
  // Help wraps to $COLUMNS and $PAGEWASH_CONFIG names a default config: the
  // cases expect a pipe's width and no config, whatever the shell that runs them.
  ::unsetenv("COLUMNS");
  ::unsetenv("PAGEWASH_CONFIG");
  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
    outcome.exit = std::string("could not run: pipe: ") + std::strerror(errno);
    return outcome;
  }
  // Everything the child needs is built before fork: after it, only
  // async-signal-safe calls.
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    outcome.exit = std::string("could not run: fork: ") + std::strerror(errno);
    return outcome;
  }
  if (pid == 0) {
    ::signal(SIGPIPE, SIG_DFL);  // Ignored signals would stay ignored across exec.
    if (::dup2(in[0], 0) < 0 || ::dup2(out[1], 1) < 0 || ::dup2(err[1], 2) < 0) ::_exit(126);
    if (::chdir(dir.c_str()) != 0) {
      static const char kMessage[] = "cli_test: cannot enter the testdata directory\n";
      [[maybe_unused]] ssize_t ignored = ::write(2, kMessage, sizeof kMessage - 1);
      ::_exit(126);
    }
    ::execve(binary.c_str(), argv.data(), environ);
    static const char kMessage[] = "cli_test: cannot execute the pagewash binary\n";
    [[maybe_unused]] ssize_t ignored = ::write(2, kMessage, sizeof kMessage - 1);
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  int in_fd = in[1];
  SetNonBlocking(in_fd);
  SetNonBlocking(out[0]);
  SetNonBlocking(err[0]);
  std::size_t written = 0;
  if (input.empty()) {
    ::close(in_fd);
    in_fd = -1;
  }
  // Read both outputs while feeding the input, so that no pipe fills up
  // and blocks the child.
  int* outputs[2] = {&out[0], &err[0]};
  std::string* sinks[2] = {&outcome.out, &outcome.err};
  bool timed_out = false;
  int poll_error = 0;
  auto deadline = std::chrono::steady_clock::now() + kTimeLimit;
  while (out[0] >= 0 || err[0] >= 0 || in_fd >= 0) {
    pollfd fds[3];
    int stream[3];  // Index into outputs, or -1 for the input.
    nfds_t n = 0;
    for (int k = 0; k < 2; ++k) {
      if (*outputs[k] < 0) continue;
      fds[n] = {*outputs[k], POLLIN, 0};
      stream[n++] = k;
    }
    if (in_fd >= 0) {
      fds[n] = {in_fd, POLLOUT, 0};
      stream[n++] = -1;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    int ready = ::poll(fds, n, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) {
      poll_error = errno;
      break;
    }
    for (nfds_t k = 0; k < n; ++k) {
      if (fds[k].revents == 0) continue;
      if (stream[k] >= 0) {
        char buffer[1 << 16];
        ssize_t got = ::read(fds[k].fd, buffer, sizeof buffer);
        if (got > 0) {
          sinks[stream[k]]->append(buffer, static_cast<std::size_t>(got));
        } else if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
          ::close(fds[k].fd);
          *outputs[stream[k]] = -1;
        }
      } else {
        ssize_t put = ::write(in_fd, input.data() + written, input.size() - written);
        if (put > 0) written += static_cast<std::size_t>(put);
        if (written == input.size() || (put < 0 && errno != EAGAIN && errno != EINTR)) {
          ::close(in_fd);  // Done, or the child stopped reading (EPIPE).
          in_fd = -1;
        }
      }
    }
  }
  for (int fd : {in_fd, out[0], err[0]}) {
    if (fd >= 0) ::close(fd);
  }
  if (timed_out || poll_error != 0) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (poll_error != 0) {
    outcome.exit = std::string("could not run: poll: ") + std::strerror(poll_error);
  } else if (timed_out) {
    outcome.exit = "timed out after " + std::to_string(kTimeLimit.count()) + " s";
  } else if (WIFEXITED(status)) {
    outcome.exit = std::to_string(WEXITSTATUS(status));
  } else if (WIFSIGNALED(status)) {
    outcome.exit =
        "signal " + std::to_string(WTERMSIG(status)) + " (" + ::strsignal(WTERMSIG(status)) + ")";
  } else {
    outcome.exit = "unknown wait status " + std::to_string(status);
  }
  return outcome;
}

// A line with what cannot be seen made visible.
std::string Visible(std::string_view line) {
  std::string s = "\"";
  for (unsigned char c : line) {
    if (c == '"' || c == '\\') {
      s += '\\';
      s += static_cast<char>(c);
    } else if (c == '\r') {
      s += "\\r";
    } else if (c == '\t') {
      s += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      s += hex;
    } else {
      s += static_cast<char>(c);
    }
  }
  return s + "\"";
}

// ripgrep's eqnice!: both full texts, and where they first differ (which
// may be a trailing space or a CR the full texts do not show).
std::string Difference(std::string_view stream, const std::string& want, const std::string& got) {
  std::vector<std::string> a = OutputLines(want);
  std::vector<std::string> b = OutputLines(got);
  std::size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  // On long lines (JSON records) show the neighbourhood of the first
  // differing byte rather than the whole line.
  std::size_t column = 0;
  if (k < a.size() && k < b.size()) {
    while (column < a[k].size() && column < b[k].size() && a[k][column] == b[k][column]) ++column;
  }
  std::size_t from = column > 40 ? column - 40 : 0;
  auto excerpt = [&](const std::vector<std::string>& lines) {
    if (k >= lines.size()) return std::string("(end)");
    std::string_view line = lines[k];
    std::string text = Visible(line.substr(from, 100));
    if (from > 0) text = "..." + text;
    if (from + 100 < line.size()) text += "...";
    return text;
  };
  std::ostringstream s;
  s << stream << " differs, first at line " << (k + 1) << ", column " << (column + 1) << ":\n"
    << "  expected: " << excerpt(a) << "\n"
    << "  got:      " << excerpt(b) << "\n\n"
    << "expected " << stream << ":\n-----------------------------------------\n"
    << want << "-----------------------------------------\n\n"
    << "got " << stream << ":\n-----------------------------------------\n"
    << got << "-----------------------------------------\n";
  return s.str();
}

// The expected part of a case, as .t lines, for what the binary printed.
std::vector<std::string> ExpectedLines(const Outcome& got) {
  std::vector<std::string> lines = OutputLines(got.out);
  for (const std::string& l : OutputLines(got.err)) {
    lines.push_back(l.empty() ? std::string("2>") : std::string(kStderrPrefix) + l);
  }
  lines.push_back("=> " + got.exit);
  return lines;
}

// PAGEWASH_UPDATE_GOLDEN: rewrites the expected part of case `c` in its file.
// The file is locked and re-read, since ctest may run cases of one file in
// parallel and an earlier update may have moved this case's lines.
void UpdateCase(const Case& c, const Outcome& got) {
  if (got.exit.empty() ||
      !std::all_of(got.exit.begin(), got.exit.end(), [](char d) { return d >= '0' && d <= '9'; })) {
    ADD_FAILURE() << c.path << ":" << c.line << ": not updated: the run ended with " << got.exit
                  << "\nstderr:\n"
                  << got.err;
    return;
  }
  int fd = ::open(c.path.c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(fd, 0) << "cannot open " << c.path << ": " << std::strerror(errno);
  ::flock(fd, LOCK_EX);
  std::string text = ReadFile(c.path);
  std::vector<Case> now = ParseCases(c.path, text);
  bool same = now.size() >= static_cast<std::size_t>(c.number) && now[0].error.empty() &&
              now[static_cast<std::size_t>(c.number) - 1].command == c.command;
  if (!same) {
    ::close(fd);
    FAIL() << c.path << " changed while the tests ran; case " << c.number << " not updated";
  }
  const Case& current = now[static_cast<std::size_t>(c.number) - 1];
  std::vector<std::string> lines = SplitLines(text);
  std::vector<std::string> replacement = ExpectedLines(got);
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(current.expected_begin),
              lines.begin() + static_cast<std::ptrdiff_t>(current.expected_end) + 1);
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(current.expected_begin),
               replacement.begin(), replacement.end());
  std::string updated;
  for (const std::string& l : lines) updated += l + "\n";
  if (!text.empty() && text.back() != '\n') updated.pop_back();
  // Output the format cannot hold (a stdout line starting "2> " or "=> ")
  // would read back differently: refuse rather than write a wrong case.
  std::vector<Case> reread = ParseCases(c.path, updated);
  const Case* check = reread.size() == now.size() && reread[0].error.empty()
                          ? &reread[static_cast<std::size_t>(c.number) - 1]
                          : nullptr;
  if (check == nullptr || check->want_stdout != got.out || check->want_stderr != got.err) {
    ::close(fd);
    FAIL() << c.path << ":" << c.line
           << ": not updated: this output cannot be written in a .t file";
  }
  if (updated != text) {
    bool ok = ::ftruncate(fd, 0) == 0 && ::pwrite(fd, updated.data(), updated.size(), 0) ==
                                             static_cast<ssize_t>(updated.size());
    EXPECT_TRUE(ok) << "cannot write " << c.path << ": " << std::strerror(errno);
    std::printf("updated %s case %d (line %zu)\n", c.path.c_str(), c.number, current.line);
  }
  ::close(fd);
}

// gtest prints a failing test's parameter: its file and line, not its bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.path << ":" << c.line; }

bool UpdateGolden() {
  const char* v = std::getenv("PAGEWASH_UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

class CliTest : public ::testing::TestWithParam<Case> {};

TEST_P(CliTest, Run) {
  const Case& c = GetParam();
  if (!c.error.empty()) {
    ADD_FAILURE_AT(c.path.c_str(), static_cast<int>(c.line)) << c.error;
    return;
  }
  std::vector<std::string> args = c.argv;
  args[0] = "pagewash";
  Outcome got = RunBinary(PAGEWASH_BINARY, args, c.input, PAGEWASH_TESTDATA_DIR);
  if (UpdateGolden()) {
    UpdateCase(c, got);
    return;
  }
  // Failures point at the case in its .t file.
  const char* file = c.path.c_str();
  int line = static_cast<int>(c.line);
  std::string command = "% " + c.command + "\n";
  std::string want_exit = std::to_string(c.want_exit);
  if (got.out != c.want_stdout) {
    ADD_FAILURE_AT(file, line) << command << Difference("stdout", c.want_stdout, got.out);
  }
  if (got.err != c.want_stderr) {
    ADD_FAILURE_AT(file, line) << command << Difference("stderr", c.want_stderr, got.err);
  }
  if (got.exit != want_exit) {
    ADD_FAILURE_AT(file, line) << command << "exit status: expected " << want_exit << ", got "
                               << got.exit;
  }
  if (HasFailure()) {
    std::printf(
        "(if the new output is right: PAGEWASH_UPDATE_GOLDEN=1 rewrites the .t files; "
        "review the diff)\n");
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, CliTest, ::testing::ValuesIn(LoadAllCases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           return param.param.name;
                         });

}  // namespace
}  // namespace pagewash::cli_test
