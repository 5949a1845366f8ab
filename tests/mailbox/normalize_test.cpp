// normalize() brings every message to LF line endings without mbox quoting, and copies nothing
// when there is nothing to change.
#include "mailbox/normalize.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

RawMessage mbox_message(std::string_view bytes) { return {bytes, "test", 0, true}; }

TEST(Normalize, RemovesOneLevelOfMboxQuoting) {
  const std::string message =
      "Subject: quoting\n\n"
      ">From x\n"
      ">>From y\n"
      "From z is not quoted\n"
      "a >From in the middle stays\n"
      ">Fromage is no From line\n";
  std::string scratch;
  EXPECT_EQ(normalize(mbox_message(message), scratch),
            "Subject: quoting\n\n"
            "From x\n"
            ">From y\n"
            "From z is not quoted\n"
            "a >From in the middle stays\n"
            ">Fromage is no From line\n");
}

TEST(Normalize, LeavesQuotingOfMessagesThatDidNotComeFromAnMbox) {
  const std::string message = "Subject: eml\n\n>From x\n";
  std::string scratch;
  const std::string_view result = normalize({message, "a.eml", 0, false}, scratch);
  EXPECT_EQ(result, message);
  EXPECT_EQ(result.data(), message.data());
}

TEST(Normalize, ReturnsTheMessageItselfWhenNothingChanges) {
  const std::string message = "Subject: plain\n\nFrom the body\nbye\n";
  std::string scratch;
  const std::string_view result = normalize(mbox_message(message), scratch);
  EXPECT_EQ(result.data(), message.data());
  EXPECT_EQ(result.size(), message.size());
}

TEST(Normalize, TurnsCrlfAndLoneCrIntoLf) {
  std::string scratch;
  EXPECT_EQ(normalize(mbox_message("A: 1\r\nB: 2\r\n\r\n>From x\r\nend"), scratch),
            "A: 1\nB: 2\n\nFrom x\nend");
  EXPECT_EQ(normalize(mbox_message("A: 1\rB: 2\r\r>>From y\r"), scratch),
            "A: 1\nB: 2\n\n>From y\n");
  EXPECT_EQ(normalize(mbox_message("A: 1\r\nB: 2\rC: 3\n"), scratch), "A: 1\nB: 2\nC: 3\n");
}

TEST(Normalize, QuotedFromLineAtTheStartOfTheMessage) {
  std::string scratch;
  EXPECT_EQ(normalize(mbox_message(">From a\nB: 2\n"), scratch), "From a\nB: 2\n");
}

// Carriage returns and quoted From lines are found wherever they stand in the message, alone or
// together.
TEST(Normalize, FindsWhatNeedsChangingAtEveryPosition) {
  std::string scratch;
  for (std::size_t at = 0; at < 40; ++at) {
    std::string plain(40, 'x');
    for (std::size_t k = 7; k < plain.size(); k += 8) plain[k] = '\n';
    std::string with_cr = plain;
    with_cr.insert(at, "\r");
    std::string lf = plain;  // a lone CR becomes LF; CR LF becomes LF
    if (plain[at] != '\n') lf.insert(at, "\n");
    EXPECT_EQ(normalize(mbox_message(with_cr), scratch), lf) << "CR at " << at;

    std::string quoted = plain;
    quoted.insert(at, "\n>From q\n");
    std::string unquoted = plain;
    unquoted.insert(at, "\nFrom q\n");
    EXPECT_EQ(normalize(mbox_message(quoted), scratch), unquoted) << "quoted From at " << at;
    const std::string_view untouched = normalize(mbox_message(plain), scratch);
    EXPECT_EQ(untouched.data(), plain.data());

    std::string both = quoted;  // a CR LF before the quoted line
    both.insert(at % 5, "\r\n");
    std::string both_expected = unquoted;
    both_expected.insert(at % 5, "\n");
    EXPECT_EQ(normalize(mbox_message(both), scratch), both_expected) << "both, at " << at;
  }
}

TEST(Normalize, CorpusMboxMessagesLoseEveryCarriageReturn) {
  const testing::ReadAll read = testing::read_all(testing::kMbox0);
  ASSERT_EQ(read.messages.size(), 37u);
  std::string scratch;
  for (const testing::ReadMessage& message : read.messages) {
    const std::string_view result = normalize(message.raw(), scratch);
    EXPECT_EQ(result.find('\r'), std::string_view::npos);
    EXPECT_EQ(std::count(result.begin(), result.end(), '\n'),
              std::count(message.bytes.begin(), message.bytes.end(), '\n'));
  }
}

}  // namespace
}  // namespace bg::mailbox
