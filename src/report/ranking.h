#pragma once
// Turns a tally into a ranking: most frequent first, ties in name order.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bg::report {

using Ranking = std::vector<std::pair<std::string, std::uint64_t>>;

Ranking rank_by_count(const std::unordered_map<std::string, std::uint64_t>& counts,
                      std::size_t limit = std::numeric_limits<std::size_t>::max());

}  // namespace bg::report
