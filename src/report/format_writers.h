#pragma once
// One factory per output format, each in its own source file; make_writer picks among them.
#include <memory>
#include <ostream>

#include "report/record_writer.h"

namespace bg::report {

std::unique_ptr<RecordWriter> make_text_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<RecordWriter> make_json_writer(std::ostream& out);
// `watched`: write each record at once, rather than in large writes.
std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out, bool watched);
std::unique_ptr<RecordWriter> make_csv_writer(std::ostream& out);

}  // namespace bg::report
