#pragma once
// What each reason of the taxonomy means, in plain English, for the text report.
#include <span>
#include <string_view>

namespace bg::report {

struct ReasonMeaning {
  std::string_view reason;
  std::string_view meaning;
};

// Every reason a record can carry, in name order.
std::span<const ReasonMeaning> reason_meanings();

// The meaning of `reason`, or an empty view for a reason the table does not know.
std::string_view meaning_of(std::string_view reason);

}  // namespace bg::report
