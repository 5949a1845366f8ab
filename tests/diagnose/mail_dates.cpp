#include "mail_dates.h"

#include <fmt/format.h>

namespace bg::testing::scenarios {

namespace {

constexpr const char* kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // from 1970-01-01
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Civil {
  int year, month, day, hour, minute, second;
  const char* weekday;
};

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Howard Hinnant's civil_from_days and days_from_civil.
Civil civil_of(std::int64_t unix_time) {
  const std::int64_t days = floor_div(unix_time, 86400);
  const std::int64_t seconds = unix_time - days * 86400;
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2));
  return {year, month, day, static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
          static_cast<int>(seconds % 60), kWeekdays[((days % 7) + 7) % 7]};
}

}  // namespace

std::int64_t unix_time_of(int year, int month, int day, int hour, int minute, int second) {
  year -= month <= 2;
  const std::int64_t era = floor_div(year, 400);
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  const std::int64_t days = era * 146097 + day_of_era - 719468;
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::string rfc5322_date(Moment moment) {
  const Civil c = civil_of(moment.unix_time + moment.offset_minutes * 60);
  const int offset = moment.offset_minutes < 0 ? -moment.offset_minutes : moment.offset_minutes;
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} {}{:02}{:02}", c.weekday, c.day, kMonths[c.month - 1],
                     c.year, c.hour, c.minute, c.second, moment.offset_minutes < 0 ? '-' : '+', offset / 60,
                     offset % 60);
}

std::string mbox_date(std::int64_t unix_time) {
  const Civil c = civil_of(unix_time);
  return fmt::format("{} {} {:2} {:02}:{:02}:{:02} {}", c.weekday, kMonths[c.month - 1], c.day, c.hour, c.minute,
                     c.second, c.year);
}

std::string syslog_date(Moment moment) {
  const Civil c = civil_of(moment.unix_time + moment.offset_minutes * 60);
  return fmt::format("{} {:2} {:02}:{:02}:{:02}", kMonths[c.month - 1], c.day, c.hour, c.minute, c.second);
}

}  // namespace bg::testing::scenarios
