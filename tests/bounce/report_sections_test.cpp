// The sections of a bounce's text that format modules read: the text after an opening line, and
// the DSN fields there, which count only when the opening line comes before the returned original.
#include "bounce/engines/report_sections.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "bounce/bounce_message.h"
#include "mime/lines.h"

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

TEST(ReportSections, EndsTheFieldsAtAnOriginalRightAfterTheOpeningLine) {
  // After a lone carriage return, the original's marker starts the fields' text though no line
  // of the body starts there; after a line break, it is the notice's end.
  for (std::string_view line_end : {"\r", "\n", "\r\n"}) {
    EngineResult result;
    EXPECT_FALSE(reads_report("Your message to: bob@example.org" + std::string(line_end) + std::string(kOriginal) +
                                  std::string(kFields),
                              result))
        << "line end " << (line_end == "\r" ? "CR" : line_end == "\n" ? "LF" : "CRLF");
    EXPECT_TRUE(result.recipients.empty());
  }
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

// The text after the first line whose unindented text starts with an opening, read line by line.
std::optional<std::string_view> text_after_line_by_lines(std::string_view text,
                                                         std::initializer_list<std::string_view> openings) {
  for (std::size_t pos = 0; pos < text.size();) {
    const mime::Line line = mime::line_at(text, pos);
    pos = line.next;
    std::string_view unindented = line.text;
    while (!unindented.empty() && mime::is_space_or_tab(unindented.front())) unindented.remove_prefix(1);
    for (std::string_view opening : openings)
      if (unindented.starts_with(opening)) return text.substr(pos);
  }
  return std::nullopt;
}

TEST(ReportSections, FindsAnOpeningLineAtEveryOffset) {
  // The opening is searched for in the whole text: at every offset of a text longer than the
  // search's blocks, after indentation or inside a line, with other openings before it.
  const std::string filler = "Nyaan nyaan. Opening\n";
  for (std::string_view before : {"", "  ", "\t ", "x", "x ", "\r", "\r\n"}) {
    for (std::size_t offset = 0; offset <= 40; ++offset) {
      std::string text = std::string(offset, 'n');
      if (offset > 0) text[offset - 1] = '\n';
      text += std::string(before) + "Opening line\nafter\n" + filler;
      for (const auto& openings : {std::initializer_list<std::string_view>{"Opening"},
                                   std::initializer_list<std::string_view>{"Nyaan", "Opening line"},
                                   std::initializer_list<std::string_view>{" Opening", "Opening\n"}}) {
        EXPECT_EQ(text_after_line(text, openings), text_after_line_by_lines(text, openings))
            << "offset " << offset << " before \"" << before << "\"";
      }
    }
  }
}

TEST(ReportSections, FindsOpeningLinesAsTheLinesDoInAnyText) {
  // Texts of up to forty bytes from line breaks, indentation and pieces of the openings.
  static constexpr std::string_view kPieces[] = {"a", "b", "ab", " ", "\t", "\n", "\r", "\r\n"};
  std::mt19937 random(3464);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t size = random() % 41;
    while (text.size() < size) text += kPieces[random() % std::size(kPieces)];
    for (const auto& openings : {std::initializer_list<std::string_view>{"ab"},
                                 std::initializer_list<std::string_view>{"b", "a b"},
                                 std::initializer_list<std::string_view>{"ba", ""},
                                 std::initializer_list<std::string_view>{"a\tb", "\tb"}}) {
      EXPECT_EQ(text_after_line(text, openings), text_after_line_by_lines(text, openings)) << text;
    }
  }
}

}  // namespace
}  // namespace bg::bounce
