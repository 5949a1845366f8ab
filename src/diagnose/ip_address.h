#pragma once
// IP addresses and ranges, for telling the owner's relays from the rest of the internet.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bg::diagnose {

struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first four

  static std::optional<IpAddress> parse(std::string_view text);
  std::string to_string() const;
  // Loopback, private, link-local or otherwise not on the public internet.
  bool is_internal() const;
  // The network the address belongs to, for counting how spread out senders are: the /16 of an
  // IPv4 address, the /32 of an IPv6 one ("185.220.0.0/16").
  std::string network() const;

  bool operator==(const IpAddress&) const = default;
};

struct IpRange {
  IpAddress base;
  int prefix_length = 0;

  // "203.0.113.10", "203.0.113.0/24", "2001:db8::/32".
  static std::optional<IpRange> parse(std::string_view text);
  bool contains(const IpAddress& address) const;
  std::string to_string() const;
};

}  // namespace bg::diagnose
