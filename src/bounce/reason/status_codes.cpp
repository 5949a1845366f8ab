#include "bounce/reason/status_codes.h"

#include <unordered_map>
#include <vector>

#include "bounce/reason/name_index.h"
#include "data/embedded_files.h"
#include "data/tsv.h"

namespace bg::bounce {

namespace {

// The codes of status-codes.tsv and their reasons, row by row: found through a NameIndex, whose
// hash of a few bytes costs less than std::hash of the whole code.
struct StatusReasons {
  std::vector<std::string_view> codes;
  std::vector<std::string_view> reasons;  // by position in `codes`
};

StatusReasons read_status_reasons() {
  StatusReasons rows;
  for (const auto& row : data::read_tsv(data::embedded_file("status-codes.tsv"))) {
    if (row.size() < 2) continue;
    rows.codes.push_back(row[0]);
    rows.reasons.push_back(row[1]);
  }
  return rows;
}

struct Tables {
  StatusReasons status_reasons = read_status_reasons();
  NameIndex status_index{status_reasons.codes};
  std::unordered_map<std::string_view, std::pair<std::string_view, std::string_view>> codes_by_reason;

  Tables() {
    for (const auto& row : data::read_tsv(data::embedded_file("reason-codes.tsv")))
      if (row.size() >= 3) codes_by_reason.emplace(row[0], std::pair{row[1], row[2] == "-" ? "" : row[2]});
  }
};

const Tables& tables() {
  static const Tables instance;
  return instance;
}

}  // namespace

std::string_view reason_of_status(std::string_view status) {
  const Tables& all = tables();
  const int at = all.status_index.find(status);
  return at < 0 ? std::string_view() : all.status_reasons.reasons[static_cast<std::size_t>(at)];
}

std::string_view pseudo_status(std::string_view reason, bool temporary) {
  const auto& map = tables().codes_by_reason;
  const auto it = map.find(reason);
  if (it == map.end()) return {};
  return temporary ? it->second.second : it->second.first;
}

}  // namespace bg::bounce
