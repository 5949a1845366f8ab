// Postfix bounces, read from real samples.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Postfix, ReadsEachRecipientWithTheCommandItsReplyAnswered) {
  const auto records = records_of_sample("lhost-postfix-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].recipient, "filtered@example.co.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.2.1");
  EXPECT_EQ(records[1].recipient, "userunknown@example.co.jp");
  EXPECT_EQ(records[1].deliverystatus, "5.1.1");
  for (const auto& record : records) {
    EXPECT_EQ(record.decodedby, "Postfix");
    EXPECT_EQ(record.replycode, "550");
    // "(in reply to RCPT TO command)" in the text part: the address itself was refused.
    EXPECT_EQ(record.smtpcommand, "RCPT");
    EXPECT_EQ(record.reason, "userunknown");
    EXPECT_EQ(record.rhost, "mx.example.co.jp");
    EXPECT_NE(record.diagnosticcode.find("User Unknown"), std::string::npos);
  }
}

TEST(Postfix, ReadsItsOwnDiagnosticsAsSmtpFailures) {
  const auto records = records_of_sample("lhost-postfix-06.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@neko.example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.4.4");
  EXPECT_EQ(records[0].diagnostictype, "SMTP");  // "Diagnostic-Code: X-Postfix; ..."
  EXPECT_EQ(records[0].reason, "hostunknown");
  EXPECT_TRUE(records[0].hardbounce);
  EXPECT_EQ(records[0].lhost, "vagrant-centos65.vagrantup.com");
}

TEST(Postfix, KeepsTheAddressAnAliasWasExpandedTo) {
  const auto records = records_of_sample("lhost-postfix-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "r@p351355.pool.example.ne.jp");
  EXPECT_NE(records[0].diagnosticcode.find("procmail: Couldn't create"), std::string::npos);
  EXPECT_EQ(records[0].reason, "mailererror");
}

TEST(Postfix, TakesTheOriginalsRecipientWhenTheReportIsUnavailable) {
  const auto records = records_of_sample("lhost-postfix-64.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "xxxx@wanadoo.fr");  // "--- Delivery report unavailable ---"
  EXPECT_EQ(records[0].reason, "undefined");
  EXPECT_EQ(records[0].decodedby, "Postfix");
}

}  // namespace
}  // namespace bg::testing
