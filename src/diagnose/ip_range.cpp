#include "diagnose/ip_range.h"

#include <charconv>

#include "mime/ascii.h"

namespace bg::diagnose {

namespace {

bool in(const dns::IpAddress& address, std::string_view network, int prefix_length) {
  return address.within(*dns::IpAddress::parse(network), prefix_length);
}

}  // namespace

std::optional<dns::IpAddress> parse_ip(std::string_view text) {
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (mime::istarts_with(text, "ipv6:")) text.remove_prefix(5);
  if (text.empty()) return std::nullopt;
  return dns::IpAddress::parse(text);
}

bool is_internal(const dns::IpAddress& address) {
  const dns::IpAddress plain = address.unmapped();
  if (plain.is_v4()) {
    return in(plain, "0.0.0.0", 8) || in(plain, "10.0.0.0", 8) || in(plain, "127.0.0.0", 8) ||
           in(plain, "100.64.0.0", 10) || in(plain, "169.254.0.0", 16) || in(plain, "172.16.0.0", 12) ||
           in(plain, "192.168.0.0", 16);
  }
  return in(plain, "::1", 128) || in(plain, "fc00::", 7) || in(plain, "fe80::", 10);
}

std::string network_of(const dns::IpAddress& address) {
  const std::string text = address.to_string();
  if (address.is_v4()) {
    const std::size_t second_dot = text.find('.', text.find('.') + 1);
    return text.substr(0, second_dot) + ".0.0/16";
  }
  // The first 32 bits of an IPv6 address: the last eight of its reversed nibbles, read back.
  const std::string nibbles = address.reversed_labels();  // "1.0.0.0. ... .8.b.d.0.1.0.0.2"
  std::string first;
  for (std::size_t i = nibbles.size(); i > 0 && first.size() < 9; i -= 2) {
    if (first.size() == 4) first.push_back(':');
    first.push_back(nibbles[i - 1]);
    if (i < 2) break;
  }
  return first + "::/32";
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
