// Which lines separate the messages of an mbox.
#include <gtest/gtest.h>

#include "mailbox/mbox_splitter.h"

namespace bg::mailbox {
namespace {

TEST(SeparatorLine, AcceptsTheDialectsMailersWrite) {
  EXPECT_TRUE(is_separator_line("From MAILER-DAEMON Thu Sep 18 17:54:04 2008"));
  EXPECT_TRUE(is_separator_line("From MAILER-DAEMON  Wed Sep 17 22:25:40 2008"));
  EXPECT_TRUE(is_separator_line("From - Tue Nov 26 23:18:00 2024"));
  EXPECT_TRUE(is_separator_line("From <> Thu Apr 29 23:45:10 2008"));
  EXPECT_TRUE(is_separator_line("From user@example.com Mon 1 Jan 2015 00:00:00 +0900"));
  EXPECT_TRUE(is_separator_line("From user@example.com Fri Jan  1 00:0:00 2015"));
}

TEST(SeparatorLine, RejectsBodyTextAndHeaders) {
  EXPECT_FALSE(is_separator_line("From: user@example.com"));
  EXPECT_FALSE(is_separator_line("From the desk of the postmaster"));
  EXPECT_FALSE(is_separator_line("From MAILER-DAEMON"));
  EXPECT_FALSE(is_separator_line("From MAILER-DAEMON Thu Sep 18 2008"));
  EXPECT_FALSE(is_separator_line(">From MAILER-DAEMON Thu Sep 18 17:54:04 2008"));
  EXPECT_FALSE(is_separator_line("from MAILER-DAEMON Thu Sep 18 17:54:04 2008"));
}

TEST(LineBreak, IsDecidedByTheFirstLineEnding) {
  EXPECT_EQ(detect_line_break("From a b 10:00\nX: 1\r"), LineBreak::lf);
  EXPECT_EQ(detect_line_break("From a b 10:00\r\nX: 1\r\n"), LineBreak::lf);
  EXPECT_EQ(detect_line_break("From a b 10:00\rX: 1\r"), LineBreak::cr);
  EXPECT_EQ(detect_line_break("no line break"), LineBreak::lf);
}

TEST(MboxSplitter, KeepsTheOpenMessageForMoreText) {
  const MboxSplitter splitter(LineBreak::lf);
  const std::string_view text =
      "From a Mon Jan  1 10:00:00 2024\nA: 1\n\nFrom b Mon Jan  1 11:00:00 2024\nB: 2\n";
  std::vector<Piece> messages;
  const std::size_t consumed = splitter.split(text, /*at_end=*/false, messages);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].bytes, "A: 1\n");
  EXPECT_EQ(text.substr(consumed), "B: 2\n");

  messages.clear();
  EXPECT_EQ(splitter.split(text, /*at_end=*/true, messages), text.size());
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].bytes, "B: 2\n");
}

TEST(MboxSplitter, WaitsWhenASeparatorMayBeCutByTheEndOfText) {
  const MboxSplitter splitter(LineBreak::lf);
  std::vector<Piece> messages;
  const std::string_view text = "From a Mon Jan  1 10:00:00 2024\nA: 1\n\nFrom b Mon Jan";
  EXPECT_EQ(splitter.split(text, /*at_end=*/false, messages), 32u);
  EXPECT_TRUE(messages.empty());
}

TEST(MboxSplitter, LeavesOutTheEmptyLineThatEndsEachMessage) {
  for (const std::string_view line_break : {"\n", "\r\n", "\r"}) {
    const auto lines = [&](std::initializer_list<std::string_view> parts) {
      std::string text;
      for (const std::string_view part : parts) (text += part) += line_break;
      return text;
    };
    const std::string text = lines({"From a Mon Jan  1 10:00:00 2024", "A: 1", "", "body", "",
                                    "From b Mon Jan  1 11:00:00 2024", "B: 2", "", ""});
    const MboxSplitter splitter(detect_line_break(text));
    std::vector<Piece> messages;
    splitter.split(text, /*at_end=*/true, messages);
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_EQ(messages[0].bytes, lines({"A: 1", "", "body"}));
    EXPECT_EQ(messages[1].bytes, lines({"B: 2", ""}));
  }
}

TEST(MboxSplitter, SkipsEmptyMessagesBetweenSeparators) {
  const MboxSplitter splitter(LineBreak::cr);
  std::vector<Piece> messages;
  splitter.split("From a b 10:00\rFrom c d 11:00\rA: 1\r", /*at_end=*/true, messages);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].bytes, "A: 1\r");
}

