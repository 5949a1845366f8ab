// `check` on the test zones: every planted weakness is reported, and nothing on the good zone.
#include "check/domain_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "check_zones.h"

namespace bg::check {
namespace {

class DomainCheck : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new dns::testing::NsdServer(testing::check_zones()); }
  static void TearDownTestSuite() { delete server_; }

  static DomainReport check(const std::string& domain) {
    dns::Resolver resolver(server_->resolver_options());
    CheckOptions options;
    options.blocklists = testing::test_blocklists();
    return check_domain(resolver, domain, options);
  }

  static std::set<std::string> ids(const DomainReport& report) {
    std::set<std::string> ids;
    for (const Finding& finding : report.findings) ids.insert(finding.id);
    return ids;
  }

  static const Finding& finding(const DomainReport& report, const std::string& id) {
    const auto found = std::ranges::find(report.findings, id, &Finding::id);
    if (found == report.findings.end()) throw std::runtime_error("no finding " + id);
    return *found;
  }

  static dns::testing::NsdServer* server_;
};

dns::testing::NsdServer* DomainCheck::server_ = nullptr;

TEST_F(DomainCheck, TheGoodZoneHasNothingToReport) {
  const DomainReport report = check("good.example.com");
  EXPECT_TRUE(report.findings.empty())
      << report.findings.front().id << ": " << report.findings.front().message;
  EXPECT_EQ(report.spf.record, "v=spf1 ip4:192.0.2.0/24 mx -all");
  EXPECT_EQ(report.spf.dns_lookups, 1);
  ASSERT_TRUE(report.dmarc.record.has_value());
  EXPECT_EQ(report.dmarc.record->policy, DmarcPolicy::reject);
  ASSERT_EQ(report.dkim.size(), 2u);
  EXPECT_EQ(report.dkim[0].bits, 2048);
  EXPECT_EQ(report.dkim[1].key_type, "ed25519");
  ASSERT_EQ(report.mx.hosts.size(), 1u);
  EXPECT_EQ(report.mx.hosts[0].addresses, (std::vector<std::string>{"192.0.2.25", "2001:db8::25"}));
  EXPECT_TRUE(report.policies.mta_sts.text && report.policies.tls_rpt.text &&
              report.policies.bimi.text);
  EXPECT_EQ(report.blocklists.subjects,
            (std::vector<std::string>{"192.0.2.25", "2001:db8::25", "good.example.com"}));
}

TEST_F(DomainCheck, SpfFlattensToTheAuthorizedNetworks) {
  const DomainReport report = check("good.example.com");
  std::vector<std::string> networks;
  for (const AuthorizedNetwork& network : report.spf.authorized)
    networks.push_back(network.to_string());
  EXPECT_EQ(networks, (std::vector<std::string>{"192.0.2.0/24", "192.0.2.25", "2001:db8::25"}));
  EXPECT_EQ(report.spf.hosts, std::vector<std::string>{"mail.good.example.com"});
  EXPECT_EQ(sending_addresses(report.spf).size(), 2u) << "a /24 is no single sender";
}

TEST_F(DomainCheck, WeakZoneReportsEveryPlantedWeakness) {
  const DomainReport report = check("weak.example.com");
  const std::set<std::string> expected = {
      "spf.all_softfail",  "dmarc.policy_none",
      "dmarc.removed_tag", "dmarc.report_destination_unverified",
      "dkim.weak_key",     "dkim.testing",
      "dkim.small_key",    "blocklist.listed",
      "mta_sts.missing",   "tls_rpt.missing",
      "bimi.missing"};
  EXPECT_EQ(ids(report), expected);
  EXPECT_EQ(finding(report, "spf.all_softfail").record,
            "weak.example.com. TXT \"v=spf1 ip4:192.0.2.99 include:_spf.weak.example.com -all\"");
  const Finding& dmarc = finding(report, "dmarc.policy_none");
  EXPECT_NE(dmarc.record.find("p=quarantine; rua=mailto:reports@elsewhere.example.net"),
            std::string::npos);
  EXPECT_NE(dmarc.message.find("p=reject"), std::string::npos) << "says when to move on";
  EXPECT_EQ(finding(report, "dmarc.report_destination_unverified").record,
            "weak.example.com._report._dmarc.elsewhere.example.net. TXT \"v=DMARC1\"");
  EXPECT_NE(finding(report, "dkim.weak_key").message.find("512 bits"), std::string::npos);
  EXPECT_EQ(finding(report, "dkim.weak_key").severity, Severity::critical);
  ASSERT_EQ(report.blocklists.listings.size(), 2u);
  EXPECT_EQ(report.blocklists.listings[0].subject, "192.0.2.99");
  EXPECT_EQ(report.blocklists.listings[0].meaning, "a test listing");
  EXPECT_EQ(report.blocklists.listings[0].removal_page, "https://bl.example.net/remove");
  EXPECT_EQ(report.blocklists.listings[1].subject, "weak.example.com");
  EXPECT_EQ(report.findings.front().severity, Severity::critical) << "most severe first";
}

