#pragma once
// `bounceguard scan`: find the bounces in mailboxes and report every failed recipient.
#include <CLI/CLI.hpp>
#include <functional>

namespace bg::cli {

// Registers the command on `app`; the returned function runs it when it was the one given
// (returning its exit code) and returns -1 otherwise.
std::function<int()> add_scan_command(CLI::App& app);

}  // namespace bg::cli
