#pragma once
// SPF macro strings (RFC 7208 section 7): checking their syntax and expanding them, as used in
// domain-specs (%{d}, %{i}, %{ir}.%{v}...) and in explanation texts.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "dns/ip_address.h"

namespace bg::check {

enum class MacroUse {
  domain_spec,  // letters s l o d i p v h
  explanation,  // also c r t, and spaces between the macro-strings
};

// Where a macro string first breaks the grammar, or nullopt when it is well formed.
std::optional<std::size_t> macro_syntax_error(std::string_view text, MacroUse use);

// Whether a well-formed macro string ends in a macro-expand ("%{d}", "%%", "%_" or "%-").
bool ends_in_macro(std::string_view text);

// The values a macro expansion reads.
struct MacroValues {
  std::string sender;         // %{s}: local-part@domain
  std::string local_part;     // %{l}
  std::string sender_domain;  // %{o}
  std::string domain;         // %{d}: the domain whose record is being evaluated
  dns::IpAddress ip;          // %{i}, %{c}, %{v}
  std::string helo;           // %{h}
  // %{p}: looked up only when a record uses it, since it costs DNS queries.
  std::function<std::string()> validated_name;
};

// The expansion of a well-formed `text`; nullopt when it is malformed.
std::optional<std::string> expand_macros(std::string_view text, const MacroValues& values,
                                         MacroUse use);

// A domain name that expanded past 253 bytes loses whole labels from the left until it fits
// (RFC 7208 section 7.3).
std::string truncate_domain(std::string name);

}  // namespace bg::check
