#include "check/dmarc_audit.h"

#include <algorithm>

#include "check/zone_record.h"
#include "dns/domain_name.h"
#include "dns/record_data.h"

namespace bg::check {

namespace {

int strength(DmarcPolicy policy) { return static_cast<int>(policy); }

// The record to move to: p=quarantine with the existing report addresses, or one at the domain.
std::string enforcing_record(std::string_view owner_domain, const DmarcRecord* current) {
  std::string text = "v=DMARC1; p=quarantine";
  std::string reports = "mailto:dmarc-reports@" + std::string(owner_domain);
  if (current && !current->aggregate_reports.empty()) {
    reports.clear();
    for (const std::string& uri : current->aggregate_reports)
      reports += (reports.empty() ? "" : ",") + uri;
  }
  text += "; rua=" + reports;
  if (current && current->dkim_alignment == 's') text += "; adkim=s";
  if (current && current->spf_alignment == 's') text += "; aspf=s";
  return txt_record("_dmarc." + std::string(owner_domain), text);
}

constexpr std::string_view kThenReject =
    "; when the aggregate reports show all your own mail passing, move to p=reject";

void audit_report_addresses(dns::Resolver& resolver, const DmarcDiscovery& discovery,
                            std::vector<Finding>& findings) {
  const DmarcRecord& record = *discovery.record;
  std::vector<std::string> uris = record.aggregate_reports;
  uris.insert(uris.end(), record.failure_reports.begin(), record.failure_reports.end());
  std::vector<dns::Question> questions;
  for (const std::string& uri : uris) {
    const std::optional<std::string> destination = report_uri_domain(uri);
    if (!destination) {
      findings.push_back(
          make_finding("dmarc.invalid_report_address", "'" + uri + "' is not a mailto: address"));
      continue;
    }
    if (dns::is_at_or_below(*destination, discovery.organizational_domain)) continue;
    questions.push_back(
        {discovery.record_domain + "._report._dmarc." + *destination, dns::RecordType::txt});
  }
  const std::vector<dns::Answer> answers = resolver.resolve_all(questions);
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const bool verified = std::ranges::any_of(answers[i].records, [](const std::string& rdata) {
      return dns::txt_text(rdata).starts_with("v=DMARC1");
    });
    if (!verified && !answers[i].is_failure())
      findings.push_back(make_finding("dmarc.report_destination_unverified",
                                      "reports for " + discovery.record_domain +
                                          " go to another domain that has not "
                                          "agreed to receive them, so receivers will not send them",
                                      txt_record(questions[i].name, "v=DMARC1")));
  }
}

void audit_wrong_places(dns::Resolver& resolver, const std::string& domain,
                        std::vector<Finding>& findings) {
  const std::vector<dns::Question> questions = {{domain, dns::RecordType::txt},
                                                {"dmarc." + domain, dns::RecordType::txt}};
  const std::vector<dns::Answer> answers = resolver.resolve_all(questions);
  for (std::size_t i = 0; i < answers.size(); ++i)
    for (const std::string& rdata : answers[i].records)
      if (is_dmarc_record(dns::txt_text(rdata)))
        findings.push_back(make_finding("dmarc.wrong_place",
                                        "a DMARC record is published at " + questions[i].name +
                                            "; receivers only read _dmarc." + domain,
                                        txt_record("_dmarc." + domain, dns::txt_text(rdata))));
}

}  // namespace

std::vector<Finding> audit_dmarc(dns::Resolver& resolver, std::string_view domain_text,
                                 const DmarcDiscovery& discovery) {
  std::vector<Finding> findings;
  const std::string domain = dns::normalize_name(domain_text);
  audit_wrong_places(resolver, domain, findings);
  for (const std::string& failure : discovery.failures)
    if (failure.starts_with("_dmarc." + domain + ":"))
      findings.push_back(
          make_finding("dmarc.lookup_failed", "the DMARC record could not be fetched: " + failure));
  for (const std::string& name : discovery.several_records_at)
    findings.push_back(
        make_finding("dmarc.multiple_records", "_dmarc." + name +
                                                   " has more than one DMARC record; "
                                                   "receivers ignore them all"));
  if (!discovery.record && !discovery.failures.empty()) return findings;  // unknown, not missing
  if (!discovery.record) {
    const std::string owner =
        discovery.organizational_domain.empty() ? domain : discovery.organizational_domain;
    findings.push_back(make_finding(
        "dmarc.missing",
        "no DMARC record applies to " + domain + "; publish one" + std::string(kThenReject),
        enforcing_record(owner, nullptr)));
    return findings;
  }
  const DmarcRecord& record = *discovery.record;
  const bool inherited = discovery.record_domain != domain;
  if (inherited)
    findings.push_back(
        make_finding("dmarc.inherited", domain + " has no DMARC record of its own; the record of " +
                                            discovery.record_domain + " applies"));
  for (const std::string& problem : record.problems)
    findings.push_back(
        make_finding("dmarc.syntax_error", "_dmarc." + discovery.record_domain + ": " + problem));

  const DmarcPolicy effective = inherited ? record.policy_for_subdomain(true) : record.policy;
  if (!record.policy_given) {
    findings.push_back(make_finding("dmarc.policy_missing",
                                    "the DMARC record of " + discovery.record_domain +
                                        " has no p= tag, so it reads as p=none" +
                                        std::string(kThenReject),
                                    enforcing_record(discovery.record_domain, &record)));
  } else if (effective == DmarcPolicy::none) {
    findings.push_back(make_finding("dmarc.policy_none",
                                    "the DMARC policy for " + domain +
                                        " is none: forged mail is delivered" +
                                        std::string(kThenReject),
                                    enforcing_record(discovery.record_domain, &record)));
  }
  if (record.testing)
    findings.push_back(
        make_finding("dmarc.testing", "the DMARC record of " + discovery.record_domain +
                                          " has t=y, so receivers apply a weaker policy"));
  for (const auto& [tag, value] :
       {std::pair{"sp", record.subdomain_policy}, std::pair{"np", record.nonexistent_policy}})
    if (value && strength(*value) < strength(record.policy))
      findings.push_back(make_finding(
          "dmarc.subdomain_policy_weaker",
          std::string(tag) + "=" + std::string(to_string(*value)) + " is weaker than p=" +
              std::string(to_string(record.policy)) + " in _dmarc." + discovery.record_domain));
  for (const std::string& tag : record.removed_tags)
    findings.push_back(
        make_finding("dmarc.removed_tag", tag + " in _dmarc." + discovery.record_domain +
                                              " is no longer part of DMARC and is ignored"));
  for (const std::string& tag : record.unknown_tags)
    findings.push_back(make_finding("dmarc.unknown_tag",
                                    tag + " in _dmarc." + discovery.record_domain + " is ignored"));
  if (record.aggregate_reports.empty())
    findings.push_back(make_finding(
        "dmarc.no_reports",
        "the DMARC record of " + discovery.record_domain + " asks for no aggregate reports",
        txt_record("_dmarc." + discovery.record_domain,
                   record.text + "; rua=mailto:dmarc-reports@" + discovery.record_domain)));
  audit_report_addresses(resolver, discovery, findings);
  return findings;
}

}  // namespace bg::check
