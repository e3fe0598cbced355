// pagewash: turns scraped web pages into clean, structured JSON.
//
// One binary, a table of subcommands. Each is a thin main: it names the
// stages it folds and the option groups it takes; cli.cc parses the flags
// and the library does the work.
#include <csignal>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"
#include "help_format.h"
#include "pagewash/files.h"
#include "pagewash/pipeline.h"
#include "version.h"

namespace {

using pagewash::OutputKind;
using pagewash::cli::CommandSpec;

const CommandSpec kCommands[] = {
    {.name = "strip",
     .summary = "remove boilerplate (consent notices, navigation, switchers, stray code)",
     .description = "Removes boilerplate lines and writes the JSON Lines stream. Bylines become\n"
                    "metadata.author. Rules are data: src/rules/*.rules, plus --rules FILE.",
     .stages = {"strip"},
     .output = OutputKind::kStream,
     .strip_options = true},
    {.name = "dedup",
     .summary = "remove paragraphs, list items and headings that repeat an earlier one",
     .description = "Drops units that repeat an earlier one in the same document, compared\n"
                    "case-folded and NFKC-normalised, ignoring punctuation and spacing; the first\n"
                    "is kept. Fingerprints are 64-bit XXH3: two different paragraphs colliding\n"
                    "would be taken as duplicates (about 3e-8 at a million paragraphs).",
     .stages = {"dedup"},
     .output = OutputKind::kStream,
     .dedup_options = true},
    {.name = "segment",
     .summary = "recover headings, paragraphs, list items and the title",
     .description = "Joins wrapped lines into paragraphs, recognises headings and list items and\n"
                    "finds the page's title; writes the JSON Lines stream.",
     .stages = {"segment"},
     .output = OutputKind::kStream,
     .segment_options = true},
    {.name = "emit",
     .summary = "write the clean JSON (or Markdown, or text)",
     .description = "Writes each document in its final form: one JSON object per line with id,\n"
                    "source, title, sections, metadata and text (a Dolma/datatrove record).",
     .stages = {},
     .output = OutputKind::kEmit,
     .emit_options = true},
    {.name = "clean",
     .summary = "strip, dedup, segment and emit in one process",
     .description = "Runs strip, dedup, segment and emit in one process; the output is byte for\n"
                    "byte what 'pagewash strip | pagewash dedup | pagewash segment | pagewash emit'\n"
                    "gives. Takes every stage's options.",
     .stages = {"strip", "dedup", "segment"},
     .output = OutputKind::kEmit,
     .strip_options = true,
     .dedup_options = true,
     .segment_options = true,
     .emit_options = true},
};

void PrintTopHelp(std::FILE* out) {
  std::size_t width = pagewash::cli::HelpWidth();
  std::vector<pagewash::cli::HelpRow> rows;
  for (const CommandSpec& c : kCommands) rows.emplace_back("  " + std::string(c.name), std::string(c.summary));
  rows.emplace_back("  ledger", "merge the dedup ledgers of separate runs (ledger merge -o OUT A B...)");
  std::string text =
      "Usage: pagewash COMMAND [OPTIONS] [FILE...]\n\n"
      "Turns scraped web pages into clean, structured JSON.\n\nCommands:\n" +
      pagewash::cli::FormatRows(rows, 11, width) + "\n" +
      pagewash::cli::WrapText("'pagewash help COMMAND' or 'pagewash COMMAND --help' describes a command's options.",
                              0, width) +
      "\n" + pagewash::cli::ExitStatusHelp(width);
  std::fputs(text.c_str(), out);
}

bool IsCommand(std::string_view name) {
  for (const CommandSpec& c : kCommands) {
    if (c.name == name) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe makes writes fail with EPIPE, which the driver treats as
  // the reader having gone away: exit quietly with 0.
  std::signal(SIGPIPE, SIG_IGN);
  // Ctrl-C or a kill removes the temporary copies of the files being written.
  pagewash::InstallTempFileCleanup();
#ifdef __GLIBC__
  // A buffer of 128 KiB or more (glibc's own starting threshold) is mapped
  // on its own and given back to the system when freed. glibc would
  // otherwise raise this threshold to the size of the largest buffer freed
  // (up to 32 MB), so that, after one large page, the buffers of the next
  // stages came from the heap and stayed resident once freed: a 25 MB page
  // peaked at 5 times its size, not 3. At 1 MiB, a page of 10,000 short
  // paragraphs (0.7 MB) still held its stages' freed tables of a few
  // hundred KiB: 8 to 9 times the page, 5.4 at 128 KiB, and 3.7 against 3.6
  // times for 160,000 of them; CPU time on the benchmark corpus is the same.
  mallopt(M_MMAP_THRESHOLD, 1 << 17);
#endif
  if (argc < 2) {
    PrintTopHelp(stderr);
    return static_cast<int>(pagewash::cli::ExitCode::kUsage);
  }
  std::string_view command = argv[1];
  // `pagewash help CMD` is `pagewash CMD --help`: the command prints its own
  // help, so the two cannot differ.
  char help_flag[] = "--help";
  char* help_argv[] = {argv[0], argc > 2 ? argv[2] : nullptr, help_flag, nullptr};
  if (command == "help" && argc > 2) {
    command = argv[2];
    if (command != "ledger" && !IsCommand(command)) {
      std::fprintf(stderr, "pagewash: error: help: unknown command '%s'\nsee 'pagewash --help'\n", argv[2]);
      return static_cast<int>(pagewash::cli::ExitCode::kUsage);
    }
    argc = 3;
    argv = help_argv;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    PrintTopHelp(stdout);
    return 0;
  }
  if (command == "--version") {
    std::printf("%s\n", pagewash::cli::VersionLine().c_str());
    return 0;
  }
  if (command == "ledger") {
    try {
      return pagewash::cli::LedgerMain(argc - 1, argv + 1);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "pagewash: error: %s\n", e.what());
      return static_cast<int>(pagewash::cli::ExitCode::kDataError);
    }
  }
  for (const CommandSpec& c : kCommands) {
    if (c.name != command) continue;
    try {
      return pagewash::cli::RunCommand(c, kCommands, argc - 1, argv + 1);
    } catch (const std::bad_alloc&) {
      std::fprintf(stderr, "pagewash: error: out of memory\n");
      return static_cast<int>(pagewash::cli::ExitCode::kDataError);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "pagewash: error: %s\n", e.what());
      return static_cast<int>(pagewash::cli::ExitCode::kDataError);
    }
  }
  std::fprintf(stderr, "pagewash: error: unknown command '%s'\nsee 'pagewash --help'\n", argv[1]);
  return static_cast<int>(pagewash::cli::ExitCode::kUsage);
}
