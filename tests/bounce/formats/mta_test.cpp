// Bounces of the other classic mail servers and gateways (OpenSMTPD, Courier, Lotus Domino and
// Notes, Apache James, Messaging Server, IMail, PowerMTA, MailFoundry, m-FILTER, fml) and of
// the unidentified ones Sisimai calls X1, X2, X3, X5 and X6, read from real samples.
#include <gtest/gtest.h>

#include "bounce/bounce_message.h"
#include "bounce/engines/engines.h"
#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(OpenSMTPD, ReadsOneLinePerRecipient) {
  const auto records = records_of_sample("lhost-opensmtpd-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].decodedby, "OpenSMTPD");
  EXPECT_EQ(records[0].recipient, "mailboxfull@example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.2.2");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[1].recipient, "userunknown@example.jp");
  EXPECT_EQ(records[1].reason, "userunknown");
}

TEST(OpenSMTPD, ReadsItsOwnMessages) {
  const auto records = records_of_sample("lhost-opensmtpd-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@neko.example.jp");
  EXPECT_EQ(records[0].diagnosticcode, "Domain does not exist");
  EXPECT_EQ(records[0].reason, "hostunknown");
}

TEST(Courier, TakesTheCommandFromTheRecipientsExchange) {
  const auto records = records_of_sample("lhost-courier-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Courier");
  EXPECT_EQ(records[0].recipient, "kijitora@example.jp");
  EXPECT_EQ(records[0].smtpcommand, "DATA");  // ">>> DATA" then "<<< 550 Unknown user"
  EXPECT_EQ(records[0].rhost, "mfsmax.example.jp");
  EXPECT_EQ(records[0].reason, "filtered");
}

TEST(Domino, ReadsTheJapaneseReason) {
  const auto records = records_of_sample("lhost-domino-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Domino");
  EXPECT_EQ(records[0].recipient, "kijitora@example.co.jp");
  EXPECT_NE(records[0].diagnosticcode.find("Domino ディレクトリには見つかりません"),
            std::string::npos);
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[0].deliverystatus, "5.0.0");
}

TEST(Notes, ReadsTheReasonBeforeTheRecipient) {
  const auto records = records_of_sample("lhost-notes-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Notes");
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");
  EXPECT_EQ(records[0].diagnosticcode, "User not listed in public Name & Address Book");
  EXPECT_EQ(records[0].reason, "userunknown");
}

// The Apache James and fml samples lost the headers that mark them as automatic mail, so their
// modules are asked directly.
bounce::EngineResult inquire(const bounce::Engine& engine, std::string_view sample,
                             const std::string& text) {
  bounce::BounceMessage message;
  message.parse(text);
  bounce::EngineResult result;
  EXPECT_TRUE(engine.inquire(message, result)) << sample;
  return result;
}

TEST(ApacheJames, ReadsTheRecipientFromTheMessageDetails) {
  const std::string text = file_text(sample_path("lhost-apachejames-01.eml"));
  const auto result = inquire(bounce::apache_james_engine(), "lhost-apachejames-01.eml", text);
  ASSERT_EQ(result.recipients.size(), 1u);
  EXPECT_EQ(result.recipients[0].recipient, "000000000000@vtext.example.com");
  EXPECT_NE(
      result.recipients[0].diagnosis.find("550 - Requested action not taken: no such user here"),
      std::string::npos);
}

TEST(FML, ReadsTheMemberAndTheListsVerdict) {
  const std::string text = file_text(sample_path("lhost-fml-03.eml"));
  const auto result = inquire(bounce::fml_engine(), "lhost-fml-03.eml", text);
  ASSERT_EQ(result.recipients.size(), 1u);
  EXPECT_EQ(result.recipients[0].recipient, "neko@example.co.jp");
  EXPECT_EQ(result.recipients[0].diagnosis, "Duplicated Message-ID in <neko@example.co.jp>.");
  EXPECT_EQ(result.recipients[0].reason, "systemerror");
}

