// `bounceguard check` and `bounceguard spf` as a user runs them, against NSD serving the test
// zones, and against a resolver that never answers.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "filtering_proxy.h"
#include "nsd_server.h"

namespace {

const std::string kCli = BOUNCEGUARD_CLI;
const std::string kDnsData = std::string(BOUNCEGUARD_TEST_DATA) + "/dns";

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

CommandResult run(const std::string& arguments) {
  const std::string err_file =
      std::filesystem::temp_directory_path() / ("check-cli-" + std::to_string(getpid()) + ".err");
  CommandResult result;
  FILE* pipe = popen((kCli + " " + arguments + " 2>" + err_file).c_str(), "r");
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  result.err.assign(std::istreambuf_iterator<char>(err), {});
  std::filesystem::remove(err_file);
  return result;
}

std::string zones() {
  std::ifstream in(kDnsData + "/check-zones.zone");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class CheckCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new bg::dns::testing::NsdServer(zones()); }
  static void TearDownTestSuite() { delete server_; }

  // The options every run against the test server needs.
  static std::string resolver() {
    return "--no-dnssec --resolver 127.0.0.1:" + std::to_string(server_->port()) + " ";
  }
  static std::string local() {
    return resolver() + "--blocklists " + kDnsData + "/test-blocklists.tsv ";
  }

  static bg::dns::testing::NsdServer* server_;
};

bg::dns::testing::NsdServer* CheckCli::server_ = nullptr;

TEST_F(CheckCli, TextNamesTheVerdictFindingsAndRecordsToPublish) {
  const CommandResult result = run("check " + local() + "weak.example.com");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("weak.example.com: spoofable or blocked"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("dkim.weak_key"), std::string::npos);
  EXPECT_NE(result.out.find("publish: _dmarc.weak.example.com. TXT \"v=DMARC1; p=quarantine"),
            std::string::npos);
  EXPECT_NE(result.out.find("https://bl.example.net/remove"), std::string::npos);
}

TEST_F(CheckCli, JsonHasTheDocumentedShape) {
  const CommandResult result = run("check --format json " + local() + "weak.example.com");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::ordered_json::parse(result.out);
  std::vector<std::string> keys;
  for (const auto& [key, value] : document.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"domain", "findings", "spf", "dmarc", "dkim", "mx",
                                            "mta_sts", "tls_rpt", "bimi", "blocklists"}));
  EXPECT_EQ(document["domain"], "weak.example.com");
  std::set<std::string> ids;
  for (const auto& finding : document["findings"]) {
    ids.insert(finding["id"]);
    for (const char* key : {"id", "severity", "message", "record"})
      EXPECT_TRUE(finding.contains(key)) << key;
  }
  for (const char* id :
       {"spf.all_softfail", "dmarc.policy_none", "dkim.weak_key", "blocklist.listed"})
    EXPECT_TRUE(ids.contains(id)) << id;
  EXPECT_EQ(document["spf"]["all"], "~all");
  EXPECT_EQ(document["dmarc"]["policy"], "none");
  EXPECT_EQ(document["dkim"]["keys"][0]["bits"], 512);
  EXPECT_EQ(document["mx"]["hosts"][0]["name"], "mx.weak.example.com");
  EXPECT_EQ(document["blocklists"]["listed"][0]["subject"], "192.0.2.99");
}

TEST_F(CheckCli, TheGoodZoneIsCleanInEveryFormat) {
  const CommandResult text = run("check " + local() + "good.example.com");
  EXPECT_NE(text.out.find("good.example.com: well protected (critical: 0, warnings: 0, notes: 0)"),
            std::string::npos)
      << text.out;
  const CommandResult json = run("check --format json " + local() + "good.example.com");
  EXPECT_TRUE(nlohmann::json::parse(json.out)["findings"].empty());
}

TEST_F(CheckCli, SelectorsGivenAreTriedFirstAndAddressesAddedToTheBlocklistCheck) {
  const CommandResult result =
      run("check --format json --selector custom --ip 192.0.2.99 " + local() + "good.example.com");
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["dkim"]["selectors_tried"][0], "custom");
  EXPECT_EQ(document["findings"].size(), 1u);
  EXPECT_EQ(document["findings"][0]["id"], "blocklist.listed");
}

TEST_F(CheckCli, SpfGivesTheResultAndWhy) {
  const CommandResult pass = run("spf " + resolver() + "198.51.100.7 bob@weak.example.com");
  EXPECT_EQ(pass.exit_code, 0) << pass.err;
  EXPECT_NE(pass.out.find("pass: weak.example.com: 'include:_spf.weak.example.com' matched"),
            std::string::npos)
      << pass.out;
  EXPECT_NE(pass.out.find("_spf.weak.example.com: v=spf1 ip4:198.51.100.0/24 -all"),
            std::string::npos)
      << pass.out;
  const CommandResult json =
      run("spf --format json " + resolver() + "203.0.113.5 bob@weak.example.com");
  const auto verdict = nlohmann::json::parse(json.out);
  EXPECT_EQ(verdict["result"], "softfail");
  EXPECT_EQ(verdict["dns_lookups"], 1);
  const CommandResult failed = run("spf " + resolver() + "203.0.113.5 bob@good.example.com");
  EXPECT_NE(failed.out.find("fail: good.example.com: '-all' matched"), std::string::npos)
      << failed.out;
}

TEST_F(CheckCli, BadArgumentsExitTwoWithOneLine) {
  const std::vector<std::string> invocations = {
      "check " + local() + "bad..domain", "check --resolver nowhere example.com",
      "check --blocklists /nonexistent.tsv example.com", "spf 999.1.1.1 a@example.com",
      "check --ip 1.2.3 " + local() + "good.example.com"};
  for (const std::string& arguments : invocations) {
    const CommandResult result = run(arguments);
    EXPECT_EQ(result.exit_code, 2) << arguments;
    EXPECT_TRUE(result.out.empty()) << arguments;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1)
        << arguments << ": " << result.err;
  }
}

TEST_F(CheckCli, AResolverWithoutDnssecRecordsIsExplained) {
  // The test server's root zone is unsigned, like the answers of a resolver that strips DNSSEC.
  if (bg::dns::installed_root_trust_anchor().empty())
    GTEST_SKIP() << "no root trust anchor (dns-root-data)";
  const CommandResult result =
      run("check --resolver 127.0.0.1:" + std::to_string(server_->port()) + " good.example.com");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("run again with --no-dnssec"), std::string::npos) << result.err;
}

TEST(CheckCliSilentResolver, FinishesWithinTheTimeoutWithAClearMessage) {
  bg::dns::testing::SilentServer silent;
  const auto start = std::chrono::steady_clock::now();
  const CommandResult result =
      run("check --no-dnssec --timeout 1 --resolver 127.0.0.1:" + std::to_string(silent.port()) +
          " example.com");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("no answer from 127.0.0.1:" + std::to_string(silent.port()) +
                            " within 1000 ms"),
            std::string::npos)
      << result.err;
  EXPECT_LT(elapsed, std::chrono::milliseconds(2500));
}

}  // namespace
