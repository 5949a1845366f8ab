// DMARC records as RFC 9989 reads them, and the DNS tree walk against NSD.
#include <gtest/gtest.h>

#include "check/dmarc_discovery.h"
#include "check/dmarc_record.h"
#include "check/tag_list.h"
#include "nsd_server.h"

namespace bg::check {
namespace {

TEST(TagList, ReadsPairsAndNamesProblems) {
  const TagList list = parse_tag_list(" v=DMARC1 ;p = reject; ; bogus; p=none; 9x=1;");
  ASSERT_EQ(list.tags.size(), 2u);
  EXPECT_EQ(list.find("p"), "reject");
  EXPECT_EQ(list.problems.size(), 3u);
}

TEST(DmarcRecord, ReadsEveryTag) {
  const DmarcRecord record = parse_dmarc_record(
      "v=DMARC1; p=quarantine; sp=reject; np=reject; psd=n; t=y; adkim=s; aspf=r; "
      "rua=mailto:a@example.com, mailto:b@example.net!10m; ruf=mailto:f@example.com; fo=1");
  EXPECT_EQ(record.policy, DmarcPolicy::quarantine);
  EXPECT_TRUE(record.policy_given);
  EXPECT_EQ(record.subdomain_policy, DmarcPolicy::reject);
  EXPECT_EQ(record.nonexistent_policy, DmarcPolicy::reject);
  EXPECT_EQ(record.psd, 'n');
  EXPECT_TRUE(record.testing);
  EXPECT_EQ(record.dkim_alignment, 's');
  EXPECT_EQ(record.aggregate_reports.size(), 2u);
  EXPECT_EQ(report_uri_domain(record.aggregate_reports[1]), "example.net");
  EXPECT_TRUE(record.problems.empty() && record.unknown_tags.empty() &&
              record.removed_tags.empty());
}

TEST(DmarcRecord, MissingPolicyIsNoneAndOldTagsAreIgnored) {
  const DmarcRecord record =
      parse_dmarc_record("v=DMARC1; pct=20; rf=afrf; ri=3600; x=1; sp=bogus");
  EXPECT_EQ(record.policy, DmarcPolicy::none);
  EXPECT_FALSE(record.policy_given);
  EXPECT_EQ(record.removed_tags, (std::vector<std::string>{"pct=20", "rf=afrf", "ri=3600"}));
  EXPECT_EQ(record.unknown_tags, std::vector<std::string>{"x=1"});
  EXPECT_EQ(record.problems.size(), 1u);
  EXPECT_FALSE(record.subdomain_policy.has_value());
}

TEST(DmarcRecord, SubdomainPolicies) {
  const DmarcRecord record = parse_dmarc_record("v=DMARC1; p=reject; sp=quarantine; np=none");
  EXPECT_EQ(record.policy_for_subdomain(true), DmarcPolicy::quarantine);
  EXPECT_EQ(record.policy_for_subdomain(false), DmarcPolicy::none);
  EXPECT_EQ(parse_dmarc_record("v=DMARC1; p=reject").policy_for_subdomain(false),
            DmarcPolicy::reject);
}

TEST(DmarcRecord, OnlyVersionOneFirst) {
  EXPECT_TRUE(is_dmarc_record("v=DMARC1; p=none"));
  EXPECT_FALSE(is_dmarc_record("p=none; v=DMARC1"));
  EXPECT_FALSE(is_dmarc_record("v=DMARC2; p=none"));
  EXPECT_FALSE(report_uri_domain("https://example.com/reports").has_value());
}

TEST(DmarcWalk, ShortNamesLoseOneLabelAtATimeLongOnesJumpToSeven) {
  EXPECT_EQ(
      dmarc_walk_domains("a.mail.Example.com."),
      (std::vector<std::string>{"a.mail.example.com", "mail.example.com", "example.com", "com"}));
  const std::vector<std::string> walk = dmarc_walk_domains("a.b.c.d.e.f.g.h.example.com");
  ASSERT_EQ(walk.size(), 8u);
  EXPECT_EQ(walk[1], "d.e.f.g.h.example.com");
  EXPECT_EQ(walk.back(), "com");
}

// psd=y at a public suffix, psd=n at an organizational domain, and a plain record.
const char* const kZone = R"(_dmarc.example. TXT "v=DMARC1; p=reject; psd=y"
_dmarc.shop.example. TXT "v=DMARC1; p=quarantine"
_dmarc.corp.example. TXT "v=DMARC1; p=none; psd=n"
_dmarc.team.corp.example. TXT "v=DMARC1; p=reject"
_dmarc.twice.example.org. TXT "v=DMARC1; p=reject"
_dmarc.twice.example.org. TXT "v=DMARC1; p=none"
_dmarc.example.org. TXT "v=DMARC1; p=quarantine"
)";

class DmarcDiscoveryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new dns::testing::NsdServer(kZone); }
  static void TearDownTestSuite() { delete server_; }
  static DmarcDiscovery discover(const std::string& domain) {
    dns::Resolver resolver(server_->resolver_options());
    return discover_dmarc(resolver, domain);
  }
  static dns::testing::NsdServer* server_;
};

dns::testing::NsdServer* DmarcDiscoveryTest::server_ = nullptr;

TEST_F(DmarcDiscoveryTest, ThePolicyIsTheNearestRecord) {
  const DmarcDiscovery discovery = discover("mail.shop.example");
  ASSERT_TRUE(discovery.record.has_value());
  EXPECT_EQ(discovery.record_domain, "shop.example");
  EXPECT_EQ(discovery.record->policy, DmarcPolicy::quarantine);
}

TEST_F(DmarcDiscoveryTest, BelowAPublicSuffixTheOrganizationalDomainIsOneLabelDown) {
  EXPECT_EQ(discover("a.b.unlisted.example").organizational_domain, "unlisted.example");
  EXPECT_EQ(discover("a.b.unlisted.example").record_domain, "example")
      << "the PSD's policy applies";
}

TEST_F(DmarcDiscoveryTest, PsdNoStopsTheWalk) {
  EXPECT_EQ(discover("x.team.corp.example").organizational_domain, "corp.example");
  EXPECT_EQ(discover("x.team.corp.example").record_domain, "team.corp.example");
}

TEST_F(DmarcDiscoveryTest, WithoutPsdTagsTheFewestLabelsWin) {
  EXPECT_EQ(discover("twice.example.org").organizational_domain, "example.org");
}

TEST_F(DmarcDiscoveryTest, SeveralRecordsAtANameAreAllDiscarded) {
  const DmarcDiscovery discovery = discover("twice.example.org");
  EXPECT_EQ(discovery.several_records_at, std::vector<std::string>{"twice.example.org"});
  EXPECT_EQ(discovery.record_domain, "example.org");
}

TEST_F(DmarcDiscoveryTest, NoRecordAnywhere) {
  const DmarcDiscovery discovery = discover("mail.example.net");
  EXPECT_FALSE(discovery.record.has_value());
  EXPECT_EQ(discovery.organizational_domain, "mail.example.net");
}

}  // namespace
}  // namespace bg::check
