#pragma once
// `bounceguard spf`: the RFC 7208 check_host() result for a client address and sender, and why.
#include <CLI/CLI.hpp>
#include <functional>

namespace bg::cli {

// Registers the command on `app`; the returned function runs it when it was the one given
// (returning its exit code) and returns -1 otherwise.
std::function<int()> add_spf_command(CLI::App& app);

}  // namespace bg::cli
