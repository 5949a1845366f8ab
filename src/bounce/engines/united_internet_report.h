#pragma once
// The bounces of United Internet's mail services (GMX, 1&1 IONOS), written by their
// Exim-derived servers: "This message was created automatically by mail delivery software.",
// then each recipient's address on a line of its own ("kijitora@example.org:",
// "\"kijitora@example.org\":", "<kijitora@example.org>") followed by what happened, and the
// original's headers after "--- The header of the original message is following. ---".
#include <string>
#include <string_view>
#include <vector>

namespace bg::bounce {

struct UnitedInternetRecipient {
  std::string address;
  std::vector<std::string> lines;  // the non-blank lines that follow the address, trimmed
};

struct UnitedInternetReport {
  std::vector<UnitedInternetRecipient> recipients;
  std::string_view original;  // the original's header block
};

UnitedInternetReport read_united_internet_report(std::string_view body);

}  // namespace bg::bounce
