// Postfix bounces, read from real samples.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Postfix, ReadsEachRecipientWithTheCommandItsReplyAnswered) {
  const auto records = records_of_sample("lhost-postfix-02.eml");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].recipient, "filtered@example.co.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.2.1");
  EXPECT_EQ(records[1].recipient, "userunknown@example.co.jp");
  EXPECT_EQ(records[1].deliverystatus, "5.1.1");
  for (const auto& record : records) {
    EXPECT_EQ(record.decodedby, "Postfix");
    EXPECT_EQ(record.replycode, "550");
    // "(in reply to RCPT TO command)" in the text part: the address itself was refused.
    EXPECT_EQ(record.smtpcommand, "RCPT");
    EXPECT_EQ(record.reason, "userunknown");
    EXPECT_EQ(record.rhost, "mx.example.co.jp");
    EXPECT_NE(record.diagnosticcode.find("User Unknown"), std::string::npos);
  }
}

TEST(Postfix, ReadsItsOwnDiagnosticsAsSmtpFailures) {
  const auto records = records_of_sample("lhost-postfix-06.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@neko.example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.4.4");
  EXPECT_EQ(records[0].diagnostictype, "SMTP");  // "Diagnostic-Code: X-Postfix; ..."
  EXPECT_EQ(records[0].reason, "hostunknown");
  EXPECT_TRUE(records[0].hardbounce);
  EXPECT_EQ(records[0].lhost, "vagrant-centos65.vagrantup.com");
}

TEST(Postfix, KeepsTheAddressAnAliasWasExpandedTo) {
  const auto records = records_of_sample("lhost-postfix-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "r@p351355.pool.example.ne.jp");
  EXPECT_NE(records[0].diagnosticcode.find("procmail: Couldn't create"), std::string::npos);
  EXPECT_EQ(records[0].reason, "mailererror");
}

TEST(Postfix, TakesTheOriginalsRecipientWhenTheReportIsUnavailable) {
  const auto records = records_of_sample("lhost-postfix-64.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "xxxx@wanadoo.fr");  // "--- Delivery report unavailable ---"
  EXPECT_EQ(records[0].reason, "undefined");
  EXPECT_EQ(records[0].decodedby, "Postfix");
}

TEST(Postfix, HeedsAnUnavailableReportOnlyBetweenItsOpeningAndTheDeliveryReport) {
  const std::string sample = file_text(sample_path("lhost-postfix-64.eml"));
  constexpr std::string_view kUnavailable = "--- Delivery report unavailable ---";
  const std::string without = with_replaced(sample, "\t--- Delivery report unavailable ---\n", "");
  ASSERT_FALSE(read_by(without, "Postfix"));
  const auto with_inserted = [&](std::string_view before, std::string_view text) {
    return with_replaced(without, before, std::string(before) + std::string(text));
  };
  // Right after the opening line, and at the very end of the text part, before the report.
  const std::string unavailable_line = std::string(kUnavailable) + "\n";
  EXPECT_TRUE(read_by(with_inserted("This is the mail system at host xxxx.xxxx.net.\n", unavailable_line), "Postfix"));
  EXPECT_TRUE(read_by(with_inserted("The mail system\n\n", "x" + std::string(kUnavailable)), "Postfix"));
  // Before the opening line, in it, and in the delivery report.
  EXPECT_FALSE(read_by(with_replaced(without, "This is the mail system at host",
                                     unavailable_line + "This is the mail system at host"),
                       "Postfix"));
  EXPECT_FALSE(read_by(with_inserted("This is the mail system at host xxxx.xxxx.net.", " " + std::string(kUnavailable)), "Postfix"));
  EXPECT_FALSE(read_by(with_inserted("Reporting-MTA: dns; xxxx.xxxx.net\n", unavailable_line), "Postfix"));
}

std::vector<std::string> recipients_of(const std::vector<bounce::Record>& records) {
  std::vector<std::string> recipients;
  for (const auto& record : records) recipients.push_back(record.recipient);
  return recipients;
}

TEST(Postfix, ReadsTheDeliveryReportFromItsFirstMentionInTheNotice) {
  const std::string sample = file_text(sample_path("lhost-postfix-02.eml"));
  const std::vector<std::string> named = {"filtered@example.co.jp", "userunknown@example.co.jp"};
  ASSERT_EQ(recipients_of(records_of_message(sample)), named);
  const std::string early_fields = "Final-Recipient: rfc822; early@example.org\nAction: failed\n";
  const std::vector<std::string> with_early = {"early@example.org", "filtered@example.co.jp",
                                               "userunknown@example.co.jp"};
  const auto inserted_before = [&](std::string_view before, std::string_view text) {
    return with_replaced(sample, before, std::string(text) + std::string(before));
  };
  // Within a line of the text, at the start of one, and before the line that opens the text: the
  // fields after it are read as the report's.
  for (std::string_view mention : {"See the Content-Type: message/delivery-status part.\n",
                                   "Content-Type: message/delivery-status follows.\n"}) {
    const std::string within_text = inserted_before("For further assistance", std::string(mention) + early_fields);
    EXPECT_EQ(recipients_of(records_of_message(within_text)), with_early) << mention;
    const std::string before_opening =
        inserted_before("This is the mail system at host", std::string(mention) + early_fields);
    EXPECT_EQ(recipients_of(records_of_message(before_opening)), with_early) << mention;
  }
  // A mention cut by a line break is none: the report is read where its part starts.
  const std::string cut = inserted_before("For further assistance", "Content-Type: message/\ndelivery-status\n" + early_fields);
  EXPECT_EQ(recipients_of(records_of_message(cut)), named);
  // Without any mention, the paragraphs name the recipients.
  const std::string without = with_replaced(sample, "Content-Type: message/delivery-status", "Content-Type: text/plain");
  EXPECT_EQ(recipients_of(records_of_message(without)), named);
}

TEST(Postfix, JoinsTheLinesOfAParagraphWithOneSpace) {
  const std::string sample = file_text(sample_path("lhost-postfix-01.eml"));
  // Spaces and tabs around the line breaks of the paragraph.
  const std::string spaced = with_replaced(with_replaced(sample, "): user\n    unknown.", "):  user \t\n \t unknown. "),
                                           "\n    r.example.org", "\t\n\tr.example.org");
  for (const std::string& message : {sample, spaced}) {
    const auto records = records_of_message(message);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_NE(records[0].diagnosticcode.find("user unknown. Command output: procmail: Couldn't create "
                                             "\"/var/spool/mail/neko\" id: r.example.org: No such user"),
              std::string::npos)
        << records[0].diagnosticcode;
  }
}

}  // namespace
}  // namespace bg::testing
