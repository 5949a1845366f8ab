// The corpus of real bounces, scored against its answer key. The floors only ever go up: a
// change that reads fewer bounces right fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "corpus_scoring.h"

namespace bg::testing {
namespace {

const std::string kCorpus = std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai";

// Percent of the key's records read right; raised as the readers improve.
constexpr double kOverallFloor = 100.0;
constexpr double kNamedFormatFloor = 100.0;
constexpr double kPerFormatFloor = 100.0;

const CorpusScore& corpus_score() {
  static const CorpusScore score = score_corpus(kCorpus);
  return score;
}

TEST(Corpus, OverallScoreStaysAboveFloor) {
  const CorpusScore& score = corpus_score();
  EXPECT_GE(score.overall.percent(), kOverallFloor) << score.overall.matched << " of " << score.overall.total;
}

// The formats the foundation issue names: RFC 3464 DSNs and the main MTAs and services.
TEST(Corpus, NamedFormatsStayAboveFloor) {
  const CorpusScore& score = corpus_score();
  for (const char* engine : {"RFC3464", "Postfix", "Exim", "Sendmail", "qmail", "Exchange2003", "Exchange2007",
                             "Office365", "Gmail"}) {
    SCOPED_TRACE(engine);
    ASSERT_TRUE(score.by_engine.contains(engine));
    EXPECT_GE(score.by_engine.at(engine).percent(), kNamedFormatFloor);
  }
}

TEST(Corpus, EveryFormatStaysAboveFloor) {
  for (const auto& [engine, result] : corpus_score().by_engine) {
    SCOPED_TRACE(engine);
    EXPECT_GE(result.percent(), kPerFormatFloor) << result.matched << " of " << result.total;
  }
}

TEST(Corpus, MessagesThatAreNotBouncesGiveNoRecord) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus + "/not-bounce")) {
    SCOPED_TRACE(entry.path().string());
    EXPECT_TRUE(records_of_file(entry.path().string()).empty());
    ++files;
  }
  EXPECT_EQ(files, 3);
}

TEST(Corpus, MboxZeroHoldsThirtySevenBounces) {
  const auto records = records_of_file(kCorpus + "/mailbox/mbox-0");
  std::set<std::uint64_t> bounced_messages;
  for (const auto& record : records) bounced_messages.insert(record.message_index);
  EXPECT_EQ(bounced_messages.size(), 37u);
}

}  // namespace
}  // namespace bg::testing
