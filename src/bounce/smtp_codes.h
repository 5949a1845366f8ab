#pragma once
// Finding the codes inside a server's reply: the enhanced status code (RFC 3463, "5.1.1") and
// the SMTP reply code (RFC 5321, "550").
#include <string>
#include <string_view>

namespace bg::bounce {

// The first enhanced status code in `text` ("#5.1.1", "550-5.1.1", "5.7.26"); empty when none.
// Numbers that only look like codes (IP addresses, versions such as 4.2.1.3) are skipped.
std::string find_status_code(std::string_view text);

// The first SMTP reply code in `text` (4xx or 5xx, or 250-253); empty when none. Given a
// `preferred_class` ('2', '4' or '5'), the first code of that class when the text holds one.
// IP addresses are not mistaken for codes, and "X-Unix;" texts carry none.
std::string find_reply_code(std::string_view text, char preferred_class = 0);

// Whether `code` is a well-formed enhanced status code class 2, 4 or 5.
bool is_status_code(std::string_view code);

}  // namespace bg::bounce
