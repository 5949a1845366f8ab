#pragma once
// The top of the text report when the scan was diagnosed: what is happening, in plain words,
// what to do about it, and the evidence, before any number or recipient list.
#include <cstddef>
#include <ostream>

#include "diagnose/diagnosis_types.h"
#include "report/text_style.h"
#include "scan/scan_summary.h"

namespace bg::report {

void write_text_diagnosis(const diagnose::DiagnosisReport& diagnosis, const scan::ScanSummary& summary,
                          const TextStyle& style, std::size_t width, std::ostream& out);

}  // namespace bg::report