TEST(MessagingServer, ReadsEachRecipientBlock) {
  const auto records = records_of_sample("lhost-messagingserver-03.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].recipient, "sabineko@example.org");
  EXPECT_EQ(records[1].recipient, "mikeneko@example.org");
  for (const auto& record : records) {
    EXPECT_EQ(record.decodedby, "MessagingServer");
    EXPECT_EQ(record.deliverystatus, "5.7.1");
    EXPECT_EQ(record.rhost, "mailbox0.d5.example.org");
  }
}

TEST(IMailServer, ReadsTheRemoteResponse) {
  const auto records = records_of_sample("lhost-imailserver-06.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "IMailServer");
  EXPECT_EQ(records[0].recipient, "kijitora@example.jp");  // "undeliverable to kijitora@example.jp"
  EXPECT_NE(records[0].diagnosticcode.find("Blacklisted URL in message"), std::string::npos);
  EXPECT_EQ(records[0].reason, "spamdetected");
}

TEST(IMailServer, ReadsTheReasonInFrontOfTheAddress) {
  const auto records = records_of_sample("lhost-imailserver-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.co.jp");
  EXPECT_EQ(records[0].diagnosticcode, "User mailbox exceeds allowed size");
  EXPECT_EQ(records[0].reason, "mailboxfull");
}

TEST(PowerMTA, ReadsTheBounceCategory) {
  const auto records = records_of_sample("lhost-powermta-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "PowerMTA");
  EXPECT_EQ(records[0].reason, "userunknown");  // "X-PowerMTA-BounceCategory: bad-mailbox"
  EXPECT_EQ(records[0].replycode, "554");
}

TEST(MailFoundry, ReadsTheReasonBelowTheRecipient) {
  const auto records = records_of_sample("lhost-mailfoundry-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "MailFoundry");
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
  EXPECT_EQ(records[0].replycode, "552");
  EXPECT_EQ(records[0].reason, "mailboxfull");  // "mailbox ... is over quota"
}

TEST(mFILTER, ReadsTheServerMessageAndCommand) {
  const auto records = records_of_sample("lhost-mfilter-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "mFILTER");
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");
  EXPECT_EQ(records[0].diagnosticcode, "550 unknown user <kijitora@example.com>");
  EXPECT_EQ(records[0].smtpcommand, "DATA");
}

TEST(X1, ReadsTheReasonInBrackets) {
  const auto records = records_of_sample("lhost-x1-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "X1");
  EXPECT_EQ(records[0].recipient, "kijitora@example.co.jp");
  EXPECT_EQ(records[0].diagnosticcode, "User unknown");
}

TEST(X2, ReadsEachRecipientsText) {
  const auto records = records_of_sample("lhost-x2-02.eml");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");
  EXPECT_EQ(records[1].recipient, "mikeneko@example.com");
  EXPECT_EQ(records[1].reason, "suspend");  // "This account has been disabled or discontinued"
  EXPECT_EQ(records[2].recipient, "sabineko@example.com");
  for (const auto& record : records) EXPECT_EQ(record.decodedby, "X2");
}

TEST(X3, ReadsTheTechnicalDetails) {
  const auto records = records_of_sample("lhost-x3-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "X3");
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");  // "SMTP:RCPT host 192.0.2.8: 553 5.3.0 ..."
  EXPECT_EQ(records[0].deliverystatus, "5.3.0");
  EXPECT_EQ(records[0].reason, "userunknown");
}

TEST(X5, ReadsTheWrappedBouncesDeliveryStatus) {
  const auto records = records_of_sample("lhost-x5-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "X5");
  EXPECT_EQ(records[0].recipient, "kijitora@neko.example.org");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
}

TEST(X6, ReadsTheRecipientAndCommandOfEachError) {
  const auto records = records_of_sample("lhost-x6-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "X6");
  EXPECT_EQ(records[0].recipient, "kijitora@libsisimai.org");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");  // "(Error following RCPT command)"
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].subject(), "Nyaan");
}

}  // namespace
}  // namespace bg::testing
