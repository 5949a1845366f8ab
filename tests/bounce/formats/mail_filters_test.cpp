// Bounces of mail filters and gateways: ActiveHunter, amavisd-new, Barracuda, McAfee,
// SurfControl, MessageLabs, MailMarshal SMTP and InterScan MSS; and of the DragonFly Mail Agent.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(DragonFly, ReadsTheRemoteServersReplyAndCommand) {
  const auto records = records_of_sample("lhost-dragonfly-10.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "DragonFly");
  EXPECT_EQ(records[0].recipient, "hasmoved@libsisimai.net");
  EXPECT_EQ(records[0].rhost,
            "mail-inbound.libsisimai.net");  // "... [192.0.2.25] did not like our RCPT TO:"
  EXPECT_EQ(records[0].smtpcommand, "RCPT");
  EXPECT_EQ(records[0].deliverystatus, "5.1.6");
  EXPECT_EQ(records[0].reason, "hasmoved");
  EXPECT_EQ(records[0].subject(), "Nyaan 01");
}

TEST(DragonFly, FindsItsGreetingAnywhereInTheText) {
  // No Received header names dma: the greeting alone tells its bounces, from the first byte of
  // the text on.
  const std::string message = with_replaced(file_text(sample_path("lhost-dragonfly-01.eml")),
                                            "(DragonFly Mail Agent v0.13)", "(dma)");
  EXPECT_TRUE(read_by(message, "DragonFly"));
  constexpr std::string_view kGreeting = "This is the DragonFly Mail Agent";
  // Capital F's before it, each compared and passed over, some after the byte the greeting has
  // before its F.
  const std::string after_others =
      with_replaced(message, kGreeting,
                    "From Fred F. Fisher of the Foo Fighters Fan Forum (FFFF) and the DragonFlies' conFerence:\n\n" +
                        std::string(kGreeting));
  EXPECT_TRUE(read_by(after_others, "DragonFly"));
  for (std::string_view unlike :
       {"This is the DragonFly Mail agent", "This is the Dragonfly Mail Agent",
        "this is the DragonFly Mail Agent", "This is the DragonFly Mail Agen", "This is a DragonFly Mail Agent"})
    EXPECT_FALSE(read_by(with_replaced(message, kGreeting, unlike), "DragonFly")) << unlike;
}

