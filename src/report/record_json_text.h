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

// The same written in place, for a writer that keeps its own buffer: write_record_json() writes
// `record` at `out` and returns the end of what it wrote. The longest_record_json() bytes from
// `out` on must all have been written before (zeros will do): the search for bytes to escape
// reads a few bytes past each string, into what it then writes over or ignores.
std::size_t longest_record_json(const bounce::Record& record);
char* write_record_json(const bounce::Record& record, char* out);

// Appends `text` as a JSON string: quoted, escaped, and with bytes that are not valid UTF-8
// replaced by U+FFFD.
void append_json_string(std::string_view text, std::string& out);

}  // namespace bg::report
