#include "mailbox/large_message.h"

namespace bg::mailbox {

bool is_too_large(std::string_view message, std::size_t largest) { return message.size() + 2 >= largest; }

std::string_view kept_start(std::string_view message, std::size_t largest, char line_break) {
  // Short of the last byte of the largest, which a stream reader may overwrite while it passes
  // over the rest.
  const std::size_t last_break = message.substr(0, largest - 1).rfind(line_break);
  return message.substr(0, last_break == std::string_view::npos ? largest - 1 : last_break + 1);
}

std::string size_limit_text(std::size_t largest) {
  return largest % (std::size_t{1} << 20) == 0 ? std::to_string(largest >> 20) + " MiB"
                                               : std::to_string(largest) + " bytes";
}

std::string too_large_notice(std::uint64_t index, std::size_t largest) {
  return "message " + std::to_string(index) + " (counted from 0) is larger than " + size_limit_text(largest) +
         ": only its start was read";
}

}  // namespace bg::mailbox
