#pragma once
// RFC 7208 check_host(): whether a host may send mail for a domain, with every mechanism and
// modifier, macros, the limits of ten DNS look-ups and two void look-ups, and exp= texts.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dns/ip_address.h"
#include "dns/resolver.h"

namespace bg::check {

enum class SpfResult { none, neutral, pass, fail, softfail, temperror, permerror };

std::string_view to_string(SpfResult result);

struct SpfRequest {
  dns::IpAddress ip;   // the connecting client
  std::string sender;  // MAIL FROM; empty for a bounce, which checks the HELO identity instead
  std::string helo;
};

struct SpfVerdict {
  SpfResult result = SpfResult::none;
  std::string domain;  // the domain whose policy was checked
  std::string reason;  // one line: the term that decided, or what went wrong and where
  std::optional<std::string> explanation;  // the domain's exp= text, for a fail
  int dns_lookups = 0;
  int void_lookups = 0;
  std::vector<std::string> steps;  // how the evaluation went, one line each
};

SpfVerdict check_host(dns::Resolver& resolver, const SpfRequest& request);

}  // namespace bg::check
