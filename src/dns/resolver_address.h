#pragma once
// The address of a recursive resolver as a user writes it: IP[:PORT], with IPv6 in brackets
// when a port follows ("[2001:db8::53]:5353").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dns/ip_address.h"

namespace bg::dns {

struct ResolverAddress {
  IpAddress ip;
  std::uint16_t port = 53;

  // "192.0.2.53:5353" or "[2001:db8::53]:53", for messages.
  std::string to_string() const;
};

// nullopt when `text` is not an address, or the port is not a number from 1 to 65535.
std::optional<ResolverAddress> parse_resolver_address(std::string_view text);

}  // namespace bg::dns
