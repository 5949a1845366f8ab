// Exchange Server 2003 and 2007+, Office 365 and Outlook.com bounces, read from real samples.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Exchange2003, ReadsEachRecipientAndItsMsexchCode) {
  const auto records = records_of_sample("lhost-exchange2003-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.co.jp");
  EXPECT_EQ(records[1].recipient, "mikeneko@example.co.jp");
  for (const auto& record : records) {
    EXPECT_EQ(record.decodedby, "Exchange2003");
    // (000C05A6) is Exchange's "Unknown Recipient"; the report gives no status code.
    EXPECT_NE(record.diagnosticcode.find("(000C05A6) Unknown Recipient"), std::string::npos);
    EXPECT_EQ(record.reason, "userunknown");
    EXPECT_EQ(record.deliverystatus, "5.0.911");
    EXPECT_TRUE(record.hardbounce);
    EXPECT_EQ(record.subject(), "email bounce");
  }
}

TEST(Exchange2003, JoinsTheCodeWrappedOntoTheNextLine) {
  const auto records = records_of_sample("lhost-exchange2003-07.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@EXAMPLE.ORG");
  EXPECT_NE(records[0].diagnosticcode.find("(000C05A6) Unknown Recipient"), std::string::npos);
  EXPECT_EQ(records[0].reason, "userunknown");
}

TEST(Exchange2003, TakesTheOriginalFromYourMessageWhenNoneIsReturned) {
  const auto records = records_of_sample("lhost-exchange2003-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.jp");
  EXPECT_EQ(records[0].subject(), "Kijitora Cat");
  EXPECT_EQ(records[0].decodedby, "Exchange2003");
}

TEST(Exchange2007, ReadsTheAdministratorsSection) {
  const auto records = records_of_sample("lhost-exchange2007-03.eml");
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "Exchange2007");
  EXPECT_EQ(record.recipient, "kijitora@neko.example.com");
  EXPECT_EQ(record.deliverystatus, "5.2.3");
  EXPECT_EQ(record.replycode, "550");
  EXPECT_EQ(record.reason, "mesgtoobig");  // RESOLVER.RST.RecipSizeLimit
  EXPECT_EQ(record.lhost, "neko.example.com");
  EXPECT_NE(record.diagnosticcode.find("RESOLVER.RST.RecipSizeLimit"), std::string::npos);
}

TEST(Exchange2007, ReadsFrenchReportsAndTheirOriginal) {
  const auto records = records_of_sample("lhost-exchange2007-06.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Exchange2007");
  EXPECT_EQ(records[0].recipient, "transports@agglo-saumur.fr");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[0].lhost, "srv124.ville-saumur.fr");
  EXPECT_EQ(records[0].messageid(), "1513177790.ha3dsljxgizc2mjrgq2dkobx@mb.newsletter-autos.fr");
}

TEST(Exchange2007, KeepsTheReplyOfTheLastAttempt) {
  // Two attempts: "550 4.4.7 QUEUE.Expired" at 8:05 PM after "441 4.4.1 ... Failed to connect".
  const auto records = records_of_sample("lhost-exchange2007-05.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "gwang1@student.mlcsyd.nsw.edu.au");
  EXPECT_EQ(records[0].deliverystatus, "4.4.1");
  EXPECT_EQ(records[0].replycode, "");  // 441 is no SMTP reply code
  EXPECT_EQ(records[0].reason, "expired");
}

TEST(Office365, ReadsTheSeedUnknownRecipient) {
  const auto records = records_of_message(
      file_text(std::string(BOUNCEGUARD_TEST_DATA) + "/seed/office365-ndr-unknown-recipient.eml"));
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "Office365");
  EXPECT_EQ(record.recipient, "carol.smith@partner-co.example");
  EXPECT_EQ(record.addresser, "bob@example.com");
  EXPECT_EQ(record.deliverystatus, "5.1.10");
  EXPECT_EQ(record.replycode, "550");
  EXPECT_EQ(record.reason, "userunknown");
  EXPECT_TRUE(record.hardbounce);
  EXPECT_EQ(record.kind, bounce::MessageKind::kBounce);
  EXPECT_NE(record.diagnosticcode.find("RESOLVER.ADR.RecipientNotFound"), std::string::npos);
  EXPECT_EQ(record.lhost, "am9pr02mb7250.eurprd02.prod.outlook.com");
  EXPECT_EQ(record.subject(), "Quarterly figures");
  EXPECT_EQ(record.messageid(),
            "AM9PR02MB72503A1D2F6C8E9B7A1C4E55D1232@AM9PR02MB7250.eurprd02.prod.outlook.com");
  EXPECT_EQ(record.original.x_originating_ip, "203.0.113.77");
}

TEST(Office365, ReadsTheRemoteServerAndItsReply) {
  const auto records = records_of_sample("lhost-office365-07.eml");
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "Office365");
  EXPECT_EQ(record.recipient, "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp");
  EXPECT_EQ(record.rhost, "msmx.au.com");
  EXPECT_EQ(record.deliverystatus, "5.1.351");
  EXPECT_EQ(record.smtpcommand, "RCPT");  // "unknown recipient or mailbox unavailable ->"
  EXPECT_EQ(record.reason, "userunknown");
}

