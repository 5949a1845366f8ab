#include "cli/spf_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "check/report_json.h"
#include "check/report_text.h"
#include "check/spf_evaluator.h"
#include "cli/exit_codes.h"
#include "cli/resolver_arguments.h"

namespace bg::cli {

namespace {

struct SpfArguments {
  std::string ip;
  std::string sender;
  std::string helo;
  std::string format = "text";
  ResolverArguments resolver;
};

int run_spf(const SpfArguments& arguments) {
  const std::optional<dns::IpAddress> ip = dns::IpAddress::parse(arguments.ip);
  if (!ip) {
    std::fprintf(stderr, "bounceguard: %s is not an IP address\n", arguments.ip.c_str());
    return kExitUsage;
  }
  try {
    dns::Resolver resolver(resolver_options(arguments.resolver));
    // Without a HELO name, the sender's domain stands in (it only matters for %{h} and bounces).
    std::string helo = arguments.helo;
    if (helo.empty()) helo = arguments.sender.substr(arguments.sender.rfind('@') + 1);
    const check::SpfVerdict verdict = check::check_host(resolver, {*ip, arguments.sender, helo});
    if (arguments.format == "json")
      std::cout << check::to_json(verdict).dump(2) << "\n";
    else
      check::write_text(std::cout, verdict);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bounceguard: %s\n", error.what());
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

std::function<int()> add_spf_command(CLI::App& app) {
  auto arguments = std::make_shared<SpfArguments>();
  CLI::App* command = app.add_subcommand(
      "spf", "Evaluate SPF (RFC 7208 check_host) for a sending address and sender");
  command->add_option("ip", arguments->ip, "The connecting client's IPv4 or IPv6 address")
      ->required();
  command
      ->add_option("sender", arguments->sender,
                   "The MAIL FROM address (or a domain), e.g. alice@example.com")
      ->required();
  command->add_option("--helo", arguments->helo,
                      "The HELO/EHLO name (checked instead when the sender is empty)");
  command->add_option("-f,--format", arguments->format, "Output: text (for a person) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_resolver_options(*command, arguments->resolver);
  command->footer("Exit codes: 0 the check ran (whatever the result), 2 it could not run.");
  return [command, arguments] { return command->parsed() ? run_spf(*arguments) : -1; };
}

}  // namespace bg::cli
