#pragma once
// A record written straight to JSON text, field by field, without building a JSON object first:
// the jsonl and json formats write thousands of records a second. The fields are those of
// record_fields.h; the tests check the text against the JSON library on every corpus record.
#include <string>
#include <string_view>

#include "bounce/record.h"

namespace bg::report {

// Appends `record` as one line of JSON (no line break) to `out`.
void append_record_json(const bounce::Record& record, std::string& out);

// Appends `text` as a JSON string: quoted, escaped, and with bytes that are not valid UTF-8
// replaced by U+FFFD.
void append_json_string(std::string_view text, std::string& out);

}  // namespace bg::report
