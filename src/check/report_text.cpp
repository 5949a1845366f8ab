#include "check/report_text.h"

#include <algorithm>

namespace bg::check {

namespace {

std::string plural(std::size_t count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

void write_verdict(std::ostream& out, const DomainReport& report) {
  const auto count = [&](Severity severity) {
    return static_cast<std::size_t>(
        std::ranges::count(report.findings, severity, &Finding::severity));
  };
  const std::size_t critical = count(Severity::critical);
  const std::size_t warnings = count(Severity::warning);
  out << report.domain << ": ";
  if (critical > 0)
    out << "spoofable or blocked - " << plural(critical, "critical problem");
  else if (warnings > 0)
    out << "protected, with weaknesses";
  else
    out << "well protected";
  out << " (critical: " << critical << ", warnings: " << warnings
      << ", notes: " << count(Severity::info) << ")\n";
}

void write_findings(std::ostream& out, const std::vector<Finding>& findings) {
  if (findings.empty()) return;
  out << "\n";
  for (const Finding& finding : findings) {
    out << "  " << to_string(finding.severity)
        << std::string(10 - to_string(finding.severity).size(), ' ') << finding.id
        << "\n            " << finding.message << "\n";
    if (!finding.record.empty()) out << "            publish: " << finding.record << "\n";
  }
}

void write_records(std::ostream& out, const DomainReport& report) {
  out << "\n";
  const SpfAudit& spf = report.spf;
  out << "  SPF        " << (spf.found ? spf.record : "(none)") << "\n";
  if (spf.found)
    out << "             " << spf.dns_lookups << " of 10 DNS look-ups, "
        << plural(spf.authorized.size(), "authorized network")
        << (spf.includes.empty() ? "" : ", includes " + std::to_string(spf.includes.size()))
        << "\n";
  const DmarcDiscovery& dmarc = report.dmarc;
  out << "  DMARC      "
      << (dmarc.record ? dmarc.record->text + "  (at _dmarc." + dmarc.record_domain + ")"
                       : "(none)")
      << "\n             organizational domain " << dmarc.organizational_domain << "\n";
  out << "  DKIM       ";
  if (report.dkim.empty())
    out << "(no key at " << plural(report.dkim_selectors_tried.size(), "selector") << " tried)";
  for (std::size_t i = 0; i < report.dkim.size(); ++i) {
    const DkimKey& key = report.dkim[i];
    out << (i ? "\n             " : "") << key.selector << ": " << key.key_type;
    if (key.bits) out << " " << key.bits << " bits";
    if (key.revoked) out << " (revoked)";
    if (key.testing) out << " (testing)";
  }
  out << "\n  MX         ";
  if (report.mx.null_mx)
    out << "null MX (receives no mail)";
  else if (report.mx.hosts.empty())
    out << "(none)";
  for (std::size_t i = 0; i < report.mx.hosts.size(); ++i) {
    const MailHost& host = report.mx.hosts[i];
    out << (i ? "\n             " : "") << host.preference << " " << host.name;
    if (!host.addresses.empty())
      out << " (" << host.addresses.front() << (host.addresses.size() > 1 ? ", ..." : "") << ")";
  }
  out << "\n";
  for (const auto& [label, record] :
       {std::pair{"MTA-STS", &report.policies.mta_sts},
        std::pair{"TLS-RPT", &report.policies.tls_rpt}, std::pair{"BIMI", &report.policies.bimi}})
    out << "  " << label << std::string(11 - std::string_view(label).size(), ' ')
        << record->text.value_or("(none)") << "\n";
  const BlocklistReport& blocklists = report.blocklists;
  out << "  Blocklists " << blocklists.subjects.size() << " addresses and domains checked in "
      << blocklists.queries << (blocklists.queries == 1 ? " query: " : " queries: ")
      << (blocklists.listings.empty() ? "not listed"
                                      : plural(blocklists.listings.size(), "listing"))
      << "\n";
}

}  // namespace

void write_text(std::ostream& out, const DomainReport& report) {
  write_verdict(out, report);
  write_findings(out, report.findings);
  write_records(out, report);
}

void write_text(std::ostream& out, const SpfVerdict& verdict) {
  out << to_string(verdict.result) << ": " << verdict.reason << "\n";
  if (verdict.explanation) out << "explanation: " << *verdict.explanation << "\n";
  out << verdict.dns_lookups << " of 10 DNS look-ups, " << verdict.void_lookups
      << " of 2 void look-ups\n";
  for (const std::string& step : verdict.steps) out << "  " << step << "\n";
}

}  // namespace bg::check
