#include "check/domain_check.h"

#include <algorithm>

#include "check/dmarc_audit.h"
#include "dns/domain_name.h"

namespace bg::check {

namespace {

void append(std::vector<Finding>& findings, const std::vector<Finding>& more) {
  findings.insert(findings.end(), more.begin(), more.end());
}

std::vector<std::string> selectors_to_try(const std::vector<std::string>& given) {
  std::vector<std::string> selectors = given;
  for (const std::string& common : common_dkim_selectors())
    if (std::ranges::find(selectors, common) == selectors.end()) selectors.push_back(common);
  return selectors;
}

}  // namespace

std::vector<dns::IpAddress> sending_addresses(const SpfAudit& spf) {
  std::vector<dns::IpAddress> addresses;
  for (const AuthorizedNetwork& network : spf.authorized) {
    const bool single = network.prefix_length == (network.address.is_v4() ? 32 : 128);
    if (single && std::ranges::find(addresses, network.address) == addresses.end())
      addresses.push_back(network.address);
  }
  return addresses;
}

DomainReport check_domain(dns::Resolver& resolver, std::string_view domain_text,
                          const CheckOptions& options) {
  DomainReport report;
  report.domain = dns::normalize_name(domain_text);
  const std::string& domain = report.domain;
  if (!dns::is_queryable_name(domain))
    throw std::invalid_argument("'" + std::string(domain_text) + "' is not a domain name");

  // One question first: if the resolver is silent, say so once instead of timing out everywhere.
  const dns::Answer probe = resolver.resolve(domain, dns::RecordType::soa);
  if (probe.outcome == dns::Outcome::timed_out)
    throw CannotCheck("no answer from " + resolver.server_description() + " within " +
                      std::to_string(resolver.options().timeout.count()) + " ms; " +
                      (resolver.options().server
                           ? "is a DNS resolver running at that address?"
                           : "check the network or give a resolver with --resolver"));
  if (probe.dnssec == dns::Dnssec::bogus && probe.detail.find("no DNSKEY") != std::string::npos)
    throw CannotCheck(
        resolver.server_description() + " gives answers without the DNSSEC records needed to " +
        "validate them; if it strips them, run again with --no-dnssec (" + probe.detail + ")");
  if (probe.outcome == dns::Outcome::no_such_domain) {
    report.findings.push_back(
        make_finding("dns.no_such_domain", domain + " does not exist in the DNS"));
    return report;
  }

  report.spf = audit_spf(resolver, domain);
  append(report.findings, report.spf.findings);
  report.dmarc = discover_dmarc(resolver, domain);
  append(report.findings, audit_dmarc(resolver, domain, report.dmarc));
  report.dkim_selectors_tried = selectors_to_try(options.selectors);
  std::vector<std::string> dkim_failures;
  report.dkim = look_up_dkim_keys(resolver, domain, report.dkim_selectors_tried, dkim_failures);
  // Keys that could not be fetched are unknown, not missing.
  if (!report.dkim.empty() || dkim_failures.empty())
    append(report.findings, audit_dkim(domain, report.dkim, report.dkim_selectors_tried));
  report.mx = check_mx(resolver, domain);
  append(report.findings, report.mx.findings);
  report.policies = check_policy_records(resolver, domain, report.dmarc);
  append(report.findings, report.policies.findings);

  std::vector<dns::IpAddress> addresses = sending_addresses(report.spf);
  for (const dns::IpAddress& extra : options.extra_addresses)
    if (std::ranges::find(addresses, extra) == addresses.end()) addresses.push_back(extra);
  report.blocklists = check_blocklists(resolver, addresses, {domain}, options.blocklists);
  append(report.findings, blocklist_findings(report.blocklists));

  std::ranges::stable_sort(report.findings, {}, &Finding::severity);
  return report;
}

}  // namespace bg::check
