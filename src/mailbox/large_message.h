#pragma once
// What every reader keeps of a message too large to keep whole: its start, cut after a line
// break, with a notice. Memory then stays bounded whatever a mailbox holds, and a mailbox gives
// the same messages whether it is read from a mapped file or from a stream.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bg::mailbox {

// A message's headers, and a bounce's report, lie far within its first 32 MiB.
inline constexpr std::size_t kLargestMessage = std::size_t{32} << 20;

// Whether `message`, complete, is kept only for its start. A message is cut as the start of one
// too large to finish would be (the two bytes are the empty line an mbox adds to each), so that
// what is kept never depends on where a reader's buffers end.
bool is_too_large(std::string_view message, std::size_t largest);

// The start of `message` that is kept: the whole lines of its first `largest` - 1 bytes, or all
// those bytes when they hold no line break.
std::string_view kept_start(std::string_view message, std::size_t largest, char line_break);

// "32 MiB", or "1000 bytes" for a limit that is not a whole number of MiB.
std::string size_limit_text(std::size_t largest);

// "message 3 (counted from 0) is larger than 32 MiB: only its start was read"
std::string too_large_notice(std::uint64_t index, std::size_t largest);

}  // namespace bg::mailbox
