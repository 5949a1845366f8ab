#pragma once
// The findings about a domain's DMARC set-up: missing or weak policies, testing mode, removed
// and unknown tags, report addresses and their verification records (RFC 9989 section 3.4),
// and records published where receivers never look.
#include <string_view>
#include <vector>

#include "check/dmarc_discovery.h"
#include "check/findings.h"
#include "dns/resolver.h"

namespace bg::check {

std::vector<Finding> audit_dmarc(dns::Resolver& resolver, std::string_view domain,
                                 const DmarcDiscovery& discovery);

}  // namespace bg::check
