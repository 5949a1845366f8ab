#include "report/record_writer.h"

#include <stdexcept>
#include <string>

#include "report/format_writers.h"

namespace bg::report {

std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream& out,
                                          const WriterOptions& options) {
  switch (format) {
    case Format::kText: return make_text_writer(out, options);
    case Format::kJson: return make_json_writer(out);
    case Format::kJsonl: return make_jsonl_writer(out, options.watched);
    case Format::kCsv: return make_csv_writer(out);
  }
  throw std::invalid_argument("unknown output format");
}

bool shows_diagnosis(Format format) { return format == Format::kText || format == Format::kJson; }

Format parse_format(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  throw std::invalid_argument("unknown output format \"" + std::string(name) +
                              "\"; choose text, json, jsonl or csv");
}

}  // namespace bg::report
