// bounceguard: reads mailboxes, finds every bounce and says what failed and why.
// This file only parses arguments and prints; the work happens in the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/progress_bar.h"
#include "mailbox/message_source.h"
#include "report/record_writer.h"
#include "scan/scanner.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the run started but could not finish (e.g. output not writable)
constexpr int kExitUsage = 2;    // bad arguments, or an input that cannot be read

struct ScanArguments {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  unsigned threads = 0;
  bool quiet = false;
};

bool use_color(const std::string& choice, bool to_terminal) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  return to_terminal && std::getenv("NO_COLOR") == nullptr;
}

std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    const int value = std::atoi(columns);
    if (value >= 40) return static_cast<std::size_t>(value);
  }
  return 80;
}

int run_scan(const ScanArguments& arguments) {
  bg::report::Format format;
  try {
    format = bg::report::parse_format(arguments.format);
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitUsage;
  }

  std::ofstream file;
  if (!arguments.output.empty()) {
    file.open(arguments.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::fprintf(stderr, "bounceguard: cannot write %s\n", arguments.output.c_str());
      return kExitUsage;
    }
  }
  std::ostream& out = arguments.output.empty() ? std::cout : file;
  const bool to_terminal = arguments.output.empty() && isatty(STDOUT_FILENO);

  bg::report::WriterOptions writer_options;
  writer_options.color = use_color(arguments.color, to_terminal);
  writer_options.width = to_terminal ? terminal_width() : 100;
  std::unique_ptr<bg::report::RecordWriter> writer = bg::report::make_writer(format, out, writer_options);

  bg::cli::ProgressBar progress(stderr);
  bg::scan::ScanOptions options;
  options.inputs = arguments.inputs;
  options.threads = arguments.threads;
  if (!arguments.quiet) options.on_progress = [&](const bg::scan::Progress& p) { progress.update(p); };

  try {
    const bg::scan::ScanSummary summary =
        bg::scan::scan(options, [&](const bg::bounce::Record& record) { writer->write(record); });
    progress.finish();
    writer->finish(summary);
    out.flush();
    if (!out) {
      std::fprintf(stderr, "bounceguard: cannot write %s\n",
                   arguments.output.empty() ? "to standard output" : arguments.output.c_str());
      return kExitFailure;
    }
  } catch (const bg::mailbox::InputError& error) {
    progress.finish();
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitUsage;
  } catch (const std::exception& error) {
    progress.finish();
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bounceguard reads your mail, finds every bounce (\"Mail delivery failed\", \"Undeliverable\"...)\n"
               "and tells you which recipients failed and why."};
  app.set_version_flag("--version", "bounceguard " BOUNCEGUARD_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 the run failed midway (e.g. output not writable),\n"
             "2 bad arguments or unreadable input.\nRun 'bounceguard scan --help' for the scan options.");

  ScanArguments scan_arguments;
  CLI::App* scan = app.add_subcommand("scan", "Find the bounces in mailboxes and list every failed recipient");
  scan->add_option("inputs", scan_arguments.inputs,
                   "Mailboxes to read: mbox files, Maildir or other folders (searched recursively),\n"
                   "single .eml files, gzip/xz/zstd-compressed files, or - for standard input")
      ->required();
  scan->add_option("-f,--format", scan_arguments.format,
                   "Output: text (a summary for a person), json (one document), jsonl (one record\n"
                   "per line, Sisimai-compatible field names) or csv")
      ->capture_default_str();
  scan->add_option("-o,--output", scan_arguments.output, "Write to FILE instead of standard output");
  scan->add_option("--color", scan_arguments.color, "Colour in the text format: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  scan->add_option("-j,--threads", scan_arguments.threads, "Parser threads (default: one per core)");
  scan->add_flag("-q,--quiet", scan_arguments.quiet, "No progress bar");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (scan->parsed()) return run_scan(scan_arguments);
  return kExitUsage;
}
