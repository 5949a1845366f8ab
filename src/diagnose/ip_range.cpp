#include "diagnose/ip_range.h"

#include <algorithm>
#include <charconv>
#include <span>

#include "mime/ascii.h"

namespace bg::diagnose {

std::optional<dns::IpAddress> parse_ip(std::string_view text) {
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (mime::istarts_with(text, "ipv6:")) text.remove_prefix(5);
  if (text.empty()) return std::nullopt;
  return dns::IpAddress::parse(text);
}

// Private, loopback, link-local and shared address space (RFC 1918, 6598, 3927, 4193, 4291),
// told by the first bytes: every hop of every bounce asks, and most are public addresses.
bool is_internal(const dns::IpAddress& address) {
  const dns::IpAddress plain = address.unmapped();
  const std::span<const std::uint8_t> bytes = plain.bytes();
  if (plain.is_v4()) {
    switch (bytes[0]) {
      case 0:    // 0.0.0.0/8
      case 10:   // 10.0.0.0/8
      case 127:  // 127.0.0.0/8
        return true;
      case 100: return (bytes[1] & 0xC0) == 64;  // 100.64.0.0/10
      case 169: return bytes[1] == 254;          // 169.254.0.0/16
      case 172: return (bytes[1] & 0xF0) == 16;  // 172.16.0.0/12
      case 192: return bytes[1] == 168;          // 192.168.0.0/16
      default: return false;
    }
  }
  if ((bytes[0] & 0xFE) == 0xFC) return true;                      // fc00::/7
  if (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80) return true;  // fe80::/10
  // ::1: fifteen zero bytes, then a one.
  return bytes[15] == 1 && std::all_of(bytes.begin(), bytes.end() - 1, [](std::uint8_t byte) { return byte == 0; });
}

dns::IpAddress network_of(const dns::IpAddress& address) {
  const std::span<const std::uint8_t> bytes = address.bytes();
  const std::size_t kept = address.is_v4() ? 2 : 4;
  char network[16] = {};
  std::copy_n(bytes.begin(), kept, network);
  return *dns::IpAddress::from_bytes({network, bytes.size()});
}

std::optional<IpRange> IpRange::parse(std::string_view text) {
  const std::size_t slash = text.find('/');
  const auto base = parse_ip(text.substr(0, slash));
  if (!base) return std::nullopt;
  const int maximum = base->is_v4() ? 32 : 128;
  IpRange range{*base, maximum};
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

std::string IpRange::to_string() const {
  const int maximum = base.is_v4() ? 32 : 128;
  return prefix_length == maximum ? base.to_string() : base.to_string() + "/" + std::to_string(prefix_length);
}

}  // namespace bg::diagnose
