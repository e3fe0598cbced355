// pagewash ledger merge -o OUT LEDGER...: one ledger from the ledgers of
// separate runs, as if their documents had come in one run, in that order.
#include <boost/program_options.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "cli.h"
#include "help_format.h"
#include "pagewash/files.h"
#include "pagewash/ledger.h"
#include "pagewash/state_lock.h"

namespace po = boost::program_options;

namespace pagewash::cli {

int LedgerMain(int argc, char** argv) {
  std::string action;
  std::string output;
  std::vector<std::string> inputs;
  po::options_description options("Options");
  options.add_options()("help,h", "print this help and exit")(
      "output,o", po::value(&output)->value_name("FILE"), "the merged ledger, written atomically (required)");
  po::options_description hidden;
  hidden.add_options()("action", po::value(&action))("input", po::value(&inputs)->composing());
  po::positional_options_description positional;
  positional.add("action", 1).add("input", -1);
  po::options_description all;
  all.add(options).add(hidden);
  po::variables_map vm;
  auto usage = [](const std::string& message) {
    std::fprintf(stderr, "pagewash: error: ledger: %s\nsee 'pagewash ledger --help'\n", message.c_str());
    return static_cast<int>(ExitCode::kUsage);
  };
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage(e.what());
  }
  if (vm.count("help") != 0) {
    std::size_t width = HelpWidth();
    std::string text = "Usage: pagewash ledger merge -o OUT LEDGER...\n\n";
    text += WrapText(
        "Merges the ledgers that 'pagewash dedup --state' wrote in separate runs (shards, machines) into one, "
        "as if their documents had come in one run in the order the ledgers are given: the first claim on "
        "a paragraph wins, and a document found in a later ledger replaces its earlier version.",
        0, width);
    text += "\n" + ExitStatusHelp(width);
    std::fputs(text.c_str(), stdout);
    return 0;
  }
  if (action != "merge") return usage(action.empty() ? "missing action: merge" : "unknown action '" + action + "'");
  if (output.empty()) return usage("-o OUT is required");
  if (inputs.empty()) return usage("give the ledgers to merge");
  StateLock lock;
  Ledger merged;
  Status s = lock.Acquire(output, "ledger");
  for (std::size_t i = 0; s.ok() && i < inputs.size(); ++i) {
    // Every ledger named is meant to exist: a typo is not an empty ledger.
    Result<Ledger> ledger = LoadLedger(inputs[i], IfMissing::kError);
    if (!ledger.ok()) {
      s = ledger.status();
      break;
    }
    merged.MergeFrom(ledger.value());
  }
  if (s.ok()) s = SaveLedger(merged, output);
  if (!s.ok()) {
    std::fprintf(stderr, "pagewash: error: %s\n", s.ToString().c_str());
    return static_cast<int>(ExitCode::kDataError);
  }
  return 0;
}

}  // namespace pagewash::cli
