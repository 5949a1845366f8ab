// `bounceguard spf` against Debian's python3-spf (pyspf, the reference implementation behind
// the openspf suite) on the same zones, served by NSD: both must give the same result.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check_zones.h"

namespace bg::check {
namespace {

struct Question {
  std::string ip;
  std::string sender;
};

const std::vector<Question> kQuestions = {
    {"192.0.2.10", "alice@good.example.com"},     {"192.0.2.25", "alice@good.example.com"},
    {"2001:db8::25", "alice@good.example.com"},   {"203.0.113.9", "alice@good.example.com"},
    {"192.0.2.99", "bob@weak.example.com"},       {"198.51.100.7", "bob@weak.example.com"},
    {"203.0.113.9", "bob@weak.example.com"},      {"192.0.2.1", "carol@broken.example.com"},
    {"192.0.2.40", "dave@lookups.example.com"},   {"203.0.113.9", "dave@lookups.example.com"},
    {"192.0.2.7", "erin@syntax.example.com"},     {"192.0.2.10", "alice@macro.example.com"},
    {"192.0.2.11", "alice@macro.example.com"},    {"192.0.2.25", "bob@macro.example.com"},
    {"203.0.113.9", "bob@macro.example.com"},     {"203.0.113.9", "frank@shop.good.example.com"},
    {"203.0.113.9", "frank@nowhere.example.com"},
};

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    out.append(buffer.data(), n);
  const int status = pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command << "\n" << out;
  return out;
}

TEST(PyspfCrossCheck, SameResultsOnTheSameZones) {
  dns::testing::NsdServer server(testing::check_zones());
  const std::string port = std::to_string(server.port());

  const std::string input = (server.directory() / "questions.txt").string();
  {
    std::ofstream questions(input);
    for (const Question& question : kQuestions)
      questions << question.ip << " " << question.sender << " mail.example.org\n";
  }
  std::istringstream pyspf(run(std::string(BOUNCEGUARD_DEBIAN_PYTHON) + " " +
                               BOUNCEGUARD_PYSPF_QUERY + " " + port + " < " + input));

  for (const Question& question : kQuestions) {
    std::string expected;
    std::getline(pyspf, expected);
    const nlohmann::json ours = nlohmann::json::parse(
        run(std::string(BOUNCEGUARD_CLI) + " spf --format json --no-dnssec --resolver 127.0.0.1:" +
            port + " --helo mail.example.org " + question.ip + " " + question.sender));
    EXPECT_EQ(ours["result"], expected)
        << question.ip << " " << question.sender << ": " << ours["reason"];
  }
}

}  // namespace
}  // namespace bg::check
