// A record's evidence gives back each fact as it was added, whatever their lengths, empty ones
// included, joined from pieces or not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bounce/record.h"

namespace bg::bounce {
namespace {

TEST(Evidence, GivesBackFactsOfEveryLengthInOrder) {
  std::vector<std::string> facts;
  for (std::size_t length = 0; length <= 40; ++length)
    facts.push_back(std::string(length, static_cast<char>('a' + length % 26)));
  facts.push_back(std::string("with\0a zero byte", 16));
  Evidence evidence;
  for (const std::string& fact : facts) evidence.add({fact});
  ASSERT_EQ(evidence.size(), facts.size());
  std::vector<std::string> read;
  for (std::string_view fact : evidence) read.emplace_back(fact);
  EXPECT_EQ(read, facts);
  for (std::size_t i = 0; i < facts.size(); ++i) EXPECT_EQ(evidence[i], facts[i]) << i;
}

TEST(Evidence, JoinsAFactFromItsPieces) {
  Evidence evidence;
  evidence.add({"Message-ID made by ", "mx.example.net", "", ", not by ", "example.com"});
  evidence.add({});
  evidence.add({"", ""});
  ASSERT_EQ(evidence.size(), 3u);
  EXPECT_EQ(evidence[0], "Message-ID made by mx.example.net, not by example.com");
  EXPECT_EQ(evidence[1], "");
  EXPECT_EQ(evidence[2], "");
  EXPECT_FALSE(evidence.empty());
}

TEST(Evidence, EmptyAndListedAndCompared) {
  const Evidence none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.size(), 0u);
  EXPECT_EQ(none.begin(), none.end());

  const Evidence listed = {"one fact", "", "another \"quoted\" fact"};
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0], "one fact");
  EXPECT_EQ(listed[1], "");
  EXPECT_EQ(listed[2], "another \"quoted\" fact");

  Evidence built;
  built.add({"one ", "fact"});
  built.add({});
  built.add({"another \"quoted\" fact"});
  EXPECT_EQ(built, listed);
  built.add({"more"});
  EXPECT_FALSE(built == listed);
  // The same bytes cut into other facts are other evidence.
  EXPECT_FALSE((Evidence{"ab", "c"}) == (Evidence{"a", "bc"}));
}

}  // namespace
}  // namespace bg::bounce
