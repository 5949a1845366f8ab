#pragma once
// Writing moments in time the ways mail writes them.
#include <cstdint>
#include <string>

namespace bg::testing::scenarios {

// A moment and the time zone of whoever writes it down.
struct Moment {
  std::int64_t unix_time = 0;
  int offset_minutes = 0;  // east of UTC
};

// "Tue, 03 Nov 2026 04:12:08 +0000" (RFC 5322).
std::string rfc5322_date(Moment moment);
// "Tue Nov  3 04:12:08 2026", in UTC, as the envelope line of an mbox writes it.
std::string mbox_date(std::int64_t unix_time);
// "Nov  3 04:12:08", in the writer's zone, as syslog starts a line.
std::string syslog_date(Moment moment);
// Unix time of a civil date and time in UTC.
std::int64_t unix_time_of(int year, int month, int day, int hour, int minute, int second);

}  // namespace bg::testing::scenarios
