#include "cli/check_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "check/domain_check.h"
#include "check/report_json.h"
#include "check/report_text.h"
#include "cli/exit_codes.h"
#include "cli/resolver_arguments.h"

namespace bg::cli {

namespace {

struct CheckArguments {
  std::string domain;
  std::string format = "text";
  std::vector<std::string> selectors;
  std::vector<std::string> addresses;
  std::string blocklists;
  ResolverArguments resolver;
};

std::vector<check::Blocklist> blocklists_from(const std::string& path) {
  return path.empty() ? check::default_blocklists() : check::read_blocklist_file(path);
}

int run_check(const CheckArguments& arguments) {
  check::CheckOptions options;
  dns::ResolverOptions resolver_settings;
  try {
    resolver_settings = resolver_options(arguments.resolver);
    options.selectors = arguments.selectors;
    options.blocklists = blocklists_from(arguments.blocklists);
    for (const std::string& text : arguments.addresses) {
      const std::optional<dns::IpAddress> address = dns::IpAddress::parse(text);
      if (!address) throw std::invalid_argument("--ip " + text + " is not an IP address");
      options.extra_addresses.push_back(*address);
    }
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitUsage;
  }

  check::DomainReport report;
  try {
    dns::Resolver resolver(resolver_settings);
    report = check::check_domain(resolver, arguments.domain, options);
  } catch (const std::exception& error) {  // unreachable resolver, bad domain, resolver set-up
    std::fprintf(stderr, "bounceguard: cannot check %s: %s\n", arguments.domain.c_str(),
                 error.what());
    return kExitUsage;
  }

  if (arguments.format == "json")
    std::cout << check::to_json(report).dump(2) << "\n";
  else
    check::write_text(std::cout, report);
  std::cout.flush();
  if (!std::cout) {
    std::fprintf(stderr, "bounceguard: cannot write the report\n");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

std::function<int()> add_check_command(CLI::App& app) {
  auto arguments = std::make_shared<CheckArguments>();
  CLI::App* command = app.add_subcommand("check",
                                         "Check a domain's defences (SPF, DMARC, DKIM, MX, "
                                         "MTA-STS, blocklists) and say what to publish");
  command->add_option("domain", arguments->domain, "The domain to check, e.g. example.com")
      ->required();
  command->add_option("-f,--format", arguments->format, "Output: text (for a person) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("--selector", arguments->selectors,
                      "A DKIM selector to look up (repeatable); common ones are always tried");
  command->add_option("--ip", arguments->addresses,
                      "Also check this sending address against the blocklists (repeatable)");
  command->add_option(
      "--blocklists", arguments->blocklists,
      "A table of blocklists shaped like data/blocklists.tsv instead of the built-in one");
  add_resolver_options(*command, arguments->resolver);
  command->footer("Exit codes: 0 the check ran (whatever it found), 2 it could not run.");
  return [command, arguments] { return command->parsed() ? run_check(*arguments) : -1; };
}

}  // namespace bg::cli
