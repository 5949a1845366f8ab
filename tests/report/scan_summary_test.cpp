#include <gtest/gtest.h>

#include "report_fixtures.h"
#include "scan/scan_summary.h"

namespace bg::scan {
namespace {

using namespace report::fixtures;

TEST(ScanSummaryCount, TalliesRecordsReasonsAndDomains) {
  ScanSummary summary;
  summary.count(exim_backscatter_record());
  summary.count(office365_record());
  bounce::Record full = office365_record();
  full.reason = "mailboxfull";
  full.hardbounce = false;
  summary.count(full);

  EXPECT_EQ(summary.records, 3u);
  EXPECT_EQ(summary.hard, 2u);
  EXPECT_EQ(summary.soft, 1u);
  EXPECT_EQ(summary.by_reason, (std::unordered_map<std::string, std::uint64_t>{{"userunknown", 2},
                                                                     {"mailboxfull", 1}}));
  EXPECT_EQ(summary.by_destination, (std::unordered_map<std::string, std::uint64_t>{
                                        {"remote-isp.net", 1}, {"partner-co.example", 2}}));
}

TEST(ScanSummaryCount, OnlyFailuresAreHardOrSoft) {
  ScanSummary summary;
  bounce::Record vacation = office365_record();
  vacation.kind = bounce::MessageKind::kAutoReply;
  vacation.reason = "vacation";
  vacation.hardbounce = false;
  summary.count(vacation);
  bounce::Record delay = exim_backscatter_record();
  delay.kind = bounce::MessageKind::kDelay;
  delay.reason = "expired";
  delay.hardbounce = false;
  summary.count(delay);

  EXPECT_EQ(summary.records, 2u);
  EXPECT_EQ(summary.hard + summary.soft, 0u);
  EXPECT_EQ(summary.by_reason.at("vacation"), 1u);
  EXPECT_EQ(summary.by_reason.at("expired"), 1u);
}

TEST(ScanSummaryCount, DomainFallsBackToTheRecipientAddress) {
  ScanSummary summary;
  bounce::Record record = exim_backscatter_record();
  record.destination.clear();
  record.recipient = "J.Doe@Remote-ISP.net";
  summary.count(record);
  record.recipient = "postmaster";  // no domain at all: not counted under any
  summary.count(record);
  EXPECT_EQ(summary.by_destination, (std::unordered_map<std::string, std::uint64_t>{{"remote-isp.net", 1}}));
}

TEST(ScanSummaryProblems, KeepsTheFirstThousandAndCountsThemAll) {
  ScanSummary summary;
  for (int i = 0; i < 2500; ++i) summary.add_problem({"junk-" + std::to_string(i), "not a mail file"});
  EXPECT_EQ(summary.problem_count, 2500u);
  ASSERT_EQ(summary.problems.size(), ScanSummary::kProblemsKept);
  EXPECT_EQ(summary.problems.front().origin, "junk-0");
  EXPECT_EQ(summary.problems.back().origin, "junk-999");
  EXPECT_EQ(summary.unreadable, 0u);
  summary.add_problem({"inbox.gz", "gzip data is truncated", true});
  EXPECT_EQ(summary.unreadable, 1u);
  EXPECT_EQ(summary.problem_count, 2501u);
}

}  // namespace
}  // namespace bg::scan
