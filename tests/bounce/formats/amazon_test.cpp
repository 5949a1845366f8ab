// Amazon SES (its SNS notifications and its bounce mails), SES receiving, and Amazon WorkMail.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(AmazonSES, ReadsABounceNotification) {
  const auto records = records_of_sample("lhost-amazonses-10.eml");
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "AmazonSES");
  EXPECT_EQ(record.recipient, "bounce@simulator.amazonses.com");
  EXPECT_EQ(record.deliverystatus, "5.1.1");
  EXPECT_EQ(record.diagnosticcode, "550 5.1.1 user unknown");
  EXPECT_EQ(record.diagnostictype, "SMTP");
  EXPECT_EQ(record.reason, "userunknown");
  EXPECT_EQ(record.addresser, "kijitora@neko.example.org");  // from the event's mail headers
}

TEST(AmazonSES, ReadsAComplaintAsAFeedbackReport) {
  const auto records = records_of_sample("lhost-amazonses-11.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "complaint@simulator.amazonses.com");
  EXPECT_EQ(records[0].reason, "feedback");
  EXPECT_EQ(records[0].feedbacktype, "abuse");
  EXPECT_EQ(records[0].kind, bounce::MessageKind::kFeedbackReport);
  EXPECT_EQ(records[0].subject, "Nyaan");
}

TEST(AmazonSES, ReadsADeliveryAsADeliveryReport) {
  const auto records = records_of_sample("lhost-amazonses-12.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "success@simulator.amazonses.com");
  EXPECT_EQ(records[0].reason, "delivered");
  EXPECT_EQ(records[0].deliverystatus, "2.6.0");
  EXPECT_EQ(records[0].replycode, "250");
  EXPECT_EQ(records[0].kind, bounce::MessageKind::kDeliveryReport);
}

TEST(AmazonSES, TakesTheStatusOfTheQuotedReply) {
  // "Status: 5.0.0"; "5.1.0 - Unknown address error 550-'5.2.2 <kijitora@example.jp>... Mailbox
  // Full'"
  const auto records = records_of_sample("lhost-amazonses-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "AmazonSES");
  EXPECT_EQ(records[0].recipient, "kijitora@example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.2.2");
  EXPECT_EQ(records[0].replycode, "550");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].lhost, "a192-79.smtp-out.amazonses.com");
}

TEST(AmazonSES, ReadsTheBounceMail) {
  const auto records = records_of_sample("lhost-amazonses-18.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@neko.nyaan.example.edu");
  EXPECT_EQ(records[0].deliverystatus, "5.4.4");
  EXPECT_EQ(records[0].reason, "hostunknown");
}

TEST(ReceivingSES, ReadsSesOwnReplies) {
  // "550 5.1.1 Mailbox does not exist": SES's receipt rules refused the address.
  const auto records = records_of_sample("lhost-receivingses-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "ReceivingSES");
  EXPECT_EQ(records[0].recipient, "userunknown@neko.example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "filtered");
  EXPECT_EQ(records[0].lhost, "inbound-smtp.us-west-2.amazonaws.com");
  EXPECT_EQ(records[0].subject, "Nyaaaaaaan");
}

TEST(ReceivingSES, ReadsATooLargeMessage) {
  const auto records = records_of_sample("lhost-receivingses-05.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].deliverystatus, "5.3.4");
  EXPECT_EQ(records[0].replycode, "552");
  EXPECT_EQ(records[0].reason, "mesgtoobig");
}

TEST(AmazonWorkMail, ReadsTheTechnicalReport) {
  const auto records = records_of_sample("lhost-amazonworkmail-08.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "AmazonWorkMail");
  EXPECT_EQ(records[0].recipient, "kijitora@libsisimai.org");
  EXPECT_EQ(records[0].deliverystatus, "5.2.2");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].lhost, "a27-125.smtp-out.us-west-2.amazonses.com");
}

TEST(AmazonWorkMail, TakesTheReplyCodeOfTheLastAttempt) {
  // "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>"
  const auto records = records_of_sample("lhost-amazonworkmail-05.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "sabatora@example.libsisimai.org");
  EXPECT_EQ(records[0].replycode, "421");
  EXPECT_EQ(records[0].reason, "expired");
}

}  // namespace
}  // namespace bg::testing
