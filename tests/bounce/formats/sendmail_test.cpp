// Sendmail bounces, V8 with delivery-status parts and the older V5 transcripts, read from real
// samples.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Sendmail, ReadsEachRecipientOfTheDeliveryStatusPart) {
  const auto records = records_of_sample("lhost-sendmail-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].recipient, "userunknown@example.org");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[0].rhost, "mx.example.org");
  EXPECT_EQ(records[1].recipient, "filtered@example.com");
  EXPECT_EQ(records[1].deliverystatus, "5.2.1");
  EXPECT_EQ(records[1].rhost, "mx.example.com");
  for (const auto& record : records) {
    EXPECT_EQ(record.decodedby, "Sendmail");
    EXPECT_EQ(record.smtpcommand, "DATA");  // ">>> DATA" in the transcript
    EXPECT_EQ(record.replycode, "550");
  }
}

TEST(Sendmail, TakesTheRepliesOfTheSessionThatFailed) {
  // Two sessions: "450 busy" from gateway-a, then "551 not our user" from smtp45.
  const auto records = records_of_sample("lhost-sendmail-17.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.net");
  EXPECT_EQ(records[0].deliverystatus, "5.1.6");
  EXPECT_EQ(records[0].replycode, "551");
  EXPECT_EQ(records[0].reason, "hasmoved");
  EXPECT_EQ(records[0].diagnosticcode.find("450 busy"), std::string::npos);
}

TEST(Sendmail, FindsTheSessionOfTheRemoteMtaInAnyCase) {
  // The Diagnostic-Code no longer repeats a reply: the session is found by its host alone.
  const std::string sample = with_replaced(file_text(sample_path("lhost-sendmail-17.eml")),
                                           "Diagnostic-Code: SMTP; 551 not our user", "Diagnostic-Code: SMTP; 551");
  for (const std::string host : {"smtp45.example.net", "SMTP45.Example.NET"}) {
    const auto records =
        records_of_message(with_replaced(sample, "talking to smtp45.example.net.", "talking to " + host + "."));
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].smtpcommand, "DATA") << host;
    EXPECT_NE(records[0].diagnosticcode.find("551 not our user"), std::string::npos) << host;
    EXPECT_EQ(records[0].diagnosticcode.find("450 busy"), std::string::npos) << host;
  }
}

TEST(Sendmail, ReadsAForwardedBounce) {
  const auto records = records_of_sample("lhost-sendmail-14.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Sendmail");
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
}

TEST(V5sendmail, PairsEachRecipientWithTheExchangeBeforeIt) {
  const auto records = records_of_sample("lhost-v5sendmail-05.eml");
  ASSERT_EQ(records.size(), 4u);
  for (const auto& record : records) EXPECT_EQ(record.decodedby, "V5sendmail");
  EXPECT_EQ(records[0].recipient, "kijitora@example.edu");
  EXPECT_EQ(records[0].smtpcommand, "DATA");
  EXPECT_NE(records[0].diagnosticcode.find("550 Your E-Mail is redundant"), std::string::npos);
  EXPECT_EQ(records[1].recipient, "kuroneko@example.or.jp");
  EXPECT_EQ(records[1].reason, "hostunknown");
  EXPECT_EQ(records[2].recipient, "kijitora@example.org");
  EXPECT_EQ(records[2].reason, "hostunknown");
  EXPECT_EQ(records[3].recipient, "mikeneko@example.co.jp");
  EXPECT_EQ(records[3].smtpcommand, "RCPT");
  EXPECT_EQ(records[3].reason, "userunknown");
}

TEST(V5sendmail, TakesTheRecipientFromTheUnsentMessage) {
  // "421 example.com (smtp)... Deferred: Connection timed out" names no recipient.
  const auto records = records_of_sample("lhost-v5sendmail-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");
  EXPECT_EQ(records[0].replycode, "421");
  EXPECT_EQ(records[0].reason, "expired");
}

}  // namespace
}  // namespace bg::testing
