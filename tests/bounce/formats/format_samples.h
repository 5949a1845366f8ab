#pragma once
// Reading corpus samples, and messages written in a test, the way bounceguard reads a file.
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bounce/bounce_reader.h"
#include "bounce/record.h"

namespace bg::testing {

inline std::string sample_path(std::string_view name) {
  return std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir/" + std::string(name);
}

inline std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::vector<bounce::Record> records_of_message(std::string_view message) {
  mailbox::RawMessage raw;
  raw.bytes = message;
  raw.origin = "test message";
  std::vector<bounce::Record> records;
  bounce::BounceReader reader;
  reader.read(raw, records);
  return records;
}

inline std::vector<bounce::Record> records_of_sample(std::string_view name) {
  return records_of_message(file_text(sample_path(name)));
}

// Whether the module called `module` read a record of `message`.
inline bool read_by(std::string_view message, std::string_view module) {
  for (const bounce::Record& record : records_of_message(message))
    if (record.decodedby == module) return true;
  return false;
}

// `text` with every `from` replaced by `to`: a sample altered to test one of its clues.
inline std::string with_replaced(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace bg::testing
