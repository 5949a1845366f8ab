#include "check/findings.h"

#include <algorithm>
#include <stdexcept>

namespace bg::check {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::critical:
      return "critical";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "?";
}

const std::vector<FindingKind>& finding_catalogue() {
  using enum Severity;
  static const std::vector<FindingKind> catalogue = {
      {"dns.no_such_domain", critical, "The domain does not exist in the DNS."},
      {"spf.missing", critical,
       "No SPF record: receivers cannot tell the domain's servers from anyone else's."},
      {"spf.multiple_records", critical,
       "More than one v=spf1 record: every SPF check ends in permerror."},
      {"spf.syntax_error", critical,
       "The SPF record, or one it includes, does not parse: permerror."},
      {"spf.lookup_failed", warning,
       "An SPF record could not be fetched (DNS failure or timeout): temperror."},
      {"spf.all_pass", critical,
       "+all authorizes every host on the internet to send as the domain."},
      {"spf.all_neutral", warning,
       "?all says nothing about unlisted hosts, so SPF never rejects spoofed mail."},
      {"spf.all_softfail", warning,
       "~all asks receivers to mark, not refuse, mail from unlisted hosts."},
      {"spf.no_all", warning,
       "The record ends without all or redirect: unlisted hosts get neutral."},
      {"spf.too_many_lookups", critical,
       "More than 10 DNS-querying terms across the include tree: permerror."},
      {"spf.too_many_void_lookups", critical,
       "More than 2 terms name domains without records: permerror."},
      {"spf.void_lookup", warning,
       "A term names a domain without records; it counts toward the void limit."},
      {"spf.include_loop", critical,
       "An include or redirect leads back to a record already being read."},
      {"spf.duplicate_include", warning,
       "The same domain is included twice; the second costs look-ups for nothing."},
      {"spf.include_missing", critical,
       "An include or redirect names a domain without an SPF record: permerror."},
      {"spf.ptr_used", warning, "The ptr mechanism is deprecated (RFC 7208 section 5.5) and slow."},
      {"spf.too_many_mx", critical,
       "An mx mechanism names a domain with more than 10 MX records: permerror."},
      {"spf.record_too_long", warning,
       "The record is over 450 bytes and may not fit a 512-byte DNS answer."},
      {"spf.answer_too_large", warning,
       "The TXT records at the name exceed 512 bytes together; some resolvers fail."},
      {"spf.string_too_long", critical,
       "A string over 255 bytes cannot be published; split the record."},
      {"dmarc.missing", critical,
       "No DMARC record: receivers have no policy against forged From addresses."},
      {"dmarc.policy_none", warning, "p=none only monitors: forged mail is delivered."},
      {"dmarc.policy_missing", warning, "The record has no p= tag, so it is read as p=none."},
      {"dmarc.multiple_records", critical,
       "More than one DMARC record at a name: all of them are ignored."},
      {"dmarc.syntax_error", critical, "The DMARC record has a malformed or invalid tag."},
      {"dmarc.testing", warning,
       "t=y asks receivers to apply the policy one step weaker (testing mode)."},
      {"dmarc.subdomain_policy_weaker", warning,
       "sp= or np= is weaker than p=: subdomains can be forged."},
      {"dmarc.removed_tag", info, "pct, rf and ri were removed by RFC 9989 and are ignored."},
      {"dmarc.unknown_tag", info, "A tag DMARC does not define; receivers ignore it."},
      {"dmarc.no_reports", warning, "No rua= address: the domain never learns who sends as it."},
      {"dmarc.report_destination_unverified", warning,
       "A report address in another domain that has not published the verification record."},
      {"dmarc.invalid_report_address", warning, "A rua= or ruf= value that is not a mailto: URI."},
      {"dmarc.inherited", info,
       "No record at the domain itself; the organizational domain's record applies."},
      {"dmarc.wrong_place", warning, "A DMARC record published where receivers never look."},
      {"dmarc.lookup_failed", warning,
       "The DMARC record could not be fetched (DNS failure or timeout)."},
      {"dkim.none_found", warning,
       "No DKIM key at the selectors tried (give yours with --selector)."},
      {"dkim.weak_key", critical,
       "An RSA key under 1024 bits, which can be factored: signatures can be forged."},
      {"dkim.small_key", info, "An RSA key under 2048 bits; 2048 is the recommended size."},
      {"dkim.testing", warning,
       "t=y marks the key as testing: receivers treat its signatures as unsigned."},
      {"dkim.revoked", info, "An empty p= revokes the key: mail signed with it fails."},
      {"dkim.invalid_key", critical, "The key record does not parse or its key cannot be read."},
      {"mx.missing", warning, "No MX record: mail goes to the domain's address record, if any."},
      {"mx.null", info, "A null MX (RFC 7505): the domain declares that it receives no mail."},
      {"mx.null_with_others", critical,
       "A null MX next to other MX records, which RFC 7505 forbids."},
      {"mx.unresolvable", critical, "An MX host has no address: mail to it cannot be delivered."},
      {"mx.lookup_failed", warning,
       "The MX records could not be fetched (DNS failure or timeout)."},
      {"mta_sts.missing", info,
       "No MTA-STS record: senders may deliver without TLS if an attacker strips it."},
      {"mta_sts.invalid", warning,
       "The _mta-sts record is malformed, so senders ignore the policy."},
      {"tls_rpt.missing", info, "No TLS-RPT record: the domain gets no reports of TLS failures."},
      {"tls_rpt.invalid", warning, "The _smtp._tls record is malformed, so no reports are sent."},
      {"bimi.missing", info, "No BIMI record: mail clients show no brand logo."},
      {"bimi.needs_enforcement", warning,
       "BIMI is published but DMARC does not enforce: logos are not shown."},
      {"blocklist.listed", critical,
       "An address or the domain is on a DNS blocklist: receivers refuse the mail."},
      {"blocklist.query_refused", info,
       "A blocklist refused to answer (it may block public resolvers)."},
  };
  return catalogue;
}

Finding make_finding(std::string_view id, std::string message, std::string record) {
  const auto& catalogue = finding_catalogue();
  const auto kind = std::ranges::find(catalogue, id, &FindingKind::id);
  if (kind == catalogue.end()) throw std::logic_error("uncatalogued finding " + std::string(id));
  return Finding{std::string(id), kind->severity, std::move(message), std::move(record)};
}

}  // namespace bg::check
