// Yahoo! Mail and AOL Mail bounces.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Yahoo, ReadsTheRecipientTheReplyAndTheCommandInBrackets) {
  const auto records = records_of_sample("lhost-yahoo-01.eml");
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "Yahoo");
  EXPECT_EQ(record.recipient, "kijitora@example.org");
  EXPECT_EQ(record.smtpcommand, "RCPT");  // "[RCPT_TO]"
  EXPECT_EQ(record.deliverystatus, "5.1.1");
  EXPECT_EQ(record.replycode, "550");
  EXPECT_EQ(record.reason, "userunknown");
  EXPECT_NE(record.diagnosticcode.find("User Unknown"), std::string::npos);
}

TEST(Yahoo, ReadsARefusedSender) {
  const auto records = records_of_sample("lhost-yahoo-11.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].smtpcommand, "MAIL");  // "[MAIL_FROM]"
  EXPECT_EQ(records[0].deliverystatus, "5.1.8");
  EXPECT_EQ(records[0].replycode, "501");
  EXPECT_EQ(records[0].reason, "rejected");
}

TEST(Yahoo, ReadsTheReplyOnTheLinesAfterRemoteHostSaid) {
  const auto records = records_of_sample("lhost-yahoo-14.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.org");
  EXPECT_EQ(records[0].diagnosticcode, "554 INVALID IP FOR SENDING MAIL OF DOMAIN amazonses.com");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");
  EXPECT_EQ(records[0].reason, "blocked");
}

// No AOL bounce is in the corpus: this one is written after the layout Sisimai's Aol module
// reads (X-AOL-IP and a standard delivery-status part with AOL's own wording).
constexpr std::string_view kAolBounce =
    "Return-Path: <>\n"
    "From: Mail Delivery System <MAILER-DAEMON@aol.com>\n"
    "To: shironeko@aol.example.jp\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Date: Thu, 29 Apr 2014 23:34:45 -0400 (EDT)\n"
    "X-AOL-IP: 192.0.2.135\n"
    "Message-Id: <20140429233445.07391702BF4DC@omr-m01.mx.aol.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; "
    "boundary=\"07391702BF4DC.1399347285/omr-m01.mx.aol.com\"\n"
    "\n"
    "--07391702BF4DC.1399347285/omr-m01.mx.aol.com\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "This is the mail system at host omr-m01.mx.aol.com.\n"
    "\n"
    "<kijitora@example.gov>: Host or domain name not found. Name service error for\n"
    "    name=example.gov type=A: Host not found\n"
    "\n"
    "--07391702BF4DC.1399347285/omr-m01.mx.aol.com\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; omr-m01.mx.aol.com\n"
    "X-Outbound-Mail-Relay-Queue-ID: 07391702BF4DC\n"
    "X-Outbound-Mail-Relay-Sender: rfc822; shironeko@aol.example.jp\n"
    "Arrival-Date: Thu, 29 Apr 2014 23:34:45 -0400 (EDT)\n"
    "\n"
    "Final-Recipient: rfc822; kijitora@example.gov\n"
    "Original-Recipient: rfc822;kijitora@example.gov\n"
    "Action: failed\n"
    "Status: 5.4.4\n"
    "Diagnostic-Code: X-Outbound-Mail-Relay; Host or domain name not found. Name service error\n"
    "    for name=example.gov type=A: Host not found\n"
    "\n"
    "--07391702BF4DC.1399347285/omr-m01.mx.aol.com\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: shironeko@aol.example.jp\n"
    "To: kijitora@example.gov\n"
    "Subject: Nyaan\n"
    "Message-Id: <8D13623E5C0BBD1-DB0-1C9B@webmail-m101.sysops.aol.com>\n"
    "\n"
    "Nyaan\n"
    "\n"
    "--07391702BF4DC.1399347285/omr-m01.mx.aol.com--\n";

TEST(Aol, ReadsAConstructedReportAfterSisimaisLayout) {
  const auto records = records_of_message(kAolBounce);
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "Aol");
  EXPECT_EQ(record.recipient, "kijitora@example.gov");
  EXPECT_EQ(record.deliverystatus, "5.4.4");
  EXPECT_EQ(record.reason, "hostunknown");  // "Host or domain name not found"
  EXPECT_TRUE(record.hardbounce);
  EXPECT_EQ(record.lhost, "omr-m01.mx.aol.com");
  EXPECT_EQ(record.addresser, "shironeko@aol.example.jp");
}

}  // namespace
}  // namespace bg::testing
