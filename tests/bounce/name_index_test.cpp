// The name index finds every name of the real phrase tables at its position, and nothing else.
#include "bounce/reason/name_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bounce/reason/phrase_table.h"

namespace bg::bounce {
namespace {

TEST(NameIndex, FindsEveryReasonAndScopeOfThePhraseTables) {
  for (const auto names : {phrase_table().reasons, phrase_table().scopes}) {
    const NameIndex index(names);
    for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(index.find(names[i]), static_cast<int>(i)) << names[i];
  }
}

TEST(NameIndex, UnknownNamesAreNotFound) {
  const NameIndex index(phrase_table().reasons);
  for (std::string_view name : {"", "userunknownx", "USERUNKNOWN", "user", "provider google"})
    EXPECT_EQ(index.find(name), -1) << name;
}

TEST(NameIndex, CollidingNamesAllFindTheirPlace) {
  // Same length, same first, middle and last bytes: the same slot for all of them.
  std::vector<std::string> storage;
  for (char c = 'a'; c <= 'z'; ++c) storage.push_back(std::string("xa") + c + "ax" + "q");
  std::vector<std::string_view> names(storage.begin(), storage.end());
  const NameIndex index(names);
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(index.find(names[i]), static_cast<int>(i));
  EXPECT_EQ(index.find("xa-axq"), -1);
}

TEST(NameIndex, ARepeatedNameKeepsItsFirstPosition) {
  const std::vector<std::string_view> names = {"blocked", "expired", "blocked"};
  EXPECT_EQ(NameIndex(names).find("blocked"), 0);
}

}  // namespace
}  // namespace bg::bounce
