#pragma once
// Counts written for a person: 1204 reads as "1,204".
#include <cstdint>
#include <string>

namespace bg::report {

std::string human_number(std::uint64_t n);

}  // namespace bg::report
