#pragma once
// The two code tables of data/: what an enhanced status code means (status-codes.tsv), and the
// code to report for a reason when a bounce gave none (reason-codes.tsv).
#include <string>
#include <string_view>

namespace bg::bounce {

// The reason an enhanced status code stands for ("5.1.1" -> "userunknown"); empty when the code
// is unknown or too general to say.
std::string_view reason_of_status(std::string_view status);

// The x.0.9xx code used for `reason` when the bounce carried no code; empty when the reason has
// none in that class (e.g. no temporary code for userunknown).
std::string_view pseudo_status(std::string_view reason, bool temporary);

}  // namespace bg::bounce
