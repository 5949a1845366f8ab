// qmail bounces, and those of servers that reword qmail's notice (X4), read from real samples.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Qmail, ReadsEachAddressAndTheRemoteHostsReply) {
  const auto records = records_of_sample("lhost-qmail-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].recipient, "userunknown@example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[1].recipient, "filtered@example.jp");
  EXPECT_EQ(records[1].deliverystatus, "5.2.1");
  for (const auto& record : records) {
    EXPECT_EQ(record.decodedby, "qmail");
    EXPECT_EQ(record.smtpcommand, "RCPT");   // "192.0.2.153 does not like recipient."
    EXPECT_EQ(record.rhost, "192.0.2.153");  // "Giving up on 192.0.2.153."
    EXPECT_EQ(record.replycode, "550");
    EXPECT_EQ(record.reason, "userunknown");
  }
}

TEST(Qmail, ARefusedSenderIsRejected) {
  const auto records = records_of_sample("lhost-qmail-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
  EXPECT_EQ(records[0].smtpcommand, "MAIL");  // "Connected to 192.0.2.225 but sender was rejected."
  EXPECT_EQ(records[0].reason, "rejected");
  EXPECT_EQ(records[0].deliverystatus, "5.7.1");
}

TEST(Qmail, ReadsItsOwnMessages) {
  const auto records = records_of_sample("lhost-qmail-07.eml");
  ASSERT_EQ(records.size(), 1u);
  // "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)"
  EXPECT_EQ(records[0].reason, "networkerror");
  EXPECT_EQ(records[0].deliverystatus, "4.4.1");
}

TEST(Qmail, ReadsIndimailsEnclosedOriginal) {
  const auto records = records_of_sample("lhost-qmail-21.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "libgsasl7-dev@email.example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");  // "Sorry, no mailbox here by that name. (#5.1.1)"
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_TRUE(records[0].original.present);
}

TEST(X4, ReadsARewordedQmailNotice) {
  const auto records = records_of_sample("lhost-x4-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "X4");
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");
  EXPECT_NE(records[0].diagnosticcode.find("mailfolder is full"), std::string::npos);
  EXPECT_EQ(records[0].reason, "mailboxfull");
}

}  // namespace
}  // namespace bg::testing
