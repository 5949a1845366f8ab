// The openspf.org RFC 7208 test suite (tests/data/conformance/rfc7208-tests.yml), every case,
// through the real resolver path: check_host() asks libunbound, which asks NSD serving the
// section's zone data. Names the suite marks TIMEOUT are dropped by a relay in front of NSD.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "check/spf_evaluator.h"
#include "filtering_proxy.h"
#include "nsd_server.h"

namespace bg::check {
namespace {

using dns::testing::FilteringProxy;
using dns::testing::NsdServer;

struct Section {
  std::string description;
  nlohmann::json data;
};

std::vector<Section> load_sections() {
  std::ifstream in(RFC7208_SUITE_JSON);
  std::vector<Section> sections;
  for (const nlohmann::json& section : nlohmann::json::parse(in))
    sections.push_back({section["description"].get<std::string>(), section});
  return sections;
}

std::string test_name(const testing::TestParamInfo<Section>& info) {
  std::string name;
  for (char c : info.param.description)
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

class SpfConformance : public testing::TestWithParam<Section> {};

TEST_P(SpfConformance, EveryCasePasses) {
  const nlohmann::json& section = GetParam().data;
  NsdServer server(section["zone"].get<std::string>());
  const auto timeouts = section["timeouts"];
  FilteringProxy relay(server.port(), [&](std::string_view name, std::uint16_t type) {
    const auto entry = timeouts.find(std::string(name));
    if (entry == timeouts.end()) return false;
    const auto& answered_types = *entry;
    return std::find(answered_types.begin(), answered_types.end(), type) == answered_types.end();
  });

  for (const nlohmann::json& test : section["cases"]) {
    SCOPED_TRACE(test["name"].get<std::string>());
    // A resolver per case, as each message a receiver checks starts afresh; a short timeout
    // keeps the TIMEOUT cases quick.
    dns::ResolverOptions options = server.resolver_options(std::chrono::milliseconds(800));
    options.server->port = relay.port();
    dns::Resolver resolver(options);
    const std::optional<dns::IpAddress> ip = dns::IpAddress::parse(test["host"].get<std::string>());
    ASSERT_TRUE(ip.has_value());
    const SpfVerdict verdict = check_host(
        resolver, {*ip, test["mailfrom"].get<std::string>(), test["helo"].get<std::string>()});

    std::set<std::string> accepted;
    for (const auto& result : test["results"]) accepted.insert(result.get<std::string>());
    EXPECT_TRUE(accepted.contains(std::string(to_string(verdict.result))))
        << "got " << to_string(verdict.result) << ": " << verdict.reason;
    if (test["explanation"].is_string()) {
      const std::string expected = test["explanation"].get<std::string>();
      if (expected == "DEFAULT") {
        EXPECT_FALSE(verdict.explanation.has_value()) << *verdict.explanation;
      } else {
        EXPECT_EQ(verdict.explanation.value_or("(none)"), expected);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Rfc7208, SpfConformance, testing::ValuesIn(load_sections()), test_name);

}  // namespace
}  // namespace bg::check
