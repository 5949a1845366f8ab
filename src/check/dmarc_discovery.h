#pragma once
// Finding the DMARC record that applies to a domain and its organizational domain by the DNS
// tree walk of RFC 9989 section 4.10 (no Public Suffix List): _dmarc at the domain, then at
// ever shorter names, jumping to seven labels first when the name is longer.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/dmarc_record.h"
#include "dns/resolver.h"

namespace bg::check {

struct DmarcDiscovery {
  std::optional<DmarcRecord> record;  // the record that applies to the domain
  std::string record_domain;          // the domain whose _dmarc name holds it
  std::string organizational_domain;
  dns::Dnssec dnssec = dns::Dnssec::unchecked;
  std::vector<std::string> several_records_at;  // names whose records were all discarded as several
  std::vector<std::string> failures;            // names whose look-up failed, with the reason
};

// The domains the tree walk asks about, in order: "a.b.c.d.e.f.g.h.example.com" gives itself,
// then "d.e.f.g.h.example.com" (seven labels), "e.f.g.h.example.com", ..., "com".
std::vector<std::string> dmarc_walk_domains(std::string_view domain);

DmarcDiscovery discover_dmarc(dns::Resolver& resolver, std::string_view domain);

}  // namespace bg::check
