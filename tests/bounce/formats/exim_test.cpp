// Exim bounces, and MXLogic's that reuse Exim's wording, read from real samples.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Exim, ReadsEachAddressAndTheRemoteServersReply) {
  const auto records = records_of_sample("lhost-exim-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[1].recipient, "sabatora@example.jp");
  EXPECT_EQ(records[1].deliverystatus, "5.2.1");
  for (const auto& record : records) {
    EXPECT_EQ(record.decodedby, "Exim");
    EXPECT_EQ(record.smtpcommand, "RCPT");  // "SMTP error from remote mail server after RCPT TO:"
    EXPECT_EQ(record.rhost, "mx.example.jp");
    EXPECT_EQ(record.replycode, "550");
    EXPECT_EQ(record.reason, "userunknown");
  }
}

TEST(Exim, TakesItsMessageIdAsTheSecondClue) {
  // Exim's From, but not its subject: the Message-Id decides.
  const std::string message = with_replaced(file_text(sample_path("lhost-exim-02.eml")),
                                            "Subject: Mail delivery failed: returning message to sender",
                                            "Subject: Returned mail");
  EXPECT_TRUE(read_by(message, "Exim"));
  EXPECT_FALSE(read_by(with_replaced(message, "E1X58pT-0004bZ-Co@", "20140715.0004bZ@"), "Exim"));
}

TEST(Exim, TakesItsMessageIdWithItsSubjectFromAnySender) {
  // Exim's subject, but not its From: the Message-Id decides, its first group six or seven long.
  const std::string message = with_replaced(file_text(sample_path("lhost-exim-02.eml")),
                                            "From: Mail Delivery System <Mailer-Daemon@marutamachi.example.org>",
                                            "From: Postmaster <postmaster@marutamachi.example.org>");
  const auto read_with_id = [&](std::string_view id) {
    return read_by(with_replaced(message, "<E1X58pT-0004bZ-Co@marutamachi.example.org>", id), "Exim");
  };
  EXPECT_TRUE(read_with_id("<E1X58pT-0004bZ-Co@marutamachi.example.org>"));
  EXPECT_TRUE(read_with_id("<1X58pT-0004bZ-Co@marutamachi.example.org>"));
  EXPECT_TRUE(read_with_id("<E1X58pTa-0004bZ-Co@marutamachi.example.org>"));
  EXPECT_TRUE(read_with_id("<E1X58pT-0004bZ-Coab@marutamachi.example.org>"));
  EXPECT_FALSE(read_with_id("<E1X58p-0004bZ-Co@marutamachi.example.org>"));
  EXPECT_FALSE(read_with_id("<E1X58pTab-0004bZ-Co@marutamachi.example.org>"));
  EXPECT_FALSE(read_with_id("<e1X58pTa-0004bZ-Co@marutamachi.example.org>"));
  EXPECT_FALSE(read_with_id("<E1X58pT-0004bZ-C@marutamachi.example.org>"));
  EXPECT_FALSE(read_with_id("<E1X58pT-0004b-Co@marutamachi.example.org>"));
  EXPECT_FALSE(read_with_id("<E1X58pT@-0004bZ-Co.marutamachi.example.org>"));
  EXPECT_FALSE(read_with_id("<E1X58pT-0004bZ-Co>"));
  EXPECT_FALSE(read_with_id("<E1X58pT>"));
  EXPECT_FALSE(read_with_id("<E1X58>"));
  EXPECT_FALSE(read_with_id("<E>"));
  EXPECT_FALSE(read_with_id("<>"));
  EXPECT_FALSE(read_with_id(""));
}

TEST(Exim, LeavesMailRuToItsOwnModule) {
  EXPECT_FALSE(read_by(with_replaced(file_text(sample_path("lhost-exim-02.eml")),
                                     "Mailer-Daemon@marutamachi.example.org", "mailer-daemon@corp.mail.ru"),
                       "Exim"));
}

TEST(Exim, ReadsTheSpoofedBackscatterSeed) {
  const auto records = records_of_message(
      file_text(std::string(BOUNCEGUARD_TEST_DATA) + "/seed/exim-spoofed-backscatter.eml"));
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "Exim");
  EXPECT_EQ(record.recipient, "j.doe@remote-isp.net");
  EXPECT_EQ(record.deliverystatus, "5.1.1");
  EXPECT_EQ(record.reason, "userunknown");
  EXPECT_EQ(record.rhost, "mx.remote-isp.net");
  // The returned original came from a host outside the sender's domain.
  ASSERT_FALSE(record.original.received.empty());
  EXPECT_EQ(record.original.received.front().from_ip, "185.220.101.47");
  EXPECT_EQ(record.original.received.front().from_host, "WIN-7Q2K3L9");
  EXPECT_EQ(record.subject(), "Invoice #88213 overdue - action required");
}

TEST(Exim, ReadsItsOwnMessagesWhenNoServerReplied) {
  const auto records = records_of_sample("lhost-exim-07.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "shiba@example.com");  // from X-Failed-Recipients: "save to xxxx"
  EXPECT_NE(records[0].diagnosticcode.find("mailbox is full"), std::string::npos);
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].deliverystatus, "4.0.922");
}

TEST(Exim, MarksDelayWarningsAsDelayed) {
  const auto records = records_of_sample("lhost-exim-38.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.co.jp");
  EXPECT_EQ(records[0].action, "delayed");  // "Warning: message ... delayed 24 hours"
  EXPECT_EQ(records[0].smtpcommand, "MAIL");
  EXPECT_EQ(records[0].replycode, "450");
  EXPECT_EQ(records[0].rhost, "mta-nyaan.example.co.jp");
  EXPECT_EQ(records[0].kind, bounce::MessageKind::kDelay);
}

TEST(Exim, ReadsAFailedPipeAsALocalProgramError) {
  const auto records = records_of_sample("lhost-exim-53.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");  // "generated by kijitora@example.com"
  EXPECT_EQ(records[0].diagnostictype, "X-UNIX");
  EXPECT_EQ(records[0].reason, "mailererror");
}

TEST(MXLogic, ReadsTheBracketedRecipientAndItsReply) {
  const auto records = records_of_sample("lhost-mxlogic-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "MXLogic");
  EXPECT_EQ(records[0].recipient, "kijitora@example.co.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[0].subject(), "Nyaaaan");
}

}  // namespace
}  // namespace bg::testing
