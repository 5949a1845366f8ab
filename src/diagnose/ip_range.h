#pragma once
// Addresses as the diagnosis needs them: ranges of the owner's relays ("203.0.113.0/24"), whether
// an address is on the public internet, and which network it belongs to.
#include <optional>
#include <string>
#include <string_view>

#include "dns/ip_address.h"

namespace bg::diagnose {

// Reads an address as mail headers write it: bare, in brackets, or "IPv6:"-prefixed.
std::optional<dns::IpAddress> parse_ip(std::string_view text);

// Loopback, private, link-local, shared or otherwise not on the public internet.
bool is_internal(const dns::IpAddress& address);

// The first address of the network the address belongs to, for counting how spread out senders
// are: of the /16 of an IPv4 address (185.220.0.0), of the /32 of an IPv6 one (2001:db8::).
dns::IpAddress network_of(const dns::IpAddress& address);

struct IpRange {
  dns::IpAddress base;
  int prefix_length = 32;

  // "203.0.113.10", "203.0.113.0/24", "2001:db8::/32".
  static std::optional<IpRange> parse(std::string_view text);
  bool contains(const dns::IpAddress& address) const { return address.within(base, prefix_length); }
  std::string to_string() const;
};

}  // namespace bg::diagnose
