#include "report/problem_notices.h"

#include <gtest/gtest.h>

#include <string>

namespace bg::report {
namespace {

scan::ScanSummary summary_with_problems(std::size_t count) {
  scan::ScanSummary summary;
  for (std::size_t i = 0; i < count; ++i)
    summary.add_problem({"box-" + std::to_string(i) + ".mbox", "message 1 is not a mail message (no header)"});
  return summary;
}

TEST(ProblemNotices, OnlyTheRecordOnlyFormatsNeedThem) {
  EXPECT_TRUE(lists_problems(Format::kText));
  EXPECT_TRUE(lists_problems(Format::kJson));
  EXPECT_FALSE(lists_problems(Format::kJsonl));
  EXPECT_FALSE(lists_problems(Format::kCsv));
}

TEST(ProblemNotices, NameEachFileAndWhatWasWrong) {
  const std::vector<std::string> notices = problem_notices(summary_with_problems(2), 20);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0], "box-0.mbox: message 1 is not a mail message (no header)");
  EXPECT_EQ(notices[1], "box-1.mbox: message 1 is not a mail message (no header)");
  EXPECT_TRUE(problem_notices(scan::ScanSummary{}, 20).empty());
}

TEST(ProblemNotices, CountTheOnesNotShown) {
  EXPECT_EQ(problem_notices(summary_with_problems(3), 2).back(), "... and 1 more problem");
  // More than the summary keeps: the count still covers them all.
  const std::vector<std::string> notices = problem_notices(summary_with_problems(1500), 20);
  ASSERT_EQ(notices.size(), 21u);
  EXPECT_EQ(notices.back(), "... and 1,480 more problems");
}

TEST(ProblemNotices, AFileNameCannotSendEscapeSequencesToTheTerminal) {
  scan::ScanSummary summary;
  summary.add_problem({"evil\033[2J\n.mbox", "not a mail file"});
  const std::vector<std::string> notices = problem_notices(summary, 20);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].find('\033'), std::string::npos) << notices[0];
  EXPECT_EQ(notices[0].find('\n'), std::string::npos) << notices[0];
  EXPECT_NE(notices[0].find(".mbox: not a mail file"), std::string::npos) << notices[0];
}

}  // namespace
}  // namespace bg::report
