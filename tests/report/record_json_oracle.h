#pragma once
// A record as the JSON library builds it, field by field: the oracle the fast writers are tested
// against (the jsonl and json text, the csv cells). Written apart from record_fields.h on purpose,
// so that a field left out or misplaced there shows.
#include <nlohmann/json.hpp>

#include "bounce/record.h"

namespace bg::report::oracle {

nlohmann::ordered_json record_to_json(const bounce::Record& record);

}  // namespace bg::report::oracle
