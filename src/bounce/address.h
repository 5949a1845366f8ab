#pragma once
// Email addresses as they appear in bounces: inside angle brackets, after "rfc822;", quoted,
// with display names and comments around them.
#include <string>
#include <string_view>

namespace bg::bounce {

// Stands for a recipient a report concerns but does not name.
inline constexpr std::string_view kUndisclosedRecipient = "undisclosed-recipient@undisclosed.invalid";

// The first email address in `text`, without brackets or quotes; empty when there is none.
std::string find_address(std::string_view text);
// The same address as a view of `text`, for a caller that only compares it or keeps it no longer
// than the text.
std::string_view address_in(std::string_view text);

// Whether `text` is exactly one plausible address (local@domain).
bool is_address(std::string_view text);

// The part after the last '@' as written, without trailing '>' or '.'; empty when there is no '@'.
std::string_view domain_part(std::string_view address);
// The same, lowercased.
std::string domain_of(std::string_view address);

// Whether the address belongs to a mail system rather than a person (MAILER-DAEMON, postmaster).
bool is_mailer_daemon(std::string_view text);

}  // namespace bg::bounce
