// The phrase lists of data/literals/ are compiled at build time and found without regard to case.
#include "bounce/literal_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace bg::bounce {
namespace {

const std::filesystem::path kLists = std::filesystem::path(BOUNCEGUARD_SOURCE_DIR) / "data" / "literals";

TEST(LiteralSet, FindsAPhraseAnywhereWithoutRegardToCase) {
  const LiteralSet clues("bounce-subjects");
  EXPECT_TRUE(clues.found_in("Undeliverable: Quarterly figures"));
  EXPECT_TRUE(clues.found_in("Re: UNDELIVERABLE"));
  EXPECT_TRUE(clues.found_in("Warning: could not send message for past 4 hours"));
  EXPECT_TRUE(clues.found_in("\xE9\x85\x8D\xE4\xBF\xA1\xE3\x82\xA8\xE3\x83\xA9\xE3\x83\xBC"));  // "配信エラー"
  EXPECT_FALSE(clues.found_in("Lunch on Friday?"));
  EXPECT_FALSE(clues.found_in(""));
}

TEST(LiteralSet, CommentLinesAreNotPhrases) {
  const LiteralSet senders("system-senders");
  EXPECT_TRUE(senders.found_in("\"Mail Delivery System\" <MAILER-DAEMON@mx.example.com>"));
  EXPECT_FALSE(senders.found_in("# header. One phrase per line, matched anywhere without regard to ASCII case."));
}

TEST(LiteralSet, EveryPhraseOfEveryListIsFound) {
  std::size_t lists = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kLists)) {
    if (entry.path().extension() != ".txt") continue;
    ++lists;
    const LiteralSet set(entry.path().stem().string());
    std::ifstream in(entry.path());
    std::string line;
    std::size_t phrases = 0;
    while (std::getline(in, line)) {
      if (line.empty() || line.front() == '#') continue;
      ++phrases;
      EXPECT_TRUE(set.found_in("[" + line + "]")) << entry.path().filename() << ": " << line;
    }
    EXPECT_GT(phrases, 0u) << entry.path().filename();
  }
  EXPECT_EQ(lists, 2u);
}

TEST(LiteralSet, AListTheBuildDidNotCompileIsAnError) {
  EXPECT_THROW(LiteralSet("no-such-list"), std::logic_error);
}

}  // namespace
}  // namespace bg::bounce
