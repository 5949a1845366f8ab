// Phrase lists, compiled at build time (data/literals/) or when made, found without regard to case.
#include "bounce/literal_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bg::bounce {
namespace {

const std::filesystem::path kLists = std::filesystem::path(BOUNCEGUARD_SOURCE_DIR) / "data" / "literals";

TEST(LiteralSet, FindsAPhraseAnywhereWithoutRegardToCase) {
  const LiteralSet clues = LiteralSet::compiled("bounce-subjects");
  EXPECT_TRUE(clues.found_in("Undeliverable: Quarterly figures"));
  EXPECT_TRUE(clues.found_in("Re: UNDELIVERABLE"));
  EXPECT_TRUE(clues.found_in("Warning: could not send message for past 4 hours"));
  EXPECT_TRUE(clues.found_in("\xE9\x85\x8D\xE4\xBF\xA1\xE3\x82\xA8\xE3\x83\xA9\xE3\x83\xBC"));  // "配信エラー"
  EXPECT_FALSE(clues.found_in("Lunch on Friday?"));
  EXPECT_FALSE(clues.found_in(""));
}

TEST(LiteralSet, CommentLinesAreNotPhrases) {
  const LiteralSet senders = LiteralSet::compiled("system-senders");
  EXPECT_TRUE(senders.found_in("\"Mail Delivery System\" <MAILER-DAEMON@mx.example.com>"));
  EXPECT_FALSE(senders.found_in("# header. One phrase per line, matched anywhere without regard to ASCII case."));
}

TEST(LiteralSet, EveryPhraseOfEveryListIsFound) {
  std::size_t lists = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kLists)) {
    if (entry.path().extension() != ".txt") continue;
    ++lists;
    const LiteralSet set = LiteralSet::compiled(entry.path().stem().string());
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
  EXPECT_EQ(lists, 3u);
}

TEST(LiteralSet, AListTheBuildDidNotCompileIsAnError) {
  EXPECT_THROW(LiteralSet::compiled("no-such-list"), std::logic_error);
}

TEST(LiteralSet, FindsTheFirstListedPhraseIgnoringCase) {
  const LiteralSet list({"block list", "blocked", "rbl"});
  // The first phrase in list order wins, not the first in the text.
  EXPECT_EQ(list.first_found("RBL says: Blocked by our BLOCK LIST"), 0u);
  EXPECT_EQ(list.first_found("550 blocked by rbl.example"), 1u);
  EXPECT_EQ(list.first_found("550 in the RBL"), 2u);
  EXPECT_FALSE(list.first_found("550 5.1.1 user unknown"));
  EXPECT_FALSE(list.first_found(""));
  // Lists of other sizes in the same thread, one of them made where a freed one was.
  for (int round = 0; round < 3; ++round) {
    const LiteralSet longer({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"});
    EXPECT_EQ(longer.first_found("... THETA and zeta ..."), 5u);
    EXPECT_EQ(list.first_found("blocked"), 1u);
  }
  EXPECT_FALSE(LiteralSet(std::vector<std::string_view>{}).first_found("anything"));
}

}  // namespace
}  // namespace bg::bounce
