#pragma once
// Reading a DMARC policy record as RFC 9989 (which obsoletes RFC 7489) defines it: p, sp, np,
// psd, t, adkim, aspf, rua, ruf and fo; the removed pct, rf and ri and unknown tags are noted and
// otherwise ignored; a missing p= reads as none.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bg::check {

enum class DmarcPolicy { none, quarantine, reject };

std::string_view to_string(DmarcPolicy policy);

struct DmarcRecord {
  std::string text;
  DmarcPolicy policy = DmarcPolicy::none;
  bool policy_given = false;                      // false: p= was missing
  std::optional<DmarcPolicy> subdomain_policy;    // sp=
  std::optional<DmarcPolicy> nonexistent_policy;  // np=: for subdomains that do not exist
  char psd = 'u';                                 // psd=y (a public suffix), n (an org domain), u
  bool testing = false;                           // t=y
  char dkim_alignment = 'r';                      // adkim= r (relaxed) or s (strict)
  char spf_alignment = 'r';                       // aspf=
  std::vector<std::string> aggregate_reports;     // rua= URIs
  std::vector<std::string> failure_reports;       // ruf= URIs
  std::vector<std::string> removed_tags;          // pct, rf, ri as written
  std::vector<std::string> unknown_tags;
  std::vector<std::string> problems;  // malformed pieces and invalid values, one line each

  // The policy for a subdomain: np for one that does not exist, then sp, then p.
  DmarcPolicy policy_for_subdomain(bool exists) const;
};

// Whether a TXT record is a DMARC record: its first tag is v=DMARC1.
bool is_dmarc_record(std::string_view text);

// `text` passes is_dmarc_record().
DmarcRecord parse_dmarc_record(std::string_view text);

// The mail domain of a mailto: report URI ("mailto:reports@example.net!10m" gives
// "example.net"); nullopt for any other kind of URI.
std::optional<std::string> report_uri_domain(std::string_view uri);

}  // namespace bg::check
