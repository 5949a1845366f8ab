#pragma once
// What a scan saw, counted as it went: the numbers behind the human summary.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "bounce/record.h"
#include "mailbox/message_source.h"

namespace bg::scan {

struct ScanSummary {
  std::vector<std::string> inputs;  // the paths given
  std::uint64_t messages_read = 0;
  std::uint64_t bytes_read = 0;
  std::uint64_t malformed = 0;        // messages that could not be read as mail, skipped
  std::uint64_t bounce_messages = 0;  // failure notices (DSN/NDR)
  std::uint64_t delay_messages = 0;
  std::uint64_t delivery_reports = 0;
  std::uint64_t auto_replies = 0;
  std::uint64_t feedback_reports = 0;
  std::uint64_t records = 0;  // one per failed or reported recipient
  std::uint64_t hard = 0;
  std::uint64_t soft = 0;
  // Hashed, not ordered: every record counts into both. report::rank_by_count orders them.
  std::unordered_map<std::string, std::uint64_t> by_reason;
  std::unordered_map<std::string, std::uint64_t> by_destination;  // recipient domains
  // Unreadable files, malformed messages, inputs given twice: the first kProblemsKept of them,
  // and how many there were in all, so that a folder of junk cannot fill the memory with its
  // complaints.
  static constexpr std::size_t kProblemsKept = 1000;
  std::vector<mailbox::ReadProblem> problems;
  std::uint64_t problem_count = 0;
  std::uint64_t unreadable = 0;  // problems where bytes of the input could not be read
  double seconds = 0;

  // Counts one record into the totals above.
  void count(const bounce::Record& record);
  // Counts one problem, and keeps it while fewer than kProblemsKept are kept.
  void add_problem(mailbox::ReadProblem problem);
};

}  // namespace bg::scan
