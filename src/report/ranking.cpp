#include "report/ranking.h"

#include <algorithm>

namespace bg::report {

Ranking rank_by_count(const std::map<std::string, std::uint64_t>& counts, std::size_t limit) {
  Ranking ranking(counts.begin(), counts.end());
  // The map is in name order already, so a stable sort keeps ties alphabetical.
  std::stable_sort(ranking.begin(), ranking.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranking.size() > limit) ranking.resize(limit);
  return ranking;
}

}  // namespace bg::report
