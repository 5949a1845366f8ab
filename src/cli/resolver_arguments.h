#pragma once
// The DNS options that `check` and `spf` share: --resolver, --timeout and --no-dnssec.
#include <CLI/CLI.hpp>
#include <string>

#include "dns/resolver.h"

namespace bg::cli {

struct ResolverArguments {
  std::string server;
  double timeout_seconds = 5;
  bool no_dnssec = false;
};

void add_resolver_options(CLI::App& command, ResolverArguments& arguments);

// Throws std::invalid_argument with a message for the user when --resolver is not IP[:PORT].
dns::ResolverOptions resolver_options(const ResolverArguments& arguments);

}  // namespace bg::cli