// A separator is found after any body, however many capital F's, "From " words inside lines
// and other lines come before it, and with either line break.
TEST(MboxSplitter, FindsTheSeparatorAfterBodiesOfEveryLength) {
  for (const char line_break : {'\n', '\r'}) {
    for (std::size_t length = 0; length < 48; ++length) {
      std::string body = "A: 1" + std::string(1, line_break) + line_break;
      for (std::size_t i = 0; i < length; ++i) body += "Fx>F"[i % 4];
      body += " not From a b 10:00";
      body += line_break;
      const std::string text = "From a b 10:00" + std::string(1, line_break) + body + "From c d 11:00" + line_break +
                               "B: 2" + line_break;
      const MboxSplitter splitter(static_cast<LineBreak>(line_break));
      std::vector<Piece> messages;
      splitter.split(text, /*at_end=*/true, messages);
      ASSERT_EQ(messages.size(), 2u) << "body of " << length << " bytes";
      EXPECT_EQ(messages[0].bytes, body) << "body of " << length << " bytes";
      EXPECT_EQ(messages[1].bytes, "B: 2" + std::string(1, line_break));
    }
  }
}

// Whether a line of `message` is ">From ", ">>From "...: what normalization would unquote.
bool holds_quoted_from_line(std::string_view message) {
  for (std::size_t at = 0; at < message.size(); ++at) {
    if (at > 0 && message[at - 1] != '\n' && message[at - 1] != '\r') continue;
    const std::size_t quotes = message.find_first_not_of('>', at);
    if (quotes != at && quotes != std::string_view::npos && message.substr(quotes).starts_with("From ")) return true;
  }
  return false;
}

// An mbox of two messages, each with `first` as its first line and `last` as its last, whose lines
// end with `line_break`.
std::string two_message_mbox(std::string_view first, std::string_view last, std::string_view line_break) {
  std::string text;
  for (const std::string_view line : {std::string_view("From a b 10:00"), first, std::string_view("A: 1"), last,
                                      std::string_view(""), std::string_view("From c d 11:00"), last})
    (text += line) += line_break;
  return text += first;
}

std::vector<Piece> split_all(std::string_view text, std::string_view line_break) {
  std::vector<Piece> messages;
  MboxSplitter(detect_line_break(line_break)).split(text, /*at_end=*/true, messages);
  return messages;
}

// Each message says whether it holds no quoted From line, wherever such a line stands (first or
// last in a message, last in the mailbox) and whatever only resembles one, with any line break.
TEST(MboxSplitter, TellsWhichMessagesHoldNoQuotedFromLine) {
  const std::string_view lines[] = {">From a",  ">>From a", "x>From a", ">From",      ">Fro",
                                    "> From a", ">F",       "From: a",  ">>>From a b", "body"};
  for (const std::string_view line_break : {"\n", "\r\n", "\r"}) {
    for (const std::string_view first : lines) {
      for (const std::string_view last : lines) {
        const std::string text = two_message_mbox(first, last, line_break);
        const std::vector<Piece> messages = split_all(text, line_break);
        ASSERT_EQ(messages.size(), 2u) << first << " / " << last;
        for (const Piece& message : messages)
          EXPECT_EQ(message.without_quoted_from, !holds_quoted_from_line(message.bytes)) << message.bytes;
      }
    }
  }
}

// Each message says whether it holds no carriage return, wherever one stands in it (first byte,
// last, before or after a quoted From line) or in the separator lines around it.
TEST(MboxSplitter, TellsWhichMessagesHoldNoCarriageReturn) {
  const std::string_view lines[] = {"\r", "a\r", "\ra", ">From a\r", "From: a", "body", ""};
  for (const std::string_view line_break : {"\n", "\r\n"}) {
    for (const std::string_view first : lines) {
      for (const std::string_view last : lines) {
        const std::string text = two_message_mbox(first, last, line_break);
        for (const Piece& message : split_all(text, line_break)) {
          EXPECT_EQ(message.without_carriage_return, message.bytes.find('\r') == std::string_view::npos)
              << testing::PrintToString(message.bytes);
        }
      }
    }
  }
}

// A message cut off by the end of the text the splitter was given is looked at again, whole,
// once more text comes: what it says of carriage returns is of the whole.
TEST(MboxSplitter, TellsOfCarriageReturnsInAMessageSplitAcrossTexts) {
  const std::string text = "From a b 10:00\nA: 1\n\nbody\r\nmore\nFrom c d 11:00\nB: 2\n";
  const MboxSplitter splitter(LineBreak::lf);
  for (std::size_t cut = 15; cut <= text.size(); ++cut) {
    std::vector<Piece> messages;
    const std::size_t consumed = splitter.split(std::string_view(text).substr(0, cut), /*at_end=*/false, messages);
    if (consumed < cut) splitter.split(std::string_view(text).substr(consumed), /*at_end=*/true, messages);
    for (const Piece& message : messages)
      EXPECT_EQ(message.without_carriage_return, message.bytes.find('\r') == std::string_view::npos)
          << "cut at " << cut << ": " << testing::PrintToString(message.bytes);
  }
}

}  // namespace
}  // namespace bg::mailbox
