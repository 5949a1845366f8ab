#pragma once
// The problems of a scan (unreadable files, malformed messages) as one-line notices for
// standard error, for the formats whose output has no place for them: jsonl and csv carry
// records only, so that pipelines can read them line by line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mailbox/message_source.h"
#include "report/record_writer.h"
#include "scan/scan_summary.h"

namespace bg::report {

// Whether `format` lists the scan's problems in its own output (text and json do).
bool lists_problems(Format format);

// "FILE: what was wrong" for the first `shown` of `problems`, made safe for a terminal, then
// "... and N more problems" when there were more (`count` in all, some perhaps not kept).
std::vector<std::string> problem_notices(const std::vector<mailbox::ReadProblem>& problems, std::uint64_t count,
                                         std::size_t shown);
// The same for the problems of a scan.
std::vector<std::string> problem_notices(const scan::ScanSummary& summary, std::size_t shown);

}  // namespace bg::report
