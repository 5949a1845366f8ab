// Bounces of mail services: SendGrid, Zoho Mail, GMX, 1&1, Mail.Ru, Yandex, Verizon's gateways
// and Bigfoot.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(SendGrid, ReadsTheFieldsAndTheStageOfTheTextLine) {
  const auto records = records_of_sample("lhost-sendgrid-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "SendGrid");
  EXPECT_EQ(records[0].recipient, "kijitora@example.jp");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");  // "... User Unknown  in RCPT TO"
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
}

TEST(SendGrid, ReadsAnExpiredDelivery) {
  const auto records = records_of_sample("lhost-sendgrid-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "SendGrid");
  EXPECT_EQ(records[0].diagnosticcode, "Connection timed out");
  EXPECT_EQ(records[0].reason, "expired");  // "Action: expired"
  EXPECT_EQ(records[0].deliverystatus, "5.0.947");
}

TEST(Zoho, ReadsOneLinePerRecipient) {
  const auto records = records_of_sample("lhost-zoho-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].decodedby, "Zoho");
  EXPECT_EQ(records[0].recipient, "mikeneko@example.co.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.2.1");
  EXPECT_EQ(records[1].recipient, "sabineko@example.co.jp");
  EXPECT_EQ(records[1].deliverystatus, "5.2.2");
  EXPECT_EQ(records[1].reason, "mailboxfull");
  EXPECT_EQ(records[1].subject(), "Nyaaan");  // from the original's headers in the text
}

TEST(Zoho, ReadsAnUnreachableHostAsExpired) {
  const auto records = records_of_sample("lhost-zoho-05.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@7jo.example.jp");
  EXPECT_EQ(records[0].replycode, "421");
  EXPECT_EQ(records[0].reason, "expired");  // "Host not reachable."
}

TEST(GMX, ReadsEachRecipientItsHostAndCommand) {
  const auto records = records_of_sample("lhost-gmx-03.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].decodedby, "GMX");
  EXPECT_EQ(records[0].recipient, "mikeneko@example.co.jp");
  EXPECT_EQ(records[0].rhost, "mx.example.co.jp");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");
  EXPECT_EQ(records[0].diagnosticcode, "5.2.1 <mikeneko@example.co.jp>... User Unknown");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[1].recipient, "sabineko@example.co.jp");
  EXPECT_EQ(records[1].reason, "mailboxfull");
}

TEST(EinsUndEins, ReadsItsOwnExplanation) {
  const auto records = records_of_sample("lhost-einsundeins-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "EinsUndEins");
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
  EXPECT_NE(records[0].diagnosticcode.find("Mail size limit exceeded."), std::string::npos);
  EXPECT_EQ(records[0].reason, "mesgtoobig");
}

TEST(EinsUndEins, ReadsTheRemoteServersReply) {
  const auto records = records_of_sample("lhost-einsundeins-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "xxxx@xxxx.fr");
  EXPECT_EQ(records[0].rhost, "smtp-in.orange.fr");
  EXPECT_EQ(records[0].smtpcommand, "DATA");  // "for TEXT command"
  EXPECT_EQ(records[0].deliverystatus, "5.2.0");
  EXPECT_EQ(records[0].reason, "spamdetected");  // Orange's "ofr_506"
}

TEST(MailRu, ReadsTheEnglishHalfOnce) {
  const auto records = records_of_sample("lhost-mailru-03.eml");
  ASSERT_EQ(records.size(), 2u);  // the notice lists them in Russian, then in English
  EXPECT_EQ(records[0].decodedby, "MailRu");
  EXPECT_EQ(records[0].recipient, "mikeneko@example.jp");
  EXPECT_EQ(records[0].rhost, "mx.example.jp");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[1].recipient, "sabineko@example.jp");
  EXPECT_EQ(records[1].reason, "userunknown");
}

TEST(MailRu, ReadsEximsOwnMessages) {
  const auto records = records_of_sample("lhost-mailru-05.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "neko@libsisimai.org");
  EXPECT_EQ(records[0].diagnosticcode, "an MX or SRV record indicated no SMTP service");
  EXPECT_EQ(records[0].reason, "notaccept");
}

TEST(Yandex, ReadsTheFieldsAndTheCommandOfEachReply) {
  const auto records = records_of_sample("lhost-yandex-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].decodedby, "Yandex");
  EXPECT_EQ(records[0].recipient, "mikeneko@example.jp");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[1].recipient, "sabineko@example.jp");
  EXPECT_EQ(records[1].reason, "mailboxfull");
  EXPECT_EQ(records[1].lhost, "forward1h.mail.yandex.net");
}

TEST(Verizon, ReadsTheMmsGateway) {
  const auto records = records_of_sample("lhost-verizon-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Verizon");
  EXPECT_EQ(records[0].recipient, "0000000000@vzwpix.com");
  EXPECT_EQ(records[0].diagnosticcode, "No valid recipients for this MM");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[0].subject(), "test for bounce");
}

TEST(Bigfoot, ReadsTheTranscriptAndTheFields) {
  const auto records = records_of_sample("lhost-bigfoot-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Bigfoot");
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");  // ">>> RCPT TO:<kijitora@example.org>"
  EXPECT_EQ(records[0].rhost, "neko22.mx.example.org");
  EXPECT_EQ(records[0].replycode, "553");
  EXPECT_EQ(records[0].reason, "userunknown");
}

}  // namespace
}  // namespace bg::testing
