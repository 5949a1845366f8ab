#pragma once
// The output formats behind one interface, so the scan streams records to whichever the user
// picked: text for a person, json/jsonl/csv for programs and spreadsheets.
#include <cstddef>
#include <memory>
#include <ostream>
#include <string_view>

#include "bounce/record.h"
#include "diagnose/diagnosis_types.h"
#include "scan/scan_summary.h"

namespace bg::report {

enum class Format { kText, kJson, kJsonl, kCsv };

struct WriterOptions {
  bool color = false;       // ANSI colour in the text format, for a terminal
  std::size_t width = 80;   // columns the text format fits its lines into
  bool watched = false;     // someone reads the output as it comes: jsonl writes each record at once
};

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  // Called in input order as records are found; memory stays bounded however many come.
  virtual void write(const bounce::Record& record) = 0;
  // Called once, after the last record, with the diagnosis when the scan made one.
  virtual void finish(const scan::ScanSummary& summary, const diagnose::DiagnosisReport* diagnosis = nullptr) = 0;
};

// Writers that need the summary first keep records in a temporary file until finish(), and
// throw std::runtime_error when none can be made or written.
std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream& out,
                                          const WriterOptions& options);

// Whether `format` writes the diagnosis given to finish() (text and json do; jsonl and csv carry
// records only).
bool shows_diagnosis(Format format);

// Reads "text", "json", "jsonl" or "csv"; throws std::invalid_argument naming the choices.
Format parse_format(std::string_view name);

}  // namespace bg::report
