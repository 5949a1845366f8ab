#pragma once
// The JSON documents of `check` and `spf`.
#include <nlohmann/json.hpp>

#include "check/domain_check.h"
#include "check/spf_evaluator.h"

namespace bg::check {

// {"domain", "findings": [{"id", "severity", "message", "record"}], "spf", "dmarc", "dkim", "mx",
//  "mta_sts", "tls_rpt", "bimi", "blocklists"}
nlohmann::ordered_json to_json(const DomainReport& report);

// {"result", "domain", "reason", "explanation", "dns_lookups", "void_lookups", "steps"}
nlohmann::ordered_json to_json(const SpfVerdict& verdict);

}  // namespace bg::check
