#pragma once
// Reading and writing the files of a scenario: mbox mailboxes (mboxrd quoting) and plain files.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace bg::testing::scenarios {

// One message of an mbox: the envelope line "From <sender> <date>", the message with body lines
// that start with "From " quoted, and the blank line that ends it.
std::string mbox_message(std::string_view envelope_sender, std::int64_t unix_time, const std::string& message);

// The whole content of `path`, or "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// Writes `content` to `path`; throws std::runtime_error naming the path when it cannot.
void write_file(const std::filesystem::path& path, const std::string& content);

}  // namespace bg::testing::scenarios
