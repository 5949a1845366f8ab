// DNSSEC status as libunbound validates it: a root zone signed with ldns-signzone (Debian's
// ldnsutils) and served by NSD, its key given as the trust anchor.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "dns/resolver.h"
#include "mime/lines.h"
#include "nsd_server.h"

namespace bg::dns {
namespace {

class DnssecValidation : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                           ("bounceguard-dnssec-" + std::to_string(getpid())));
    std::filesystem::create_directories(*directory_);
    std::ofstream(*directory_ / "root.zone") << testing::NsdServer::root_zone(
        "signed.example.com. A 192.0.2.1\n"
        "tampered.example.com. A 192.0.2.2\n");
    const std::string sign = "cd '" + directory_->string() + "' && " + BOUNCEGUARD_LDNS_KEYGEN +
                             " -a ECDSAP256SHA256 -k . > key.name && " + BOUNCEGUARD_LDNS_SIGNZONE +
                             " -o . root.zone \"$(cat key.name)\"";
    ASSERT_EQ(std::system(sign.c_str()), 0);
    std::string key_name;
    std::ifstream(*directory_ / "key.name") >> key_name;
    std::filesystem::copy_file(*directory_ / (key_name + ".key"), *directory_ / "anchor.key");

    std::stringstream zone;
    zone << std::ifstream(*directory_ / "root.zone.signed").rdbuf();
    // Change a signed address without signing again: its signature no longer matches.
    std::string text = zone.str();
    const std::size_t tampered = text.find("192.0.2.2");
    ASSERT_NE(tampered, std::string::npos);
    text.replace(tampered, 9, "192.0.2.9");
    server_ = testing::NsdServer::serving_zone_file(text).release();
  }

  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(*directory_);
    delete directory_;
  }

  static Resolver validating_resolver() {
    ResolverOptions options = server_->resolver_options();
    options.trust_anchor_file = (*directory_ / "anchor.key").string();
    return Resolver(options);
  }

  static std::filesystem::path* directory_;
  static testing::NsdServer* server_;
};

std::filesystem::path* DnssecValidation::directory_ = nullptr;
testing::NsdServer* DnssecValidation::server_ = nullptr;

TEST_F(DnssecValidation, SignedAnswersAreSecure) {
  Resolver resolver = validating_resolver();
  const Answer answer = resolver.resolve("signed.example.com", RecordType::a);
  ASSERT_TRUE(answer.answered()) << answer.detail;
  EXPECT_EQ(answer.dnssec, Dnssec::secure);
  EXPECT_EQ(resolver.resolve("missing.example.com", RecordType::a).dnssec, Dnssec::secure)
      << "NSEC proves absence";
}

TEST_F(DnssecValidation, BadSignaturesFailButTheRecordIsKeptForTheReport) {
  Resolver resolver = validating_resolver();
  const Answer answer = resolver.resolve("tampered.example.com", RecordType::a);
  EXPECT_EQ(answer.dnssec, Dnssec::bogus);
  EXPECT_TRUE(answer.is_failure());
  EXPECT_TRUE(answer.detail.starts_with("DNSSEC validation failed: ")) << answer.detail;
  EXPECT_EQ(answer.records.size(), 1u);
}

TEST_F(DnssecValidation, WithoutATrustAnchorNothingIsChecked) {
  Resolver resolver(server_->resolver_options());
  EXPECT_EQ(resolver.resolve("signed.example.com", RecordType::a).dnssec, Dnssec::unchecked);
}

}  // namespace
}  // namespace bg::dns
