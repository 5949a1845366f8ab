#include "cli/scan_command.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "cli/resolver_arguments.h"
#include "diagnose/diagnose.h"
#include "diagnose/diagnoser.h"
#include "diagnose/dns_knowledge.h"
#include "dns/resolver.h"
#include "mailbox/message_source.h"
#include "mailbox/same_file.h"
#include "report/problem_notices.h"
#include "report/record_writer.h"
#include "scan/scanner.h"

namespace bg::cli {

namespace {

struct ScanArguments {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  std::string only = "all";
  unsigned threads = 0;
  bool quiet = false;
  bool diagnose = true;
  bool offline = false;
  ResolverArguments resolver;
  diagnose::OwnerOptions owner;
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

constexpr std::size_t kNoticesShown = 20;

void print_notices(const std::vector<std::string>& notices) {
  for (const std::string& notice : notices) std::fprintf(stderr, "bounceguard: %s\n", notice.c_str());
}

// Problems the output format has no place for go to standard error, one line each.
void report_problems(const scan::ScanSummary& summary, report::Format format) {
  if (!report::lists_problems(format)) print_notices(report::problem_notices(summary, kNoticesShown));
}

// The input that writing to `output` would overwrite, if any: the report would destroy a
// mailbox before it is read.
const std::string* input_at(const std::string& output, const ScanArguments& arguments) {
  for (const std::vector<std::string>* paths :
       {&arguments.inputs, &arguments.owner.sent_paths, &arguments.owner.maillog_paths})
    if (const std::string* input = mailbox::same_file_among(output, *paths)) return input;
  return nullptr;
}

int run_scan(const ScanArguments& arguments) {
  report::Format format;
  try {
    format = report::parse_format(arguments.format);
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitUsage;
  }

  std::ofstream file;
  if (!arguments.output.empty()) {
    if (const std::string* input = input_at(arguments.output, arguments)) {
      std::fprintf(stderr, "bounceguard: -o %s would overwrite the input %s; write the report elsewhere\n",
                   arguments.output.c_str(), input->c_str());
      return kExitUsage;
    }
    errno = 0;
    file.open(arguments.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      const int error = errno;
      std::fprintf(stderr, "bounceguard: cannot write %s%s%s\n", arguments.output.c_str(), error != 0 ? ": " : "",
                   error != 0 ? std::strerror(error) : "");
      return kExitUsage;
    }
  }
  std::ostream& out = arguments.output.empty() ? std::cout : file;
  const bool to_terminal = arguments.output.empty() && isatty(STDOUT_FILENO);

  report::WriterOptions writer_options;
  writer_options.color = use_color(arguments.color, to_terminal);
  writer_options.width = to_terminal ? terminal_width() : 100;
  writer_options.watched = to_terminal;
  std::unique_ptr<report::RecordWriter> writer = report::make_writer(format, out, writer_options);

  scan::ScanOptions options;
  try {
    options.only = scan::parse_record_filter(arguments.only);
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitUsage;
  }
  ProgressBar progress(stderr);
  options.inputs = arguments.inputs;
  options.threads = arguments.threads;
  if (!arguments.quiet) options.on_progress = [&](const scan::Progress& p) { progress.update(p); };

  bool incomplete = false;
  try {
    if (!arguments.diagnose) {
      const scan::ScanSummary summary =
          scan::scan(options, [&](bounce::Record&& record) { writer->write(record); });
      progress.finish();
      writer->finish(summary);
      report_problems(summary, format);
      incomplete = summary.unreadable > 0;
    } else {
      diagnose::DiagnosisSetup setup = diagnose::prepare_diagnosis(arguments.owner);
      print_notices(report::problem_notices(setup.input_problems, setup.input_problems.size(), kNoticesShown));
      std::unique_ptr<dns::Resolver> resolver;
      std::unique_ptr<diagnose::DnsKnowledge> dns_knowledge;
      if (!arguments.offline) {
        resolver = std::make_unique<dns::Resolver>(resolver_options(arguments.resolver));
        dns_knowledge = std::make_unique<diagnose::DnsKnowledge>(*resolver);
      }
      const auto diagnosis_report = report::shows_diagnosis(format) ? diagnose::Diagnoser::Report::kWithSituations
                                                                    : diagnose::Diagnoser::Report::kOwnerOnly;
      diagnose::Diagnoser diagnoser(std::move(setup.owner), *setup.sent,
                                    [&](bounce::Record& record) { writer->write(record); },
                                    dns_knowledge.get(), diagnosis_report);
      const scan::ScanSummary summary =
          scan::scan_batches(options, [&](std::vector<bounce::Record>&& records) { diagnoser.add(std::move(records)); });
      const diagnose::DiagnosisReport diagnosis = diagnoser.finish();
      progress.finish();
      writer->finish(summary, &diagnosis);
      report_problems(summary, format);
      incomplete = summary.unreadable > 0;
    }
    out.flush();
    if (!out) {
      std::fprintf(stderr, "bounceguard: cannot write %s\n",
                   arguments.output.empty() ? "to standard output" : arguments.output.c_str());
      return kExitFailure;
    }
  } catch (const std::invalid_argument& error) {
    progress.finish();
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitUsage;
  } catch (const mailbox::InputError& error) {
    progress.finish();
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitUsage;
  } catch (const std::exception& error) {
    progress.finish();
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitFailure;
  }
  return incomplete ? kExitIncomplete : kExitOk;
}

}  // namespace

std::function<int()> add_scan_command(CLI::App& app) {
  auto arguments = std::make_shared<ScanArguments>();
  CLI::App* scan = app.add_subcommand("scan", "Find the bounces in mailboxes and list every failed recipient");
  scan->add_option("MAILBOX", arguments->inputs,
                   "Mailboxes to read: mbox files, Maildir or other folders (searched recursively),\n"
                   "single .eml or .emlx files, Dovecot sdbox or mdbox stores, gzip/xz/zstd/bzip2-\n"
                   "compressed files, archives of these (tar, zip, 7z, rar), or - for standard input")
      ->required()
      ->type_name("");
  scan->add_option("-f,--format", arguments->format,
                   "Output: text (a summary for a person), json (one document), jsonl (one record\n"
                   "per line, Sisimai-compatible field names) or csv")
      ->capture_default_str();
  scan->footer(
      "Exit codes: 0 the scan ran (whatever it found), 1 it failed midway (e.g. output not writable),\n"
      "2 bad arguments or an input that cannot be read at all, 3 the scan finished but part of an\n"
      "input could not be read (an I/O error, a damaged compressed file or archive, an encrypted\n"
      "member of an archive, an Outlook data file): the problems name it.");
  scan->add_option("-o,--output", arguments->output, "Write to FILE instead of standard output (never over one of the inputs)")
      ->type_name("FILE");
  scan->add_option("--color", arguments->color, "Colour in the text format: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  scan->add_option("--only", arguments->only,
                   "Which records to keep: failed (bounces and delays), hard (permanent failures:\n"
                   "wrong or dead addresses), soft (failures that may pass later) or all (also\n"
                   "delivery reports, auto-replies and feedback reports)")
      ->check(CLI::IsMember({"all", "failed", "hard", "soft"}))
      ->capture_default_str();
  scan->add_option("-j,--threads", arguments->threads, "Parser threads (default: one per core)")
      ->check(CLI::Range(0u, scan::kMaxThreads));
  scan->add_flag("-q,--quiet", arguments->quiet, "No progress bar");
  scan->add_option("--domain", arguments->owner.domains,
                   "Your domain (repeatable); by default the domain the bounces came back to")
      ->group("Who you are (for the diagnosis)");
  scan->add_option("--relay", arguments->owner.relays,
                   "A server your mail leaves through: IP, CIDR or host name (repeatable); by default\n"
                   "learned from your returned mail")
      ->group("Who you are (for the diagnosis)");
  scan->add_option("--sent", arguments->owner.sent_paths,
                   "Your Sent folder, in any format scan reads: its Message-IDs prove what you sent")
      ->type_name("FOLDER")
      ->group("Who you are (for the diagnosis)");
  scan->add_option("--maillog", arguments->owner.maillog_paths,
                   "Your server's Postfix or Exim log (gzip, xz, zstd or bzip2 too): its Message-IDs\n"
                   "prove what you sent")
      ->type_name("FILE")
      ->group("Who you are (for the diagnosis)");
  scan->add_flag("--offline", arguments->offline,
                 "No DNS at all: do not read your SPF record for your relays, nor ask blocklists")
      ->group("DNS");
  add_resolver_options(*scan, arguments->resolver);
  scan->add_flag("--no-diagnosis{false}", arguments->diagnose,
                 "Only list the bounces: no verdict on who sent the originals and why they bounced");
  return [scan, arguments] { return scan->parsed() ? run_scan(*arguments) : -1; };
}

}  // namespace bg::cli
