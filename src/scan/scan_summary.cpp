#include "scan/scan_summary.h"

#include "bounce/address.h"

namespace bg::scan {

void ScanSummary::count(const bounce::Record& record) {
  ++records;
  // Hard and soft split the failures only: a delay, an auto-reply or a delivery report has not
  // failed (yet), whatever its hardbounce flag says.
  if (record.kind == bounce::MessageKind::kBounce) ++(record.hardbounce ? hard : soft);
  if (!record.reason.empty()) ++by_reason[record.reason];
  // A format module may leave the destination empty; the recipient's address still tells it.
  if (!record.destination.empty()) {
    ++by_destination[record.destination];
  } else if (std::string domain = bounce::domain_of(record.recipient); !domain.empty()) {
    ++by_destination[std::move(domain)];
  }
}

void ScanSummary::add_problem(mailbox::ReadProblem problem) {
  ++problem_count;
  if (problem.unreadable) ++unreadable;
  if (problems.size() < kProblemsKept) problems.push_back(std::move(problem));
}

}  // namespace bg::scan