TEST(DragonFly, ReadsAMultiLineReplyAfterFinalData) {
  const auto records = records_of_sample("lhost-dragonfly-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].smtpcommand, "DATA");
  EXPECT_EQ(records[0].rhost, "gmail-smtp-in.l.google.com");
  EXPECT_EQ(records[0].deliverystatus, "5.7.26");
  EXPECT_NE(records[0].diagnosticcode.find("DMARC policy"), std::string::npos);
  EXPECT_EQ(records[0].reason, "authfailure");
}

TEST(DragonFly, ReadsItsOwnTimeout) {
  const auto records = records_of_sample("lhost-dragonfly-29.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "expired@libsisimai.net");
  EXPECT_EQ(records[0].diagnosticcode, "Could not deliver for the last 432000 seconds. Giving up.");
  EXPECT_EQ(records[0].reason, "expired");
}

TEST(Activehunter, ReadsTheRecipientAndTheReply) {
  const auto records = records_of_sample("lhost-activehunter-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Activehunter");
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
  EXPECT_EQ(records[0].diagnosticcode, "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)");
  EXPECT_EQ(records[0].reason, "userunknown");
}

// Found by fuzzing: a ">>> ...>" line without '<' made the module cut the line at npos.
TEST(Activehunter, ARecipientLineWithoutAnAddressIsSkipped) {
  std::string message = file_text(sample_path("lhost-activehunter-01.eml"));
  const std::size_t at = message.find(">>> kijitora@example.org");
  ASSERT_NE(at, std::string::npos);
  message.insert(at, ">>> no address here>\n");
  const auto records = records_of_message(message);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
}

TEST(Amavis, ReadsItsVerdict) {
  const auto records = records_of_sample("lhost-amavis-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Amavis");
  EXPECT_EQ(records[0].recipient, "kijitora@example.com");
  EXPECT_EQ(records[0].diagnosticcode, "554 5.7.0 Reject, id=20025-09 - SPAM");
  EXPECT_EQ(records[0].reason, "spamdetected");
}

TEST(Amavis, ReadsTheRelayedReply) {
  const auto records = records_of_sample("lhost-amavis-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "neko@example.co.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
}

TEST(Barracuda, ReadsTheBlockedMessage) {
  const auto records = records_of_sample("lhost-barracuda-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Barracuda");
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
  EXPECT_EQ(records[0].deliverystatus, "5.7.1");
  EXPECT_NE(records[0].diagnosticcode.find("Message content rejected, UBE"), std::string::npos);
  EXPECT_EQ(records[0].reason, "spamdetected");
}

TEST(McAfee, ReadsTheRecipientAndTheReportsReply) {
  const auto records = records_of_sample("lhost-mcafee-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "McAfee");
  EXPECT_EQ(records[0].recipient, "kijitora@example.co.jp");
  EXPECT_EQ(records[0].diagnosticcode, "550 Unknown user kijitora@example.co.jp");
  EXPECT_EQ(records[0].rhost, "192.0.2.192");
  EXPECT_EQ(records[0].reason, "userunknown");
}

TEST(SurfControl, ReadsTheAttempt) {
  const auto records = records_of_sample("lhost-surfcontrol-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "SurfControl");
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
  EXPECT_EQ(records[0].rhost, "192.0.2.244");
  EXPECT_EQ(records[0].diagnosticcode, "554 Service currently unavailable");
  EXPECT_EQ(records[0].reason, "systemerror");
}

// No MessageLabs, MailMarshal SMTP or InterScan MSS bounce is in the corpus: the three below are
// written after the layouts Sisimai's modules for them read.
constexpr std::string_view kMessageLabsBounce =
    "From: MAILER-DAEMON@messagelabs.com\n"
    "To: kijitora@example.jp\n"
    "Subject: Mail Delivery Failure\n"
    "Date: Tue, 23 Dec 2014 20:39:35 +0000\n"
    "X-Msg-Ref: server-11.tower-143.messagelabs.com!1419367175!36473369!1\n"
    "X-Originating-IP: [10.245.230.38]\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"_mimepart_neko\"\n"
    "\n"
    "--_mimepart_neko\n"
    "Content-Type: text/plain\n"
    "\n"
    "This is an automatically generated message from MessageLabs.\n"
    "Delivery to the following recipients failed.\n"
    "\n"
    "--_mimepart_neko\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; server-15.bemta-3.messagelabs.com\n"
    "Arrival-Date: Tue, 23 Dec 2014 20:39:34 +0000\n"
    "\n"
    "Final-Recipient: rfc822; mikeneko@example.org\n"
    "Action: failed\n"
    "Status: 5.0.0\n"
    "Last-Attempt-Date: Tue, 23 Dec 2014 20:39:35 +0000\n"
    "Remote-MTA: dns; mail.example.org\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <mikeneko@example.org>... No such user\n"
    "\n"
    "--_mimepart_neko\n"
    "Content-Type: text/rfc822-headers\n"
    "\n"
    "From: kijitora@example.jp\n"
    "To: mikeneko@example.org\n"
    "Subject: Nyaan\n"
    "Message-ID: <20141223203934.neko@example.jp>\n"
    "\n"
    "--_mimepart_neko--\n";

TEST(MessageLabs, ReadsAConstructedReportAfterSisimaisLayout) {
  const auto records = records_of_message(kMessageLabsBounce);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "MessageLabs");
  EXPECT_EQ(records[0].recipient, "mikeneko@example.org");
  EXPECT_EQ(records[0].rhost, "mail.example.org");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[0].subject(), "Nyaan");
}

constexpr std::string_view kMailMarshalBounce =
    "From: postmaster@relay.example.com\n"
    "To: originalsender@example.com\n"
    "Subject: Undeliverable Mail: \"Nyaan\"\n"
    "Date: Mon, 22 Dec 2014 16:21:07 -0200\n"
    "Message-ID: <B549996730000.000000000001.0003.mml@relay.example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "Your message:\n"
    "   From:    originalsender@example.com\n"
    "   Subject: Nyaan\n"
    "\n"
    "Could not be delivered because of\n"
    "\n"
    "550 5.1.1 User unknown\n"
    "\n"
    "The following recipients were affected:\n"
    "    dummyuser@blabla.example.com\n"
    "\n"
    "Additional Information\n"
    "======================\n"
    "Original Sender:    <originalsender@example.com>\n"
    "Sender-MTA:         <10.11.12.13>\n"
    "Remote-MTA:         <10.0.0.1>\n"
    "Reporting-MTA:      <relay.example.com>\n"
    "MessageName:        <B549996730000.000000000001.0003.mml>\n"
    "Last-Attempt-Date:  <16:21:07 seg, 22 Dezembro 2014>\n";

TEST(MailMarshalSMTP, ReadsAConstructedReportAfterSisimaisLayout) {
  const auto records = records_of_message(kMailMarshalBounce);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "MailMarshalSMTP");
  EXPECT_EQ(records[0].recipient, "dummyuser@blabla.example.com");
  EXPECT_EQ(records[0].diagnosticcode, "550 5.1.1 User unknown");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_EQ(records[0].rhost, "relay.example.com");
  EXPECT_EQ(records[0].addresser, "originalsender@example.com");
  EXPECT_EQ(records[0].subject(), "Nyaan");
}

constexpr std::string_view kInterScanBounce =
    "From: \"InterScan MSS\" <postmaster@neko.example.jp>\n"
    "To: shironeko@example.jp\n"
    "Subject: Mail could not be delivered\n"
    "Date: Thu, 29 Apr 2010 23:34:45 +0900\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "This message is created by InterScan Messaging Security Suite.\n"
    "\n"
    "Mail could not be delivered.\n"
    "\n"
    "Sent <<< RCPT TO:<kijitora@example.co.jp>\n"
    "Received >>> 550 5.1.1 <kijitora@example.co.jp>... user unknown\n";

TEST(InterScanMSS, ReadsAConstructedReportAfterSisimaisLayout) {
  const auto records = records_of_message(kInterScanBounce);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "InterScanMSS");
  EXPECT_EQ(records[0].recipient, "kijitora@example.co.jp");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");
  EXPECT_EQ(records[0].diagnosticcode, "550 5.1.1 <kijitora@example.co.jp>... user unknown");
  EXPECT_EQ(records[0].reason, "userunknown");
}

}  // namespace
}  // namespace bg::testing
