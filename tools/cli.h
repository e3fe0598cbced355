// The pagewash commands' shared main: parse the flags (and a config file),
// validate them into a run plan (cli_options.h), load what the plan names,
// run it and report.
#ifndef PAGEWASH_TOOLS_CLI_H_
#define PAGEWASH_TOOLS_CLI_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli_options.h"
#include "exit_code.h"
#include "pagewash/pipeline.h"
#include "pagewash/rules.h"

namespace pagewash::cli {

/// Parses argv for `spec` (the command table, CommandSpec, is in
/// cli_options.h), runs it and returns the process exit code.
/// Prints --help and --version to stdout, diagnostics to stderr. `commands`
/// is the whole command table: a config file may hold options of any of them.
int RunCommand(const CommandSpec& spec, std::span<const CommandSpec> commands, int argc, char** argv);

/// `pagewash ledger merge -o OUT LEDGER...` (tools/ledger_cmd.cc).
int LedgerMain(int argc, char** argv);

/// The exit-status list every --help ends with, wrapped at `width`.
std::string ExitStatusHelp(std::size_t width);

}  // namespace pagewash::cli

#endif  // PAGEWASH_TOOLS_CLI_H_
