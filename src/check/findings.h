#pragma once
// Findings: what a domain check concludes, each with a stable id, a severity, a one-line
// explanation and, where it applies, the DNS record to publish. Every id comes from one
// catalogue, which docs/findings.md lists (a test keeps the two equal).
#include <string>
#include <string_view>
#include <vector>

namespace bg::check {

enum class Severity {
  critical,  // spoofing succeeds or mail is refused because of it
  warning,   // weakens the domain's protection or risks failures
  info,      // worth knowing; nothing is broken
};

std::string_view to_string(Severity severity);

struct FindingKind {
  std::string_view id;
  Severity severity;
  std::string_view meaning;  // the catalogue's one-line description
};

// Every kind of finding the checks can produce.
const std::vector<FindingKind>& finding_catalogue();

struct Finding {
  std::string id;
  Severity severity = Severity::info;
  std::string message;  // one line about this domain
  std::string record;   // a record to publish, in zone-file form; "" when none applies
};

// A finding of the catalogued kind `id`; throws std::logic_error for an id the catalogue lacks.
Finding make_finding(std::string_view id, std::string message, std::string record = "");

}  // namespace bg::check
