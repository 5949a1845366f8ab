#include "dns/resolver_address.h"

#include <charconv>

namespace bg::dns {

namespace {

std::optional<std::uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535)
    return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::string ResolverAddress::to_string() const {
  const std::string host = ip.is_v4() ? ip.to_string() : "[" + ip.to_string() + "]";
  return host + ":" + std::to_string(port);
}

std::optional<ResolverAddress> parse_resolver_address(std::string_view text) {
  std::string_view host = text;
  std::optional<std::uint16_t> port = 53;
  if (text.starts_with('[')) {
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = text.substr(1, close - 1);
    const std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = parse_port(rest.substr(1));
    }
  } else if (const std::size_t colon = text.find(':');
             colon != std::string_view::npos &&
             text.find(':', colon + 1) == std::string_view::npos) {
    // One colon: IPv4 with a port. Several: a bare IPv6 address.
    host = text.substr(0, colon);
    port = parse_port(text.substr(colon + 1));
  }
  const std::optional<IpAddress> ip = IpAddress::parse(host);
  if (!ip || !port) return std::nullopt;
  return ResolverAddress{*ip, *port};
}

}  // namespace bg::dns
