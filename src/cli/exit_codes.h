#pragma once
// The exit codes every bounceguard command keeps to, so that scripts can rely on them.

namespace bg::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the run started but could not finish (e.g. output not writable)
constexpr int kExitUsage = 2;    // bad arguments, or an input that cannot be read at all
// The scan ran to the end, but part of an input could not be read (an I/O error, a damaged
// compressed file): the results are incomplete. The problems name what was lost.
constexpr int kExitIncomplete = 3;

}  // namespace bg::cli
