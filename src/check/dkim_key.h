#pragma once
// DKIM public-key records (RFC 6376 section 3.6.1) at <selector>._domainkey.<domain>: key type
// and size, testing mode and revocation, for the selectors a user names and the common ones.
#include <string>
#include <string_view>
#include <vector>

#include "check/findings.h"
#include "dns/resolver.h"

namespace bg::check {

struct DkimKey {
  std::string selector;
  std::string text;              // the record as published
  std::string key_type = "rsa";  // k=
  int bits = 0;                  // the RSA modulus size; 256 for ed25519; 0 when unreadable
  bool testing = false;          // t=y
  bool revoked = false;          // an empty p=
  std::vector<std::string> problems;
  dns::Dnssec dnssec = dns::Dnssec::unchecked;
};

DkimKey parse_dkim_key(std::string_view selector, std::string_view text);

// Selectors that mail services and software use by default, tried when none is given.
const std::vector<std::string>& common_dkim_selectors();

// The keys found at `selectors` (in that order); selectors without a key are left out.
// Failed look-ups are reported in `failures`.
std::vector<DkimKey> look_up_dkim_keys(dns::Resolver& resolver, std::string_view domain,
                                       const std::vector<std::string>& selectors,
                                       std::vector<std::string>& failures);

std::vector<Finding> audit_dkim(std::string_view domain, const std::vector<DkimKey>& keys,
                                const std::vector<std::string>& selectors_tried);

}  // namespace bg::check
