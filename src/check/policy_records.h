#pragma once
// The small version-tagged records next to SPF and DMARC: MTA-STS (RFC 8461) at _mta-sts,
// TLS-RPT (RFC 8460) at _smtp._tls and BIMI at default._bimi.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/dmarc_discovery.h"
#include "check/findings.h"
#include "dns/resolver.h"

namespace bg::check {

struct PolicyRecord {
  std::string name;                 // where it is looked up, e.g. "_mta-sts.example.com"
  std::optional<std::string> text;  // the record, when one is published
  std::vector<std::string> problems;
  bool lookup_failed = false;  // unknown rather than missing
};

struct PolicyRecords {
  PolicyRecord mta_sts;
  PolicyRecord tls_rpt;
  PolicyRecord bimi;
  std::vector<Finding> findings;
};

// `dmarc` tells whether the domain enforces DMARC, without which BIMI logos are not shown.
PolicyRecords check_policy_records(dns::Resolver& resolver, std::string_view domain,
                                   const DmarcDiscovery& dmarc);

}  // namespace bg::check
