// bounceguard: reads mailboxes, finds every bounce and says what failed and why.
// This file only dispatches to the commands; each lives in its own file, the work in the library.
#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/check_command.h"
#include "cli/exit_codes.h"
#include "cli/scan_command.h"
#include "cli/spf_command.h"

int main(int argc, char** argv) {
  CLI::App app{"bounceguard reads your mail, finds every bounce (\"Mail delivery failed\", \"Undeliverable\"...)\n"
               "and tells you which recipients failed and why."};
  app.set_version_flag("--version", "bounceguard " BOUNCEGUARD_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 the run failed midway (e.g. output not writable),\n"
             "2 bad arguments or unreadable input, 3 (scan) the scan finished but part of an input\n"
             "could not be read.\nRun 'bounceguard COMMAND --help' for a command's options.");

  const std::vector<std::function<int()>> commands = {
      bg::cli::add_scan_command(app),
      bg::cli::add_check_command(app),
      bg::cli::add_spf_command(app),
  };
  app.name("bounceguard");
  if (argc == 1) {
    std::cout << app.help();
    return bg::cli::kExitUsage;
  }
  // A first word that is no command: say so, rather than CLI11's "A subcommand is required".
  if (const std::string_view word = argv[1]; !word.starts_with('-')) {
    try {
      app.get_subcommand(std::string(word));
    } catch (const CLI::OptionNotFound&) {
      std::cerr << "bounceguard: no command '" << word << "'; the commands are scan, check and spf\n"
                << "Run 'bounceguard --help' for more information.\n";
      return bg::cli::kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? bg::cli::kExitOk : bg::cli::kExitUsage;
  }
  for (const auto& run : commands)
    if (const int code = run(); code >= 0) return code;
  return bg::cli::kExitUsage;
}
