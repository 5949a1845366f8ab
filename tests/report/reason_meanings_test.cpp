#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "report/reason_meanings.h"

namespace bg::report {
namespace {

// Every reason tests/data/CORPUS.md names: the list of reasons used in the answer key and the
// reasons of its status-code table.
std::set<std::string> corpus_reasons() {
  std::ifstream file(BOUNCEGUARD_TEST_DATA "/CORPUS.md");
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string text = buffer.str();
  std::set<std::string> reasons;

  const std::string intro = "Reasons used in the key:";
  const std::size_t start = text.find(intro);
  EXPECT_NE(start, std::string::npos) << "CORPUS.md no longer lists the reasons";
  if (start == std::string::npos) return reasons;
  const std::size_t end = text.find('.', start);
  const std::string list = text.substr(start + intro.size(), end - start - intro.size());
  const std::regex word("[a-z]+");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), word);
       it != std::sregex_iterator(); ++it)
    reasons.insert(it->str());

  const std::regex table_row(R"(\n\| ([a-z]+) \| [0-9])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), table_row);
       it != std::sregex_iterator(); ++it)
    reasons.insert((*it)[1].str());
  return reasons;
}

TEST(ReasonMeanings, CoverEveryReasonOfTheCorpusTaxonomy) {
  const std::set<std::string> reasons = corpus_reasons();
  ASSERT_GT(reasons.size(), 30u);  // the list was found and read
  for (const std::string& reason : reasons)
    EXPECT_FALSE(meaning_of(reason).empty()) << "no meaning for reason " << reason;
}

TEST(ReasonMeanings, TableIsInNameOrderSoLookupsFindEveryEntry) {
  const auto table = reason_meanings();
  EXPECT_TRUE(std::is_sorted(table.begin(), table.end(),
                             [](const auto& a, const auto& b) { return a.reason < b.reason; }));
  for (const ReasonMeaning& entry : table) EXPECT_EQ(meaning_of(entry.reason), entry.meaning);
}

TEST(ReasonMeanings, UnknownReasonHasNone) {
  EXPECT_TRUE(meaning_of("nosuchreason").empty());
  EXPECT_TRUE(meaning_of("").empty());
}

}  // namespace
}  // namespace bg::report
