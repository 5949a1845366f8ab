#include "diagnose/batv.h"

#include "mime/ascii.h"

namespace bg::diagnose {

std::optional<BatvTag> read_batv(std::string_view address) {
  if (!mime::istarts_with(address, "prvs=")) return std::nullopt;
  const std::string_view rest = address.substr(5);
  const std::size_t equals = rest.find('=');
  if (equals != 10) return std::nullopt;
  const std::string_view value = rest.substr(0, 10);
  for (std::size_t i = 0; i < 4; ++i)
    if (value[i] < '0' || value[i] > '9') return std::nullopt;
  for (std::size_t i = 4; i < 10; ++i)
    if (mime::hex_digit_value(value[i]) < 0) return std::nullopt;
  BatvTag tag;
  tag.address = std::string(rest.substr(equals + 1));
  if (tag.address.find('@') == std::string::npos) return std::nullopt;
  tag.key = value[0] - '0';
  tag.day = (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
  tag.hash = mime::lowercase(value.substr(4));
  return tag;
}

bool is_fresh(const BatvTag& tag, std::int64_t when) {
  if (when <= 0) return true;  // no date to check against
  constexpr int kDaysAhead = 10;  // an expiry day up to this far ahead
  constexpr int kDaysBehind = 7;  // or a making day up to this far back
  const int today = static_cast<int>((when / 86400) % 1000);
  const int ahead = (tag.day - today + 1000) % 1000;
  return ahead <= kDaysAhead || ahead >= 1000 - kDaysBehind;
}

}  // namespace bg::diagnose
