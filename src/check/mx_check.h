#pragma once
// A domain's MX records: null MX (RFC 7505), and whether every mail host resolves.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check/findings.h"
#include "dns/resolver.h"

namespace bg::check {

struct MailHost {
  std::uint16_t preference = 0;
  std::string name;
  std::vector<std::string> addresses;
};

struct MxReport {
  std::vector<MailHost> hosts;  // by preference
  bool null_mx = false;         // "MX 0 ." is published
  dns::Dnssec dnssec = dns::Dnssec::unchecked;
  std::vector<Finding> findings;
};

MxReport check_mx(dns::Resolver& resolver, std::string_view domain);

}  // namespace bg::check