TEST(Office365, ReadsItsOwnStatusCodes) {
  // 5.4.312: the DNS query for the recipient's domain failed until the message expired.
  const auto records = records_of_sample("lhost-office365-06.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "neko@libsisimai.org");
  EXPECT_EQ(records[0].deliverystatus, "5.4.312");
  EXPECT_EQ(records[0].reason, "networkerror");
}

TEST(Office365, ReadsTheNewerLayoutWithErrorDetails) {
  const auto records = records_of_sample("lhost-office365-13.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora-nyaan@neko.kyoto.example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.1.10");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[0].decodedby, "Office365");
}

TEST(Office365, ReadsAReportWithoutDeliveryStatusPart) {
  const auto records = records_of_sample("lhost-office365-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.onmicrosoft.com");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].lhost, "nekochan.example.prod.outlook.com");
  EXPECT_EQ(records[0].addresser, "sironeko@example.jp");
}

// An Office 365 report whose only header clue is its subject, with `host` where its Message-ID
// and the Received header it came through name their server.
std::string office365_report_from(std::string_view host) {
  const std::string name(host);
  return "Received: from mail.example.jp by " + name + " with SMTP id 15.20.1234.5; Mon, 6 Jan 2025 10:00:00 +0000\n"
         "From: postmaster@example.onmicrosoft.com\n"
         "To: sironeko@example.jp\n"
         "Subject: Undeliverable: Nyaan\n"
         "Date: Mon, 6 Jan 2025 10:00:01 +0000\n"
         "Message-ID: <0123456789ABCDEF@" + name + ">\n"
         "MIME-Version: 1.0\n"
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
         "\n"
         "--b\n"
         "Content-Type: text/plain; charset=us-ascii\n"
         "\n"
         "Delivery has failed to these recipients or groups:\n"
         "\n"
         "kijitora@example.org\n"
         "\n"
         "--b\n"
         "Content-Type: message/delivery-status\n"
         "\n"
         "Reporting-MTA: dns; " + name + "\n"
         "\n"
         "Final-Recipient: rfc822; kijitora@example.org\n"
         "Action: failed\n"
         "Status: 5.1.10\n"
         "Diagnostic-Code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found\n"
         "\n"
         "--b--\n";
}

TEST(Office365, KnowsExchangeOnlineHostsInAnyCase) {
  for (std::string_view host :
       {"AM9PR02MB7250.eurprd02.prod.outlook.com", "am9pr02mb7250.EURPRD02.PROD.OUTLOOK.COM",
        "mail.outlook.com.am9pr02mb7250.Prod.Outlook.Com",
        "eur05-am6-obe.Outbound.Protection.outlook.com", "x.outbound.protection.OUTLOOK.COM"}) {
    const auto records = records_of_message(office365_report_from(host));
    ASSERT_EQ(records.size(), 1u) << host;
    EXPECT_EQ(records[0].decodedby, "Office365") << host;
  }
}

// Without the subject, the Message-ID and the Received header are the two clues: a Received
// header is read only when it holds the domain, in any case, and the Message-ID alone is not enough.
TEST(Office365, KnowsAReportByItsMessageIdAndReceivedHeaderInAnyCase) {
  for (std::string_view host :
       {"AM9PR02MB7250.eurprd02.prod.outlook.com", "am9pr02mb7250.EURPRD02.PROD.OUTLOOK.COM",
        "x.outbound.protection.OuTlOoK.cOm"}) {
    const std::string report = with_replaced(office365_report_from(host), "Subject: Undeliverable: Nyaan", "Subject: Nyaan");
    EXPECT_TRUE(read_by(report, "Office365")) << host;
    const std::string elsewhere = with_replaced(report, "by " + std::string(host), "by mx.example.org");
    EXPECT_FALSE(read_by(elsewhere, "Office365")) << host;
  }
}

TEST(Office365, LeavesHostsThatOnlyResembleExchangeOnline) {
  for (std::string_view host : {"am9pr02mb7250.nonprod.outlook.com", "mail-outbound.protection.outlook.com",
                                "prod.outlook.com", "x.prod.outlook.co", "x.prod-outlook.com"}) {
    for (const auto& record : records_of_message(office365_report_from(host)))
      EXPECT_NE(record.decodedby, "Office365") << host;
  }
}

TEST(Outlook, ReadsTheDeliveryStatusFields) {
  const auto records = records_of_sample("lhost-outlook-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Outlook");
  EXPECT_EQ(records[0].recipient, "kijitora@example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.2.2");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].lhost, "blu004-omc3s13.hotmail.example.com");
}

TEST(Outlook, ReadsItsOwnMessages) {
  // "The mail could not be delivered to the recipient because the domain is not reachable."
  const auto records = records_of_sample("lhost-outlook-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].deliverystatus, "5.5.0");
  EXPECT_EQ(records[0].reason, "hostunknown");
}

TEST(Outlook, ExplainsADelayWithItsSummary) {
  const auto records = records_of_sample("lhost-outlook-06.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].action, "delayed");
  EXPECT_EQ(records[0].kind, bounce::MessageKind::kDelay);
  EXPECT_EQ(records[0].diagnosticcode, "Delivery to the following recipients has been delayed.");
  EXPECT_EQ(records[0].reason, "expired");
}

}  // namespace
}  // namespace bg::testing
