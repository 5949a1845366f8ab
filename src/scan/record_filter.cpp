#include "scan/record_filter.h"

#include <stdexcept>
#include <string>

namespace bg::scan {

namespace {

bool is_failure(const bounce::Record& record) {
  return record.kind == bounce::MessageKind::kBounce || record.kind == bounce::MessageKind::kDelay;
}

}  // namespace

bool keeps(RecordFilter filter, const bounce::Record& record) {
  switch (filter) {
    case RecordFilter::kAll:
      return true;
    case RecordFilter::kFailed:
      return is_failure(record);
    case RecordFilter::kHard:
      return is_failure(record) && record.hardbounce;
    case RecordFilter::kSoft:
      return is_failure(record) && !record.hardbounce;
  }
  return true;
}

RecordFilter parse_record_filter(std::string_view name) {
  if (name == "all") return RecordFilter::kAll;
  if (name == "failed") return RecordFilter::kFailed;
  if (name == "hard") return RecordFilter::kHard;
  if (name == "soft") return RecordFilter::kSoft;
  throw std::invalid_argument("--only takes hard, soft, failed or all, not '" + std::string(name) + "'");
}

}  // namespace bg::scan
