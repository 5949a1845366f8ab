// Gmail, Google Groups and Google Workspace (G Suite) bounces.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Gmail, ReadsTheRecipientTheRemoteHostAndItsReply) {
  const auto records = records_of_sample("lhost-gmail-01.eml");
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "Gmail");
  EXPECT_EQ(record.recipient, "userunknown@example.jp");
  EXPECT_EQ(record.rhost, "mx.example.jp");  // "... by mx.example.jp. [192.0.2.153]."
  EXPECT_EQ(record.deliverystatus, "5.1.1");
  EXPECT_EQ(record.replycode, "550");
  EXPECT_EQ(record.reason, "userunknown");
  EXPECT_EQ(record.subject(), "TEST FROM GMAIL.COM");
}

TEST(Gmail, ReadsTheStageOfItsStateCode) {
  // "500 Remote server does not support TLS (state 6)": refused at MAIL, Gmail's system error.
  const auto records = records_of_sample("lhost-gmail-07.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@example.ed.jp");
  EXPECT_EQ(records[0].smtpcommand, "MAIL");
  EXPECT_EQ(records[0].replycode, "500");
  EXPECT_EQ(records[0].reason, "systemerror");
}

TEST(Gmail, LetsADetailedStatusCodeOverruleTheState) {
  // "(state 14)" is the RCPT stage, but "4.2.2 ... Mailbox Full" says what happened.
  const auto records = records_of_sample("lhost-gmail-06.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].smtpcommand, "RCPT");
  EXPECT_EQ(records[0].deliverystatus, "4.2.2");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].action, "delayed");  // "Technical details of temporary failure"
}

TEST(Gmail, ReadsConnectionFailuresAsExpired) {
  const auto records = records_of_sample("lhost-gmail-15.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "mikeneko@libsisimai.org");
  EXPECT_NE(records[0].diagnosticcode.find("did not accept our requests to connect"),
            std::string::npos);
  EXPECT_EQ(records[0].reason, "expired");
  EXPECT_EQ(records[0].deliverystatus, "5.0.947");
}

TEST(GoogleGroups, ReadsTheRefusedPostToAGroup) {
  const auto records = records_of_sample("lhost-googlegroups-14.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "GoogleGroups");
  EXPECT_EQ(records[0].recipient, "libsisimai@googlegroups.com");  // from X-Failed-Recipients
  EXPECT_EQ(records[0].reason, "rejected");
  EXPECT_EQ(records[0].deliverystatus, "5.0.918");
  EXPECT_NE(records[0].diagnosticcode.find("may not exist, or you may not have permission to post"),
            std::string::npos);
}

TEST(GoogleGroups, ReadsNoticesInOtherLanguages) {
  const auto records = records_of_sample("lhost-googlegroups-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "GoogleGroups");
  EXPECT_EQ(records[0].reason, "rejected");
}

// No G Suite bounce is in the corpus: this one is written after the layout Sisimai's GSuite
// module reads (a "** Address not found **" text quoting the remote server, then a
// message/delivery-status part whose Status gives only the class).
constexpr std::string_view kGSuiteBounce =
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
    "To: kijitora@example.jp\n"
    "Subject: Delivery Status Notification (Failure)\n"
    "X-Gm-Message-State: AGRZ1gKNeko0Nyaan\n"
    "Message-ID: <5be1bd4d.1c69fb81.42f1.5c14.GMR@mx.google.com>\n"
    "Date: Tue, 06 Nov 2018 08:27:25 -0800 (PST)\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; boundary=\"000000000000bb8d4c0579ffff\"; "
    "report-type=delivery-status\n"
    "\n"
    "--000000000000bb8d4c0579ffff\n"
    "Content-Type: text/plain; charset=\"UTF-8\"\n"
    "\n"
    "** Address not found **\n"
    "\n"
    "Your message wasn't delivered to neko@example.org because the address couldn't be found. "
    "Check for typos or unnecessary spaces and try again.\n"
    "\n"
    "The response from the remote server was:\n"
    "550 5.1.1 <neko@example.org>: Recipient address rejected: User unknown in local recipient "
    "table\n"
    "\n"
    "--000000000000bb8d4c0579ffff\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; googlemail.com\n"
    "Received-From-MTA: dns; kijitora@example.jp\n"
    "Arrival-Date: Tue, 06 Nov 2018 08:27:24 -0800 (PST)\n"
    "\n"
    "Final-Recipient: rfc822; neko@example.org\n"
    "Action: failed\n"
    "Status: 5.0.0\n"
    "Remote-MTA: dns; mx.example.org. (192.0.2.25, the server for the domain example.org.)\n"
    "Diagnostic-Code: smtp; 550\n"
    "Last-Attempt-Date: Tue, 06 Nov 2018 08:27:25 -0800 (PST)\n"
    "\n"
    "--000000000000bb8d4c0579ffff\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: Kijitora <kijitora@example.jp>\n"
    "To: neko@example.org\n"
    "Subject: Nyaan\n"
    "Message-ID: <CAFd3fx7=nyaan@mail.gmail.com>\n"
    "Date: Tue, 6 Nov 2018 08:27:14 -0800\n"
    "\n"
    "Nyaan\n"
    "\n"
    "--000000000000bb8d4c0579ffff--\n";

TEST(GSuite, ReadsAConstructedReportAfterSisimaisLayout) {
  const auto records = records_of_message(kGSuiteBounce);
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "GSuite");
  EXPECT_EQ(record.recipient, "neko@example.org");
  EXPECT_EQ(record.rhost, "mx.example.org");
  // The report says only "5.0.0" and "550"; the quoted response says 5.1.1.
  EXPECT_EQ(record.deliverystatus, "5.1.1");
  EXPECT_NE(record.diagnosticcode.find("User unknown in local recipient table"), std::string::npos);
  EXPECT_EQ(record.reason, "userunknown");
  EXPECT_EQ(record.addresser, "kijitora@example.jp");
  EXPECT_EQ(record.subject(), "Nyaan");
}

}  // namespace
}  // namespace bg::testing
