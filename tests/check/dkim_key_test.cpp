// DKIM key records: key sizes read from real keys (made with openssl), flags and faults.
#include "check/dkim_key.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace bg::check {
namespace {

// SubjectPublicKeyInfo of a 512-bit RSA key, as DKIM publishes it.
constexpr const char* kRsa512 =
    "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAMTbbgmAlpq2DhbXKb9pm40Z1K5g1bxcWzCIFTzD0RbnBRXl19bvhNVXdnwQh3"
    "L0ggtn/I+uLVE35v/p7DNNFykCAwEAAQ==";

TEST(DkimKey, ReadsTheRsaModulusSize) {
  const DkimKey key = parse_dkim_key("mail", std::string("v=DKIM1; k=rsa; p=") + kRsa512);
  EXPECT_EQ(key.bits, 512);
  EXPECT_TRUE(key.problems.empty());
  const std::vector<Finding> findings = audit_dkim("example.com", {key}, {"mail"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "dkim.weak_key");
}

TEST(DkimKey, SpacesInsideTheKeyAreAllowed) {
  std::string spaced = kRsa512;
  spaced.insert(20, " ");
  EXPECT_EQ(parse_dkim_key("s", "p=" + spaced).bits, 512);
}

TEST(DkimKey, TestingRevokedAndBroken) {
  EXPECT_TRUE(parse_dkim_key("s", std::string("v=DKIM1; t=y:s; p=") + kRsa512).testing);
  EXPECT_TRUE(parse_dkim_key("s", "v=DKIM1; p=").revoked);
  EXPECT_FALSE(parse_dkim_key("s", "v=DKIM1; p=AAAA").problems.empty());
  EXPECT_FALSE(parse_dkim_key("s", "v=DKIM1; k=dsa; p=AAAA").problems.empty());
  EXPECT_FALSE(parse_dkim_key("s", "v=DKIM1; k=rsa").problems.empty());
  EXPECT_EQ(
      parse_dkim_key("s", "v=DKIM1; k=ed25519; p=GBB5AfnbgyeD/b1DFWuJ0PbDcouskLMAgnbSYMScu80=")
          .bits,
      256);
  const std::vector<Finding> findings =
      audit_dkim("example.com", {parse_dkim_key("s", "v=DKIM1; p=AAAA")}, {"s"});
  EXPECT_EQ(findings.front().id, "dkim.invalid_key");
}

TEST(DkimKey, NoKeyAtAnySelector) {
  const std::vector<Finding> findings = audit_dkim("example.com", {}, common_dkim_selectors());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "dkim.none_found");
  EXPECT_TRUE(std::ranges::find(common_dkim_selectors(), "selector1") !=
              common_dkim_selectors().end());
}

}  // namespace
}  // namespace bg::check
