#include "report/ranking.h"

#include <algorithm>

namespace bg::report {

Ranking rank_by_count(const std::unordered_map<std::string, std::uint64_t>& counts, std::size_t limit) {
  Ranking ranking(counts.begin(), counts.end());
  std::sort(ranking.begin(), ranking.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (ranking.size() > limit) ranking.resize(limit);
  return ranking;
}

}  // namespace bg::report
