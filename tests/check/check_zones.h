#pragma once
// The test zones of tests/data/dns/check-zones.zone served by NSD, with the test blocklists.
#include <fstream>
#include <sstream>
#include <string>

#include "check/blocklists.h"
#include "filtering_proxy.h"
#include "nsd_server.h"

namespace bg::check::testing {

inline const std::string kDnsData = std::string(BOUNCEGUARD_TEST_DATA) + "/dns";

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string check_zones() { return read_text(kDnsData + "/check-zones.zone"); }

inline std::vector<Blocklist> test_blocklists() {
  return read_blocklists(read_text(kDnsData + "/test-blocklists.tsv"));
}

}  // namespace bg::check::testing
