#pragma once
// Reading an SPF record (RFC 7208 sections 4.5, 4.6 and 12) into its mechanisms and modifiers.
// Any syntax error anywhere makes the whole record a permerror, so the parser reads all of it
// and reports the first fault with its byte position.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dns/ip_address.h"

namespace bg::check {

// The processing limits of RFC 7208 section 4.6.4.
constexpr int kMaxDnsLookups = 10;         // include, a, mx, ptr, exists and redirect together
constexpr int kMaxVoidLookups = 2;         // look-ups that find no records
constexpr std::size_t kMaxMxRecords = 10;  // per mx mechanism
constexpr std::size_t kMaxPtrNames = 10;   // PTR names read per ptr mechanism or %{p}

enum class Qualifier { pass, fail, softfail, neutral };

// '+', '-', '~' or '?'.
char qualifier_symbol(Qualifier qualifier);

enum class MechanismKind { all, include, a, mx, ptr, ip4, ip6, exists };

std::string_view to_string(MechanismKind kind);

struct Mechanism {
  Qualifier qualifier = Qualifier::pass;
  MechanismKind kind = MechanismKind::all;
  std::string target;  // the domain-spec of include, a, mx, ptr, exists; "" for the current domain
  std::optional<dns::IpAddress> network;  // ip4 and ip6
  int ip4_prefix = 32;                    // ip4, a, mx
  int ip6_prefix = 128;                   // ip6, a, mx
  std::string text;                       // the term as written
  std::size_t position = 0;               // where the term starts in the record

  // include, a, mx, ptr and exists cost a DNS look-up (RFC 7208 section 4.6.4).
  bool needs_dns() const;
};

struct SpfRecord {
  std::vector<Mechanism> mechanisms;
  std::optional<std::string> redirect;     // domain-spec
  std::optional<std::string> explanation;  // domain-spec of exp=
};

struct SpfSyntaxError {
  std::size_t position = 0;
  std::string message;
};

// Whether a TXT record's text is an SPF record: "v=spf1" (any case) then a space or the end.
bool is_spf_record(std::string_view text);

// `text` is a whole record that passes is_spf_record().
std::variant<SpfRecord, SpfSyntaxError> parse_spf_record(std::string_view text);

// Whether a domain-spec keeps to RFC 7208 section 7.1: a macro string that ends in a macro or
// in a top label that is not all digits.
bool is_valid_domain_spec(std::string_view spec);

}  // namespace bg::check