TEST_F(DomainCheck, BrokenZoneMissesRecordsAndHasTwoSpfRecords) {
  EXPECT_EQ(
      ids(check("broken.example.com")),
      (std::set<std::string>{"spf.multiple_records", "dmarc.missing", "dkim.none_found",
                             "mx.missing", "mta_sts.missing", "tls_rpt.missing", "bimi.missing"}));
  const DomainReport report = check("broken.example.com");
  EXPECT_EQ(finding(report, "dmarc.missing").record,
            "_dmarc.broken.example.com. TXT \"v=DMARC1; p=quarantine; "
            "rua=mailto:dmarc-reports@broken.example.com\"");
}

TEST_F(DomainCheck, LookupsOverTheLimitLoopsAndRepeats) {
  const DomainReport report = check("lookups.example.com");
  EXPECT_EQ(report.spf.dns_lookups, 11);
  EXPECT_EQ(report.spf.void_lookups, 1);
  const std::set<std::string> found = ids(report);
  for (const char* id : {"spf.too_many_lookups", "spf.include_loop", "spf.duplicate_include",
                         "spf.ptr_used", "spf.void_lookup", "mx.unresolvable"})
    EXPECT_TRUE(found.contains(id)) << id;
  EXPECT_FALSE(found.contains("spf.all_softfail")) << "only the top record's all counts";
  EXPECT_NE(finding(report, "spf.void_lookup").message.find("gone.lookups.example.com"),
            std::string::npos);
}

TEST_F(DomainCheck, SyntaxErrorsSayWhereAndWhy) {
  const DomainReport report = check("syntax.example.com");
  const Finding& spf = finding(report, "spf.syntax_error");
  EXPECT_NE(spf.message.find("at byte 7"), std::string::npos) << spf.message;
  EXPECT_NE(spf.message.find("string boundary"), std::string::npos) << spf.message;
  const std::set<std::string> found = ids(report);
  for (const char* id : {"dmarc.policy_missing", "dmarc.unknown_tag", "mx.null"})
    EXPECT_TRUE(found.contains(id)) << id;
  EXPECT_FALSE(found.contains("mx.missing"));
}

TEST_F(DomainCheck, ASubdomainInheritsItsOrganizationalDomainsPolicy) {
  const DomainReport report = check("shop.good.example.com");
  EXPECT_EQ(report.dmarc.record_domain, "good.example.com");
  EXPECT_EQ(report.dmarc.organizational_domain, "good.example.com");
  const std::set<std::string> found = ids(report);
  EXPECT_TRUE(found.contains("dmarc.inherited"));
  EXPECT_FALSE(found.contains("dmarc.policy_none")) << "p=reject applies to subdomains without sp=";
  EXPECT_FALSE(found.contains("dmarc.missing"));
}

TEST_F(DomainCheck, OddZoneReportsRecordsInTheWrongShapeOrPlace) {
  const DomainReport report = check("odd.example.com");
  const std::set<std::string> found = ids(report);
  for (const char* id :
       {"dmarc.wrong_place", "dmarc.subdomain_policy_weaker", "dmarc.testing",
        "dmarc.invalid_report_address", "spf.include_missing", "spf.all_neutral",
        "mx.null_with_others", "mta_sts.invalid", "tls_rpt.invalid", "bimi.needs_enforcement",
        "dkim.revoked"})
    EXPECT_TRUE(found.contains(id)) << id;
  EXPECT_EQ(finding(report, "dmarc.wrong_place").record,
            "_dmarc.odd.example.com. TXT \"v=DMARC1; p=reject\"");
}

TEST_F(DomainCheck, ManyZoneBreaksTheMxVoidAndSizeLimits) {
  const DomainReport report = check("many.example.com");
  const std::set<std::string> found = ids(report);
  for (const char* id : {"spf.all_pass", "spf.too_many_mx", "spf.too_many_void_lookups",
                         "spf.answer_too_large"})
    EXPECT_TRUE(found.contains(id)) << id;
  EXPECT_EQ(report.spf.void_lookups, 3);
  EXPECT_EQ(finding(report, "spf.all_pass").severity, Severity::critical);
}

TEST_F(DomainCheck, AMissingDomainIsOneFinding) {
  const DomainReport report = check("nowhere.example.com");
  EXPECT_EQ(ids(report), std::set<std::string>{"dns.no_such_domain"});
}

TEST_F(DomainCheck, BounceRelaysAreCheckedToo) {
  dns::Resolver resolver(server_->resolver_options());
  CheckOptions options;
  options.blocklists = testing::test_blocklists();
  options.extra_addresses = {*dns::IpAddress::parse("192.0.2.99")};
  const DomainReport report = check_domain(resolver, "good.example.com", options);
  EXPECT_EQ(ids(report), std::set<std::string>{"blocklist.listed"});
}

TEST(DomainCheckSilentResolver, StopsAfterOneTimeoutWithAClearMessage) {
  dns::testing::SilentServer silent;
  dns::ResolverOptions options;
  options.server = dns::ResolverAddress{*dns::IpAddress::parse("127.0.0.1"), silent.port()};
  options.timeout = std::chrono::milliseconds(300);
  options.trust_anchor_file = "";
  dns::Resolver resolver(options);
  const auto start = std::chrono::steady_clock::now();
  try {
    check_domain(resolver, "example.com");
    FAIL() << "expected CannotCheck";
  } catch (const CannotCheck& error) {
    EXPECT_NE(std::string(error.what()).find("no answer from 127.0.0.1:"), std::string::npos)
        << error.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1000));
}

}  // namespace
}  // namespace bg::check
