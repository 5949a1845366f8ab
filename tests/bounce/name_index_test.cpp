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
  // Same length, same first, middle and last bytes: the same slot for all of them, in any case too.
  std::vector<std::string> storage;
  for (char c = 'a'; c <= 'z'; ++c) storage.push_back(std::string("xa") + c + "ax" + "q");
  std::vector<std::string_view> names(storage.begin(), storage.end());
  const NameIndex index(names);
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(index.find(names[i]), static_cast<int>(i));
    std::string upper(names[i]);
    for (char& c : upper) c = static_cast<char>(c - 32);
    EXPECT_EQ(index.find_in_any_case(upper), static_cast<int>(i)) << upper;
  }
  EXPECT_EQ(index.find("xa-axq"), -1);
  EXPECT_EQ(index.find_in_any_case("XA-AXQ"), -1);
}

// Looked up in any case, each lowercase name is found written in capitals, in mixed case and as
// it is, the bytes the hash reads among those changed; other names, and names that differ past
// case, are not.
TEST(NameIndex, LowercaseNamesAreFoundInAnyCase) {
  const NameIndex index(phrase_table().reasons);
  for (std::size_t i = 0; i < phrase_table().reasons.size(); ++i) {
    const std::string name(phrase_table().reasons[i]);
    std::string upper = name, mixed = name;
    for (char& c : upper) c = static_cast<char>(c - 32 * (c >= 'a' && c <= 'z'));
    for (std::size_t k = 0; k < mixed.size(); k += 2) mixed[k] = upper[k];
    for (const std::string& written : {name, upper, mixed})
      EXPECT_EQ(index.find_in_any_case(written), static_cast<int>(i)) << written;
    EXPECT_EQ(index.find_in_any_case(upper + "X"), -1) << upper;
    EXPECT_EQ(index.find_in_any_case(upper.substr(1)), -1) << upper;
  }
  for (std::string_view name : {"", "USER", "provider google", "user@unknown", "MAILBOX-FULL"})
    EXPECT_EQ(index.find_in_any_case(name), -1) << name;
}

TEST(NameIndex, ARepeatedNameKeepsItsFirstPosition) {
  const std::vector<std::string_view> names = {"blocked", "expired", "blocked"};
  EXPECT_EQ(NameIndex(names).find("blocked"), 0);
}

}  // namespace
}  // namespace bg::bounce
