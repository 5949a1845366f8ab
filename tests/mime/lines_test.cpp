// Line splitting finds the same lines as a byte-by-byte reading, whatever the line endings
// (LF, CRLF, CR-only, mixed) and wherever they fall within the eight-byte blocks it tests.
#include "mime/lines.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace bg::mime {
namespace {

Line reference_line_at(std::string_view data, std::size_t pos) {
  std::size_t end = pos;
  while (end < data.size() && data[end] != '\n' && data[end] != '\r') ++end;
  std::size_t next = end;
  if (next < data.size()) next += data.substr(next).starts_with("\r\n") ? 2 : 1;
  return {data.substr(pos, end - pos), next};
}

TEST(Lines, LineAtAgreesWithAByteByByteReading) {
  std::mt19937 random(5);
  static constexpr std::string_view kAlphabet = "ab \r\n\x8a\x8d\t";
  for (int round = 0; round < 3000; ++round) {
    std::string text(std::uniform_int_distribution<std::size_t>(0, 50)(random), ' ');
    for (char& c : text) c = kAlphabet[std::uniform_int_distribution<std::size_t>(0, kAlphabet.size() - 1)(random)];
    for (std::size_t pos = 0; pos <= text.size(); ++pos) {
      const Line line = line_at(text, pos);
      const Line expected = reference_line_at(text, pos);
      ASSERT_EQ(line.text, expected.text) << round << " " << pos;
      ASSERT_EQ(line.next, expected.next) << round << " " << pos;
    }
  }
}

// The last bytes of a text are tested as the sixteen-byte block that ends it: a line ending at
// every position of texts up to forty bytes is found from every start before and after it.
TEST(Lines, LineEndsAreFoundAtEveryPositionFromEveryStart) {
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (const char ending : {'\n', '\r'}) {
        std::string text(length, 'x');
        text[at] = ending;
        for (std::size_t pos = 0; pos < length; ++pos)
          ASSERT_EQ(find_line_end(text, pos), pos <= at ? at : length) << length << " " << at << " " << pos;
      }
    }
    for (std::size_t pos = 0; pos <= length; ++pos) ASSERT_EQ(find_line_end(std::string(length, 'x'), pos), length);
  }
}

TEST(Lines, EveryLineEndingEndsALine) {
  EXPECT_EQ(line_at("Subject: a long header line\r\nnext", 0).text, "Subject: a long header line");
  EXPECT_EQ(line_at("Subject: a long header line\r\nnext", 0).next, 29u);
  EXPECT_EQ(line_at("one\rtwo", 0).next, 4u);
  EXPECT_EQ(line_at("no line ending at all", 3).text, "line ending at all");
}

TEST(Lines, TrimDropsOnlySpacesTabsAndLineBreaks) {
  for (int byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    const bool white = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    const std::string text{c, 'x', c};
    EXPECT_EQ(trim(text), white ? "x" : text) << byte;
    EXPECT_EQ(trim(std::string(1, c)), white ? "" : std::string(1, c)) << byte;
  }
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t\r\n \r\n"), "");
  EXPECT_EQ(trim("\r\n\ta b\t \r\n"), "a b");
  EXPECT_EQ(trim("\va\f"), "\va\f");
}

TEST(Lines, TheLineAtTheEndIsEmpty) {
  EXPECT_EQ(line_at("", 0).text, "");
  EXPECT_EQ(line_at("", 0).next, 0u);
  const std::string_view text = "a line\r\n";
  EXPECT_EQ(line_at(text, text.size()).text, "");
  EXPECT_EQ(line_at(text, text.size()).text.data(), text.data() + text.size());
  EXPECT_EQ(line_at(text, text.size()).next, text.size());
  EXPECT_EQ(line_at(text, 6).text, "");
  EXPECT_EQ(line_at(text, 6).next, text.size());
  EXPECT_EQ(line_at(text, 7).text, "");
  EXPECT_EQ(line_at(text, 7).next, text.size());
}

}  // namespace
}  // namespace bg::mime
