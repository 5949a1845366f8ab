// The search for capital F's after a line break or '>' finds, with each kernel the machine can
// run, the same place as a byte-by-byte reference, and notes every carriage return on the way.
#include "mailbox/from_line_search.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace bg::mailbox {
namespace {

constexpr FromSearchKernel kKernels[] = {FromSearchKernel::bytes, FromSearchKernel::sse2, FromSearchKernel::avx2};

std::size_t reference_position(std::string_view text, std::size_t from, char line_break) {
  for (std::size_t at = std::max<std::size_t>(from, 1); at < text.size(); ++at)
    if (text[at] == 'F' && (text[at - 1] == line_break || text[at - 1] == '>')) return at;
  return std::string_view::npos;
}

// Checks every start of `text` with `kernel` against the reference.
void check_every_start(std::string_view text, char line_break, FromSearchKernel kernel) {
  for (std::size_t from = 1; from <= text.size(); ++from) {
    bool saw_carriage_return = false;
    const std::size_t found = find_f_after_break_or_quote(text, from, line_break, saw_carriage_return, kernel);
    const std::size_t expected = reference_position(text, from, line_break);
    ASSERT_EQ(found, expected) << "from " << from << " in " << testing::PrintToString(text);
    // Every carriage return up to the F is noted; one noted lies at most 32 bytes past it.
    const std::size_t end = found == std::string_view::npos ? text.size() : found + 1;
    const std::string_view passed = text.substr(from, end - from);
    if (passed.find('\r') != std::string_view::npos) {
      EXPECT_TRUE(saw_carriage_return) << "from " << from << " in " << testing::PrintToString(text);
    }
    if (saw_carriage_return) {
      EXPECT_NE(text.substr(from, end - from + 32).find('\r'), std::string_view::npos)
          << "from " << from << " in " << testing::PrintToString(text);
    }
  }
}

TEST(FromLineSearch, TheByteKernelRunsEverywhere) { EXPECT_TRUE(can_run(FromSearchKernel::bytes)); }

TEST(FromLineSearch, EveryKernelAgreesWithTheReferenceOnRandomText) {
  std::mt19937 random(7);
  const std::string_view alphabet = "FFF\n\r>xx ";
  for (FromSearchKernel kernel : kKernels) {
    if (!can_run(kernel)) continue;
    for (const char line_break : {'\n', '\r'}) {
      for (std::size_t length = 0; length < 200; ++length) {
        std::string text(length, ' ');
        for (char& c : text) c = alphabet[random() % alphabet.size()];
        check_every_start(text, line_break, kernel);
      }
    }
  }
}

// Sparse text, as mail is: a lone pair or carriage return at every position of a long run of
// other bytes, before, on and after the edges of the vector blocks.
TEST(FromLineSearch, EveryKernelFindsALonePairOrCarriageReturnAnywhere) {
  for (FromSearchKernel kernel : kKernels) {
    if (!can_run(kernel)) continue;
    for (std::size_t at = 1; at < 100; ++at) {
      for (const std::string_view pair : {"\nF", ">F", "\rF", "\r", "F"}) {
        std::string text(100, 'x');
        text.replace(at - 1, pair.size(), pair);
        text.resize(100);
        check_every_start(text, '\n', kernel);
        check_every_start(text, '\r', kernel);
      }
    }
  }
}

TEST(FromLineSearch, FindsNothingInEmptyOrOneByteText) {
  for (FromSearchKernel kernel : kKernels) {
    if (!can_run(kernel)) continue;
    bool saw_carriage_return = false;
    EXPECT_EQ(find_f_after_break_or_quote("", 1, '\n', saw_carriage_return, kernel), std::string_view::npos);
    EXPECT_EQ(find_f_after_break_or_quote("F", 1, '\n', saw_carriage_return, kernel), std::string_view::npos);
    EXPECT_FALSE(saw_carriage_return);
  }
}

}  // namespace
}  // namespace bg::mailbox
