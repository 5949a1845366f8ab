#include "diagnose/owner.h"

#include <algorithm>

#include "bounce/address.h"
#include "mime/ascii.h"

namespace bg::diagnose {

namespace {

bool is_host_name(std::string_view text) {
  if (text.empty() || text.find('.') == std::string_view::npos) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

bool within(std::string_view name, std::string_view domain) {
  if (name.size() < domain.size()) return false;
  if (!mime::iequals(name.substr(name.size() - domain.size()), domain)) return false;
  return name.size() == domain.size() || name[name.size() - domain.size() - 1] == '.';
}

}  // namespace

bool Owner::owns_domain(std::string_view domain) const {
  return std::any_of(domains.begin(), domains.end(), [&](const std::string& own) { return within(domain, own); });
}

bool Owner::owns_address(std::string_view address) const { return owns_domain(bounce::domain_of(address)); }

bool Owner::is_relay(const dns::IpAddress& address) const {
  return std::any_of(relays.begin(), relays.end(), [&](const IpRange& range) { return range.contains(address); });
}

bool Owner::is_relay(std::string_view ip) const {
  const auto address = parse_ip(ip);
  return address && is_relay(*address);
}

bool Owner::is_relay_host(std::string_view host) const {
  if (host.empty()) return false;
  if (std::any_of(relay_hosts.begin(), relay_hosts.end(), [&](const std::string& relay) { return mime::iequals(host, relay); }))
    return true;
  return owns_domain(host);
}

bool add_relay(Owner& owner, std::string_view relay) {
  if (const auto range = IpRange::parse(relay)) {
    owner.relays.push_back(*range);
    return true;
  }
  if (!is_host_name(relay)) return false;
  owner.relay_hosts.push_back(mime::lowercase(relay));
  return true;
}

}  // namespace bg::diagnose
