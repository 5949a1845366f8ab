#include <gtest/gtest.h>

#include <sstream>

#include "report/human_number.h"
#include "report/reason_meanings.h"
#include "report/terminal_text.h"
#include "report_fixtures.h"

namespace bg::report {
namespace {

using namespace fixtures;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The first line holding `needle`, or "" when none does.
std::string line_with(const std::string& text, std::string_view needle) {
  for (const std::string& line : lines_of(text))
    if (line.find(needle) != std::string::npos) return line;
  return {};
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

class TextWriterTest : public ::testing::Test {
 protected:
  std::vector<bounce::Record> records_ = {exim_backscatter_record(), office365_record()};
  scan::ScanSummary summary_ = summary_of(records_);
};

TEST_F(TextWriterTest, SummaryGivesTheCountsReadably) {
  summary_.messages_read = 1204;
  summary_.malformed = 3;
  const std::string text = render(Format::kText, records_, summary_);
  EXPECT_TRUE(contains(line_with(text, "Messages read"), human_number(summary_.messages_read)));
  EXPECT_TRUE(contains(line_with(text, "Bounces found"), std::to_string(summary_.bounce_messages)));
  EXPECT_TRUE(contains(line_with(text, "Malformed"), std::to_string(summary_.malformed)));
  const std::string failed = line_with(text, "Failed recipients");
  EXPECT_TRUE(contains(failed, std::to_string(summary_.hard) + " hard"));
  EXPECT_TRUE(contains(failed, std::to_string(summary_.soft) + " soft"));
  // Kinds that did not occur are not mentioned.
  EXPECT_FALSE(contains(text, "Delay warnings"));
  EXPECT_FALSE(contains(text, "Auto-replies"));
}

TEST_F(TextWriterTest, RarerKindsAreCountedWhenPresent) {
  bounce::Record delay = office365_record();
  delay.kind = bounce::MessageKind::kDelay;
  delay.action = "delayed";
  delay.reason = "expired";
  delay.hardbounce = false;
  records_.push_back(delay);
  summary_ = summary_of(records_);
  summary_.auto_replies = 2;
  const std::string text = render(Format::kText, records_, summary_);
  EXPECT_TRUE(contains(line_with(text, "Delay warnings"), "1"));
  EXPECT_TRUE(contains(line_with(text, "Auto-replies"), "2"));
  EXPECT_TRUE(contains(line_with(text, "delay  expired"), delay.recipient));
}

TEST_F(TextWriterTest, ReasonsComeWithTheirMeaning) {
  records_[1].reason = "mailboxfull";
  records_[1].hardbounce = false;
  summary_ = summary_of(records_);
  const std::string text = render(Format::kText, records_, summary_);
  for (const char* reason : {"userunknown", "mailboxfull"}) {
    ASSERT_FALSE(meaning_of(reason).empty());
    EXPECT_TRUE(contains(line_with(text, meaning_of(reason)), reason));
  }
}

TEST_F(TextWriterTest, TopRecipientDomainsAreListed) {
  const std::string text = render(Format::kText, records_, summary_);
  const std::size_t heading = text.find("Top recipient domains");
  ASSERT_NE(heading, std::string::npos);
  EXPECT_NE(text.find("remote-isp.net", heading), std::string::npos);
  EXPECT_NE(text.find("partner-co.example", heading), std::string::npos);
}

// The lines about `recipient`: the one that names it, and the diagnostic line under it when the
// terminal is too narrow to hold both.
std::string entry_for(const std::string& text, const std::string& recipient) {
  const std::vector<std::string> lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find(recipient + " ") == std::string::npos) continue;
    const bool continued = i + 1 < lines.size() && lines[i + 1].starts_with("            ");
    return continued ? lines[i] + "\n" + lines[i + 1] : lines[i];
  }
  return {};
}

void expect_entry_shows_the_failure(const std::string& entry, const bounce::Record& record) {
  ASSERT_FALSE(entry.empty());
  EXPECT_TRUE(entry.starts_with("2026-11-03")) << entry;
  for (const std::string& part : {std::string("hard"), record.reason, record.deliverystatus,
                                  std::string("Recipient address rejected: User unknown")})
    EXPECT_TRUE(contains(entry, part)) << part << " missing from: " << entry;
  // The reply code, status code and address in front of the diagnostic are not repeated.
  EXPECT_FALSE(contains(entry, record.replycode)) << entry;
  EXPECT_FALSE(contains(entry, "<" + record.recipient + ">")) << entry;
}

TEST_F(TextWriterTest, EachRecipientIsListedAfterTheSummary) {
  const std::string text = render(Format::kText, records_, summary_);
  const std::string entry = entry_for(text, records_[0].recipient);
  expect_entry_shows_the_failure(entry, records_[0]);
  EXPECT_LT(text.find("Reasons"), text.find(entry));
  EXPECT_FALSE(entry_for(text, records_[1].recipient).empty());
}

TEST_F(TextWriterTest, WideTerminalGetsOneLinePerRecipient) {
  const std::string text = render(Format::kText, records_, summary_, {.width = 140});
  const std::string entry = entry_for(text, records_[0].recipient);
  EXPECT_FALSE(contains(entry, "\n")) << entry;
  expect_entry_shows_the_failure(entry, records_[0]);
}

TEST_F(TextWriterTest, NarrowTerminalPutsTheDiagnosticUnderTheRecipient) {
  const std::string text = render(Format::kText, records_, summary_, {.width = 80});
  const std::string entry = entry_for(text, records_[1].recipient);
  const std::size_t line_break = entry.find('\n');
  ASSERT_NE(line_break, std::string::npos) << entry;
  EXPECT_TRUE(contains(entry.substr(line_break), "Recipient not found")) << entry;
}

TEST_F(TextWriterTest, LinesFitTheWidth) {
  summary_.add_problem({std::string(200, 'x') + ".mbox", "cannot be read"});
  for (std::size_t width : {80u, 100u, 140u}) {
    const std::string text = render(Format::kText, records_, summary_, {.width = width});
    for (const std::string& line : lines_of(text)) EXPECT_LE(display_width(line), width) << line;
  }
}

TEST_F(TextWriterTest, AProblemIsWrappedWholeToTheWidth) {
  summary_.add_problem({"mail/Outlook.pst",
                        "an Outlook data file, which is not read: convert it to mbox files with readpst (Debian "
                        "package pst-utils) and scan those",
                        true});
  const std::string text = render(Format::kText, records_, summary_, {.width = 80});
  const std::string first = line_with(text, "mail/Outlook.pst: an Outlook data file");
  EXPECT_TRUE(first.starts_with("  mail/Outlook.pst"));
  EXPECT_TRUE(contains(text, "\n    mbox files with readpst (Debian package pst-utils) and scan those\n")) << text;
  for (const std::string& line : lines_of(text)) EXPECT_LE(display_width(line), 80u) << line;
}

TEST_F(TextWriterTest, ColourOnlyWhenAsked) {
  EXPECT_FALSE(contains(render(Format::kText, records_, summary_, {.color = false}), "\x1b"));
  EXPECT_TRUE(contains(render(Format::kText, records_, summary_, {.color = true}), "\x1b["));
}

TEST_F(TextWriterTest, EscapeSequencesFromABounceAreNotPrinted) {
  records_[0].diagnosticcode = "550 5.1.1 \x1b]0;pwned\x07\x1b[2J User unknown";
  records_[0].recipient = "j.doe\x1b[31m@remote-isp.net";
  const std::string text = render(Format::kText, records_, summary_);
  EXPECT_FALSE(contains(text, "\x1b"));
  EXPECT_FALSE(contains(text, "\x07"));
  EXPECT_TRUE(contains(text, "User unknown"));
}

TEST_F(TextWriterTest, NoBouncesIsSaidPlainly) {
  scan::ScanSummary summary;
  summary.messages_read = 2500;
  const std::string text = render(Format::kText, {}, summary);
  EXPECT_TRUE(contains(text, "No bounces found."));
  EXPECT_TRUE(contains(line_with(text, "Messages read"), "2,500"));
  EXPECT_FALSE(contains(text, "Recipients"));
  EXPECT_FALSE(contains(text, "Reasons"));
}

TEST_F(TextWriterTest, ShowsTheFirstProblemsAndCountsTheRest) {
  for (int i = 0; i < 8; ++i)
    summary_.add_problem({"box-" + std::to_string(i) + ".mbox", "truncated message"});
  const std::string text = render(Format::kText, records_, summary_);
  EXPECT_TRUE(contains(text, "box-0.mbox: truncated message"));
  EXPECT_TRUE(contains(text, "box-4.mbox: truncated message"));
  EXPECT_FALSE(contains(text, "box-5.mbox"));
  EXPECT_TRUE(contains(text, "and 3 more"));
}

TEST_F(TextWriterTest, SpillsAHundredThousandRecipientLines) {
  constexpr std::size_t kRecords = 100'000;
  const std::string output = render_numbered_records(Format::kText, kRecords);

  std::vector<std::string> recipient_lines;
  for (const std::string& line : lines_of(output))
    if (line.starts_with("2026-11-03")) recipient_lines.push_back(line);
  ASSERT_EQ(recipient_lines.size(), kRecords);
  for (std::size_t i = 0; i < kRecords; ++i) {
    ASSERT_TRUE(contains(recipient_lines[i], numbered_recipient(i) + " "))
        << recipient_lines[i];
  }
  EXPECT_TRUE(contains(line_with(output, "Failed recipients"), human_number(kRecords)));
}

}  // namespace
}  // namespace bg::report
