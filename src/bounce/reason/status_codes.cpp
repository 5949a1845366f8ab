#include "bounce/reason/status_codes.h"

#include <unordered_map>

#include "data/embedded_files.h"
#include "data/tsv.h"

namespace bg::bounce {

namespace {

struct Tables {
  std::unordered_map<std::string_view, std::string_view> reason_by_status;
  std::unordered_map<std::string_view, std::pair<std::string_view, std::string_view>> codes_by_reason;

  Tables() {
    for (const auto& row : data::read_tsv(data::embedded_file("status-codes.tsv")))
      if (row.size() >= 2) reason_by_status.emplace(row[0], row[1]);
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
  const auto& map = tables().reason_by_status;
  const auto it = map.find(status);
  return it == map.end() ? std::string_view() : it->second;
}

std::string_view pseudo_status(std::string_view reason, bool temporary) {
  const auto& map = tables().codes_by_reason;
  const auto it = map.find(reason);
  if (it == map.end()) return {};
  return temporary ? it->second.second : it->second.first;
}

}  // namespace bg::bounce
