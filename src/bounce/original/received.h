#pragma once
// Reading one Received header (RFC 5321 section 4.4) into its parts, across the shapes Postfix,
// Exim, Sendmail, qmail and Microsoft write.
#include <string>
#include <string_view>

#include "bounce/record.h"

namespace bg::bounce {

// `value` is the header value, folded or not: its folds need no unfolding first. Fields the
// line does not show are left empty.
ReceivedHop parse_received(std::string_view value);
// The same, written into `hop`, which is new: a reader of many lines reads each into its place.
void parse_received(std::string_view value, ReceivedHop& hop);

// The by_host and the from_host of parse_received(), without reading the rest of the line. They
// are read from the value folded or not: its folds need no unfolding first.
std::string received_by_host(std::string_view value);
std::string received_from_host(std::string_view value);

// Whether `text` is an IPv4 or IPv6 address.
bool is_ip_address(std::string_view text);

}  // namespace bg::bounce
