#pragma once
// The exit codes every bounceguard command keeps to, so that scripts can rely on them.

namespace bg::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the run started but could not finish (e.g. output not writable)
constexpr int kExitUsage = 2;    // bad arguments, or an input that cannot be read at all

}  // namespace bg::cli
