// The sections of a bounce's text that format modules read: the text after an opening line, and
// the DSN fields there, which count only when the opening line comes before the returned original.
#include "bounce/engines/report_sections.h"

#include <gtest/gtest.h>

#include <string>

#include "bounce/bounce_message.h"

namespace bg::bounce {
namespace {

// The header block of a plain-text message, whose body follows.
constexpr std::string_view kHeaderBlock = "From: MAILER-DAEMON@mx.example.net\nSubject: Returned mail\n\n";

constexpr std::string_view kFields =
    "Reporting-MTA: dns; mx.example.net\n"
    "\n"
    "Final-Recipient: rfc822; bob@example.org\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "\n";
constexpr std::string_view kOriginal =
    "Content-Type: message/rfc822\n"
    "\n"
    "From: alice@example.com\n"
    "Subject: Nyaan\n"
    "\n"
    "Nyaan\n";

bool reads_report(const std::string& body, EngineResult& result) {
  const std::string text = std::string(kHeaderBlock) + body;
  BounceMessage message;
  message.parse(text);
  return read_report_after(message, {"Your message to:", "Technical report:"}, result);
}

TEST(ReportSections, ReadsTheFieldsAfterTheOpeningLine) {
  EngineResult result;
  ASSERT_TRUE(reads_report("Your mail was refused.\n  Your message to: bob@example.org\n\n" +
                               std::string(kFields) + std::string(kOriginal),
                           result));
  ASSERT_EQ(result.recipients.size(), 1u);
  EXPECT_EQ(result.recipients[0].recipient, "bob@example.org");
  EXPECT_EQ(result.recipients[0].status, "5.1.1");
  EXPECT_EQ(result.original, "From: alice@example.com\nSubject: Nyaan\n");
}

TEST(ReportSections, TakesTheFirstLineThatOpensTheReport) {
  // Lines that start like an opening, or are empty, come first; the second opening matches
  // indented.
  EngineResult result;
  const std::string notice = "Your mail\n\nY\nYour message\n\t      Technical report:\n";
  EXPECT_TRUE(reads_report(notice + std::string(kFields), result));
  ASSERT_EQ(result.recipients.size(), 1u);
  EXPECT_EQ(result.original, "");
}

TEST(ReportSections, IgnoresAnOpeningLineInTheReturnedOriginal) {
  EngineResult result;
  const std::string returned = std::string(kOriginal) + "Your message to: bob\n\n" + std::string(kFields);
  EXPECT_FALSE(reads_report("Your mail was refused.\n\n" + returned, result));
  EXPECT_TRUE(result.recipients.empty());
  EXPECT_FALSE(reads_report("Your mail was refused.\n\n" + std::string(kFields), result));
}

TEST(ReportSections, FindsTheTextAfterAnOpeningLine) {
  EXPECT_EQ(text_after_line("a\n\n  b\nc\n", {"b"}), "c\n");
  EXPECT_EQ(text_after_line("a\r\nb\rc", {"x", "b"}), "c");
  EXPECT_EQ(text_after_line("a\nb", {"b"}), "");
  EXPECT_EQ(text_after_line("\na\n", {""}), "a\n");  // an empty opening starts any line
  EXPECT_EQ(text_after_line("ab\na\n", {"ab"}), "a\n");
  EXPECT_FALSE(text_after_line("ba\na\n \n", {"ab", "aa"}).has_value());
  EXPECT_FALSE(text_after_line("", {""}).has_value());
}

}  // namespace
}  // namespace bg::bounce
