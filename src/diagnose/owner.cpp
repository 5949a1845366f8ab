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
  // The dot before the domain is asked for first: it rules out most other names in one byte.
  const std::size_t start = name.size() - domain.size();
  if (start > 0 && name[start - 1] != '.') return false;
  // Names come lowercase as a rule, as the owner's domains are kept: compared as bytes first.
  const std::string_view tail = name.substr(start);
  return tail == domain || mime::iequals(tail, domain);
}

}  // namespace

bool Owner::owns_domain(std::string_view domain) const {
  for (const std::string& own : domains)
    if (within(domain, own)) return true;
  return false;
}

bool Owner::owns_address(std::string_view address) const { return owns_domain(bounce::domain_of(address)); }

bool Owner::is_relay(const dns::IpAddress& address) const {
  for (const IpRange& range : relays)
    if (range.contains(address)) return true;
  return false;
}

bool Owner::is_relay(std::string_view ip) const {
  const auto address = parse_ip(ip);
  return address && is_relay(*address);
}

bool Owner::is_relay_host(std::string_view host) const {
  if (host.empty()) return false;
  for (const std::string& relay : relay_hosts)
    if (mime::iequals(host, relay)) return true;
  // The domains are asked here rather than through owns_domain(), which is not inlined: several
  // hosts of every bounce are asked about.
  for (const std::string& own : domains)
    if (within(host, own)) return true;
  return false;
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
