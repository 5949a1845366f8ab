#include "bounce/engines/failed_recipients.h"

#include "bounce/address.h"

namespace bg::bounce {

std::vector<std::string> failed_recipients(const BounceMessage& message) {
  std::vector<std::string> addresses;
  std::string_view list = message.headers().raw("X-Failed-Recipients");
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (std::string address = find_address(list.substr(0, comma)); !address.empty())
      addresses.push_back(std::move(address));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return addresses;
}

}  // namespace bg::bounce
