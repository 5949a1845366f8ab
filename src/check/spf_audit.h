#pragma once
// Auditing a domain's SPF set-up for `check`: the record and every record it includes or
// redirects to, read once each without a client address. It counts what receivers will count
// (DNS-querying terms, void look-ups), finds loops, repeats and deprecated terms, judges the
// final all, and flattens the tree into the networks the domain authorizes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/findings.h"
#include "check/spf_record.h"
#include "dns/ip_address.h"
#include "dns/resolver.h"

namespace bg::check {

struct AuthorizedNetwork {
  dns::IpAddress address;
  int prefix_length = 32;
  std::string source;  // the term it comes from and the domain of its record: "a:mail.example.com"

  std::string to_string() const;  // "192.0.2.0/24"
};

struct SpfAudit {
  bool found = false;  // the domain has exactly one SPF record
  std::string record;  // that record's text
  dns::Dnssec dnssec = dns::Dnssec::unchecked;
  int dns_lookups = 0;   // DNS-querying terms in the whole tree, the most a receiver may count
  int void_lookups = 0;  // terms whose names have no records
  std::optional<Qualifier> all;               // the all that ends the evaluation, through redirects
  std::vector<std::string> includes;          // every domain included or redirected to
  std::vector<AuthorizedNetwork> authorized;  // the flattened list of sending networks
  std::vector<std::string> hosts;             // the names a and mx terms authorize
  std::vector<std::string> unflattened;       // terms whose hosts depend on each message
  std::vector<Finding> findings;
};

SpfAudit audit_spf(dns::Resolver& resolver, std::string_view domain);

// The findings that can be seen in a record's strings alone, without the DNS: syntax (with
// where a string boundary cut a term), size, the final all and deprecated terms. Useful before
// publishing a record.
std::vector<Finding> audit_spf_strings(std::string_view domain,
                                       const std::vector<std::string>& strings);

}  // namespace bg::check
