#pragma once
// The summary that opens the text report: what was read, what bounced and why.
#include <cstddef>
#include <ostream>

#include "report/text_style.h"
#include "scan/scan_summary.h"

namespace bg::report {

// `width` is the terminal's, at least 40 columns.
void write_text_summary(const scan::ScanSummary& summary, const TextStyle& style,
                        std::size_t width, std::ostream& out);

}  // namespace bg::report
