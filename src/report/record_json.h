#pragma once
// The summary and the diagnosis as JSON objects, for the json format. Records are written
// straight to text (record_json_text.h).
#include <string>

#include <nlohmann/json.hpp>

#include "bounce/record.h"
#include "diagnose/diagnosis_types.h"
#include "scan/scan_summary.h"

namespace bg::report {

nlohmann::ordered_json summary_to_json(const scan::ScanSummary& summary);

// The diagnosis: {"domains", "relays", "learned_from"} and [{"kind", "confidence", "bounces",
// "first_seen", "last_seen", "headline", "evidence", "actions"}].
nlohmann::ordered_json owner_to_json(const diagnose::OwnerReport& owner);
nlohmann::ordered_json situations_to_json(const std::vector<diagnose::Situation>& situations);

// Serializes on one line; bytes that are not valid UTF-8 become U+FFFD, so a record carrying
// raw 8-bit text from a broken bounce still yields valid JSON.
std::string to_json_text(const nlohmann::ordered_json& value, int indent = -1);

}  // namespace bg::report
