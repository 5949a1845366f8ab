#include "report/problem_notices.h"

#include <algorithm>

#include "report/human_number.h"
#include "report/terminal_text.h"

namespace bg::report {

bool lists_problems(Format format) { return format == Format::kText || format == Format::kJson; }

std::vector<std::string> problem_notices(const std::vector<mailbox::ReadProblem>& problems, std::uint64_t count,
                                         std::size_t shown) {
  std::vector<std::string> notices;
  const std::size_t listed = std::min(problems.size(), shown);
  for (std::size_t i = 0; i < listed; ++i) notices.push_back(printable(problems[i].origin + ": " + problems[i].what));
  if (count > listed) {
    const std::uint64_t rest = count - listed;
    notices.push_back("... and " + human_number(rest) + (rest == 1 ? " more problem" : " more problems"));
  }
  return notices;
}

std::vector<std::string> problem_notices(const scan::ScanSummary& summary, std::size_t shown) {
  return problem_notices(summary.problems, summary.problem_count, shown);
}

}  // namespace bg::report
