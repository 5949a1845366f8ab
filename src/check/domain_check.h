#pragma once
// `check`: everything about a domain's defences in one report — SPF, DMARC, DKIM keys, MX,
// MTA-STS, TLS-RPT, BIMI and the blocklists — with the findings that matter to its owner.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "check/blocklists.h"
#include "check/dkim_key.h"
#include "check/dmarc_discovery.h"
#include "check/findings.h"
#include "check/mx_check.h"
#include "check/policy_records.h"
#include "check/spf_audit.h"
#include "dns/resolver.h"

namespace bg::check {

struct CheckOptions {
  std::vector<std::string> selectors;           // DKIM selectors to try first
  std::vector<dns::IpAddress> extra_addresses;  // e.g. the relays named in bounce replies
  std::vector<Blocklist> blocklists = default_blocklists();
};

struct DomainReport {
  std::string domain;
  std::vector<Finding> findings;  // most severe first
  SpfAudit spf;
  DmarcDiscovery dmarc;
  std::vector<std::string> dkim_selectors_tried;
  std::vector<DkimKey> dkim;
  MxReport mx;
  PolicyRecords policies;
  BlocklistReport blocklists;
};

// The resolver gave no usable answer at all (silence, or answers that all fail DNSSEC
// validation): nothing can be checked.
class CannotCheck : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws CannotCheck when the first question goes unanswered within the timeout, or its answer
// fails DNSSEC validation for want of any signatures from the resolver.
DomainReport check_domain(dns::Resolver& resolver, std::string_view domain,
                          const CheckOptions& options = {});

// The addresses a domain's SPF tree authorizes one by one (single hosts, not whole networks),
// which are the ones worth asking blocklists about.
std::vector<dns::IpAddress> sending_addresses(const SpfAudit& spf);

}  // namespace bg::check
