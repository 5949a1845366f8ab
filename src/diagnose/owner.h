#pragma once
// Who the mailbox belongs to: the owner's domains and the relays their real mail leaves through,
// as given on the command line or learned from the mail itself (see owner_learning.h).
#include <string>
#include <string_view>
#include <vector>

#include "diagnose/ip_range.h"

namespace bg::diagnose {

struct Owner {
  std::vector<std::string> domains;      // lowercased
  std::vector<IpRange> relays;           // outbound IPs and networks
  std::vector<std::string> relay_hosts;  // outbound host names, lowercased
  std::vector<std::string> learned_from; // one line per fact learned, saying from what

  // The domain is one of the owner's, or a subdomain of one.
  bool owns_domain(std::string_view domain) const;
  bool owns_address(std::string_view address) const;
  bool is_relay(const dns::IpAddress& address) const;
  bool is_relay(std::string_view ip) const;
  // The host is a named relay, or a host of one of the owner's domains.
  bool is_relay_host(std::string_view host) const;
  bool knows_relays() const { return !relays.empty() || !relay_hosts.empty(); }
};

// Adds a relay given as "203.0.113.10", "203.0.113.0/24" or "mail.example.com"; false when it
// is none of these.
bool add_relay(Owner& owner, std::string_view relay);

}  // namespace bg::diagnose
