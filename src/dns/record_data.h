#pragma once
// Reading the wire-format rdata of the record types mail checks use.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bg::dns {

// The character-strings of one TXT record, each at most 255 bytes (RFC 1035 section 3.3.14).
// Malformed data yields the strings read before the fault.
std::vector<std::string> txt_strings(std::string_view rdata);

// The strings of one TXT record glued together without separators, as SPF, DKIM and DMARC
// read them.
std::string txt_text(std::string_view rdata);

struct MxRecord {
  std::uint16_t preference = 0;
  std::string exchange;  // "" for the root, as in a null MX (RFC 7505)
};

std::optional<MxRecord> read_mx(std::string_view rdata);

// The domain name that is the whole rdata of a PTR record (or a CNAME or NS record).
std::optional<std::string> read_name(std::string_view rdata);

}  // namespace bg::dns
