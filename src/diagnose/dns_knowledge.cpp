#include "diagnose/dns_knowledge.h"

#include <algorithm>
#include <exception>
#include <vector>

#include "check/blocklists.h"
#include "check/spf_audit.h"
#include "diagnose/ip_range.h"

namespace bg::diagnose {

void DnsKnowledge::learn_relays(Owner& owner) {
  for (const std::string& domain : owner.domains) {
    try {
      const check::SpfAudit spf = check::audit_spf(resolver_, domain);
      if (!spf.found) {
        owner.learned_from.push_back("no SPF record found for " + domain);
        continue;
      }
      std::string relays;
      for (const check::AuthorizedNetwork& network : spf.authorized) {
        owner.relays.push_back(IpRange{network.address, network.prefix_length});
        relays += (relays.empty() ? "" : ", ") + network.to_string();
      }
      for (const std::string& host : spf.hosts) add_relay(owner, host);
      if (!relays.empty()) owner.learned_from.push_back("relays " + relays + ": from " + domain + "'s SPF record");
    } catch (const std::exception& error) {
      owner.learned_from.push_back("could not read " + domain + "'s SPF record: " + error.what());
    }
  }
}

void DnsKnowledge::check_refused(const std::set<std::string>& addresses, DiagnosisReport& report) {
  std::vector<dns::IpAddress> ips;
  for (const std::string& text : addresses)
    if (const auto address = parse_ip(text)) ips.push_back(*address);
  if (ips.empty()) return;
  const auto situation = std::find_if(report.situations.begin(), report.situations.end(),
                                      [](const Situation& s) { return s.kind == SituationKind::kBlocklisted; });
  if (situation == report.situations.end()) return;
  try {
    const check::BlocklistReport lookups = check::check_blocklists(resolver_, ips, {}, check::default_blocklists());
    for (const check::BlocklistListing& listing : lookups.listings) {
      situation->evidence.push_back(listing.subject + " is listed on " + listing.list + " (" + listing.zone + ": " +
                                    listing.meaning + ")");
      if (!listing.removal_page.empty())
        situation->actions.push_back("Ask " + listing.list + " to remove " + listing.subject + ": " + listing.removal_page);
    }
    if (lookups.listings.empty() && lookups.failures.empty())
      situation->evidence.push_back("the DNS blocklists of data/blocklists.tsv do not list " + std::to_string(ips.size()) +
                                    (ips.size() == 1 ? " refused address" : " refused addresses") + " today");
  } catch (const std::exception& error) {
    situation->evidence.push_back(std::string("the blocklists could not be asked: ") + error.what());
  }
}

}  // namespace bg::diagnose
