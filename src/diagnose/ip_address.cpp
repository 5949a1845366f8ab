#include "diagnose/ip_address.h"

#include <arpa/inet.h>

#include <charconv>

namespace bg::diagnose {

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.size() > 5 && (text.substr(0, 5) == "IPv6:" || text.substr(0, 5) == "ipv6:")) text.remove_prefix(5);
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  const std::string terminated(text);
  IpAddress address;
  if (inet_pton(AF_INET, terminated.c_str(), address.bytes.data()) == 1) return address;
  if (inet_pton(AF_INET6, terminated.c_str(), address.bytes.data()) == 1) {
    address.v6 = true;
    return address;
  }
  return std::nullopt;
}

std::string IpAddress::to_string() const {
  char buffer[INET6_ADDRSTRLEN] = {};
  inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), buffer, sizeof buffer);
  return buffer;
}

bool IpAddress::is_internal() const {
  const auto& b = bytes;
  if (!v6) {
    return b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && (b[1] & 0xF0) == 16) ||
           (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && (b[1] & 0xC0) == 64);
  }
  bool loopback = b[15] == 1;
  for (int i = 0; i < 15; ++i) loopback = loopback && b[i] == 0;
  return loopback || (b[0] & 0xFE) == 0xFC || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80);
}

std::string IpAddress::network() const {
  IpRange range{*this, v6 ? 32 : 16};
  for (std::size_t i = static_cast<std::size_t>(range.prefix_length / 8); i < 16; ++i) range.base.bytes[i] = 0;
  return range.to_string();
}

std::optional<IpRange> IpRange::parse(std::string_view text) {
  IpRange range;
  const std::size_t slash = text.find('/');
  const auto base = IpAddress::parse(text.substr(0, slash));
  if (!base) return std::nullopt;
  range.base = *base;
  const int maximum = base->v6 ? 128 : 32;
  range.prefix_length = maximum;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    int length = -1;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
    if (error != std::errc() || end != digits.data() + digits.size() || length < 0 || length > maximum)
      return std::nullopt;
    range.prefix_length = length;
  }
  return range;
}

bool IpRange::contains(const IpAddress& address) const {
  if (address.v6 != base.v6) return false;
  int bits = prefix_length;
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xFF : static_cast<std::uint8_t>(0xFF << (8 - bits));
    if ((address.bytes[i] & mask) != (base.bytes[i] & mask)) return false;
  }
  return true;
}

std::string IpRange::to_string() const {
  const int maximum = base.v6 ? 128 : 32;
  return prefix_length == maximum ? base.to_string() : base.to_string() + "/" + std::to_string(prefix_length);
}

}  // namespace bg::diagnose
