#include "cli/resolver_arguments.h"

#include <stdexcept>

namespace bg::cli {

void add_resolver_options(CLI::App& command, ResolverArguments& arguments) {
  command.add_option("--resolver", arguments.server,
                     "Ask this recursive resolver, IP[:PORT] (default: those of /etc/resolv.conf)");
  command.add_option("--timeout", arguments.timeout_seconds, "Seconds to wait for each DNS answer")
      ->check(CLI::Range(0.05, 120.0))
      ->capture_default_str();
  command.add_flag("--no-dnssec", arguments.no_dnssec,
                   "Do not validate answers with DNSSEC (for a resolver that strips signatures)");
}

dns::ResolverOptions resolver_options(const ResolverArguments& arguments) {
  dns::ResolverOptions options;
  if (!arguments.server.empty()) {
    options.server = dns::parse_resolver_address(arguments.server);
    if (!options.server)
      throw std::invalid_argument("--resolver " + arguments.server +
                                  " is not IP[:PORT], e.g. 192.0.2.53:53");
  }
  options.timeout = std::chrono::milliseconds(static_cast<long>(arguments.timeout_seconds * 1000));
  if (arguments.no_dnssec) options.trust_anchor_file.clear();
  return options;
}

}  // namespace bg::cli
