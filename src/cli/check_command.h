#pragma once
// `bounceguard check`: a domain's SPF, DMARC, DKIM, MX and blocklist standing, as findings with
// the records to publish.
#include <CLI/CLI.hpp>
#include <functional>

namespace bg::cli {

// Registers the command on `app`; the returned function runs it when it was the one given
// (returning its exit code) and returns -1 otherwise.
std::function<int()> add_check_command(CLI::App& app);

}  // namespace bg::cli
