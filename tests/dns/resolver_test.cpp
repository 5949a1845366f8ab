// The resolver against NSD serving a small zone, and against a server that never answers.
#include "dns/resolver.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "dns/record_data.h"
#include "filtering_proxy.h"
#include "nsd_server.h"

namespace bg::dns {
namespace {

using testing::NsdServer;
using testing::SilentServer;

const char* const kZone = R"(example.com. A 192.0.2.1
example.com. AAAA 2001:db8::1
example.com. TXT "v=spf1 ip4:192.0.2.0/24" " -all"
example.com. TXT "unrelated"
example.com. MX 10 mail.example.com.
mail.example.com. A 192.0.2.25
www.example.com. CNAME example.com.
1.2.0.192.in-addr.arpa. PTR example.com.
)";

class ResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new NsdServer(kZone); }
  static void TearDownTestSuite() { delete server_; }
  static NsdServer* server_;
};

NsdServer* ResolverTest::server_ = nullptr;

TEST_F(ResolverTest, AnswersEachRecordType) {
  Resolver resolver(server_->resolver_options());
  const Answer a = resolver.resolve("example.com", RecordType::a);
  ASSERT_TRUE(a.answered());
  EXPECT_EQ(IpAddress::from_bytes(a.records.at(0))->to_string(), "192.0.2.1");
  EXPECT_EQ(IpAddress::from_bytes(resolver.resolve("example.com", RecordType::aaaa).records.at(0))
                ->to_string(),
            "2001:db8::1");
  EXPECT_EQ(read_mx(resolver.resolve("example.com", RecordType::mx).records.at(0))->exchange,
            "mail.example.com");
  EXPECT_EQ(read_name(resolver.resolve("1.2.0.192.in-addr.arpa", RecordType::ptr).records.at(0)),
            "example.com");
  EXPECT_EQ(a.dnssec, Dnssec::unchecked);
}

TEST_F(ResolverTest, TxtRecordsKeepTheirStrings) {
  Resolver resolver(server_->resolver_options());
  const Answer txt = resolver.resolve("EXAMPLE.com.", RecordType::txt);
  ASSERT_EQ(txt.records.size(), 2u);
  std::vector<std::vector<std::string>> strings;
  for (const std::string& rdata : txt.records) strings.push_back(txt_strings(rdata));
  std::ranges::sort(strings);
  EXPECT_EQ(strings[0], (std::vector<std::string>{"unrelated"}));
  EXPECT_EQ(strings[1], (std::vector<std::string>{"v=spf1 ip4:192.0.2.0/24", " -all"}));
}

TEST_F(ResolverTest, FollowsCnames) {
  Resolver resolver(server_->resolver_options());
  const Answer answer = resolver.resolve("www.example.com", RecordType::a);
  ASSERT_TRUE(answer.answered());
  EXPECT_EQ(IpAddress::from_bytes(answer.records.at(0))->to_string(), "192.0.2.1");
}

TEST_F(ResolverTest, TellsMissingNamesFromMissingRecords) {
  Resolver resolver(server_->resolver_options());
  EXPECT_EQ(resolver.resolve("nowhere.example.com", RecordType::a).outcome,
            Outcome::no_such_domain);
  EXPECT_EQ(resolver.resolve("mail.example.com", RecordType::txt).outcome, Outcome::no_records);
  EXPECT_TRUE(resolver.resolve("mail.example.com", RecordType::txt).is_empty());
}

TEST_F(ResolverTest, NamesThatCannotBeAskedAreNotSent) {
  Resolver resolver(server_->resolver_options());
  EXPECT_EQ(resolver.resolve("a..example.com", RecordType::a).outcome, Outcome::invalid_name);
  EXPECT_EQ(resolver.resolve(std::string(64, 'x') + ".com", RecordType::a).outcome,
            Outcome::invalid_name);
}

TEST_F(ResolverTest, ManyQuestionsAtOnceComeBackInOrder) {
  Resolver resolver(server_->resolver_options());
  std::vector<Question> questions;
  for (int i = 0; i < 600; ++i)
    questions.push_back(
        {i % 2 ? "mail.example.com" : "host" + std::to_string(i) + ".example.com", RecordType::a});
  const std::vector<Answer> answers = resolver.resolve_all(questions);
  ASSERT_EQ(answers.size(), questions.size());
  for (std::size_t i = 0; i < answers.size(); ++i)
    EXPECT_EQ(answers[i].outcome, i % 2 ? Outcome::answered : Outcome::no_such_domain) << i;
}

TEST(ResolverTimeout, ASilentServerTimesOutOnTime) {
  SilentServer silent;
  ResolverOptions options;
  options.server = ResolverAddress{*IpAddress::parse("127.0.0.1"), silent.port()};
  options.timeout = std::chrono::milliseconds(400);
  options.trust_anchor_file = "";
  Resolver resolver(options);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Answer> answers =
      resolver.resolve_all({{"example.com", RecordType::a}, {"example.com", RecordType::txt}});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  for (const Answer& answer : answers) {
    EXPECT_EQ(answer.outcome, Outcome::timed_out);
    EXPECT_NE(answer.detail.find("within 400 ms"), std::string::npos) << answer.detail;
  }
  EXPECT_GE(elapsed, std::chrono::milliseconds(400));
  EXPECT_LT(elapsed, std::chrono::milliseconds(1500)) << "both questions wait at the same time";
}

TEST(ResolverSetup, ABadTrustAnchorIsAnError) {
  ResolverOptions options;
  options.server = parse_resolver_address("127.0.0.1:53");
  options.trust_anchor_file = "/nonexistent/root.key";
  EXPECT_THROW(Resolver{options}, ResolverError);
}

}  // namespace
}  // namespace bg::dns
