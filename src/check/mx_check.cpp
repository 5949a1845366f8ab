#include "check/mx_check.h"

#include <algorithm>

#include "dns/domain_name.h"
#include "dns/record_data.h"

namespace bg::check {

MxReport check_mx(dns::Resolver& resolver, std::string_view domain_text) {
  const std::string domain = dns::normalize_name(domain_text);
  MxReport report;
  const dns::Answer answer = resolver.resolve(domain, dns::RecordType::mx);
  report.dnssec = answer.dnssec;
  if (answer.is_failure()) {
    report.findings.push_back(
        make_finding("mx.lookup_failed",
                     "the MX records of " + domain + " could not be fetched: " + answer.detail));
    return report;
  }
  if (!answer.answered()) {
    report.findings.push_back(make_finding("mx.missing",
                                           domain +
                                               " has no MX record; if it receives no mail, say so "
                                               "with a null MX",
                                           domain + ". MX 0 ."));
    return report;
  }
  for (const std::string& rdata : answer.records) {
    const std::optional<dns::MxRecord> mx = dns::read_mx(rdata);
    if (!mx) continue;
    if (mx->exchange.empty()) {
      report.null_mx = true;
      continue;
    }
    report.hosts.push_back({mx->preference, dns::normalize_name(mx->exchange), {}});
  }
  std::ranges::sort(report.hosts, {}, &MailHost::preference);
  if (report.null_mx) {
    report.findings.push_back(
        report.hosts.empty()
            ? make_finding("mx.null", domain + " publishes a null MX: it receives no mail")
            : make_finding("mx.null_with_others",
                           domain + " publishes a null MX next to other MX records"));
  }

  std::vector<dns::Question> questions;
  for (const MailHost& host : report.hosts) {
    questions.push_back({host.name, dns::RecordType::a});
    questions.push_back({host.name, dns::RecordType::aaaa});
  }
  const std::vector<dns::Answer> addresses = resolver.resolve_all(questions);
  for (std::size_t i = 0; i < report.hosts.size(); ++i) {
    MailHost& host = report.hosts[i];
    bool failed = false;
    for (const dns::Answer& address : {addresses[2 * i], addresses[2 * i + 1]}) {
      failed = failed || address.is_failure();
      for (const std::string& rdata : address.records)
        if (const auto ip = dns::IpAddress::from_bytes(rdata))
          host.addresses.push_back(ip->to_string());
    }
    if (host.addresses.empty() && !failed)
      report.findings.push_back(make_finding(
          "mx.unresolvable",
          "the mail host " + host.name + " of " + domain + " has no IPv4 or IPv6 address"));
  }
  return report;
}

}  // namespace bg::check
