#pragma once
// `--only`: which records a scan keeps. Failures are bounces and delay warnings; delivery
// reports, auto-replies and feedback reports are not failures.
#include <string_view>

#include "bounce/record.h"

namespace bg::scan {

enum class RecordFilter {
  kAll,     // every record, failures and reports alike
  kFailed,  // failures only
  kHard,    // permanent failures: the address is wrong or gone
  kSoft,    // failures that may pass another time
};

bool keeps(RecordFilter filter, const bounce::Record& record);

// Reads "all", "failed", "hard" or "soft"; throws std::invalid_argument naming the choices.
RecordFilter parse_record_filter(std::string_view name);

}  // namespace bg::scan
