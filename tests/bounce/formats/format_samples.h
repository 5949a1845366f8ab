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

}  // namespace bg::testing
