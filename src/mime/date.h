#pragma once
// Dates as mail writes them (RFC 5322 section 3.3, and the looser forms servers use).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bg::mime {

struct MailDate {
  std::int64_t unix_time = 0;    // seconds since 1970-01-01 UTC
  int offset_minutes = 0;        // the writer's time zone, east of UTC
  std::string offset_text() const;  // "+0900"
};

// Reads "Thu, 29 Apr 2013 23:45:32 +0900 (JST)" and the common variants: no weekday, two-digit
// years, named zones (GMT, EST, JST...), ctime order ("Thu Sep 18 17:54:04 2008").
std::optional<MailDate> parse_mail_date(std::string_view text);

}  // namespace bg::mime
