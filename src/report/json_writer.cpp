// json: one document, {"summary": {...}, "records": [...]}, the summary first so a reader sees
// the totals before thousands of records. Records wait in a spill file until the summary is
// known.
#include "report/format_writers.h"
#include "report/record_json.h"
#include "report/record_json_text.h"
#include "report/spill_file.h"

namespace bg::report {

namespace {

// Indents every line after the first, to nest a pretty-printed object one level deeper. A
// serialized JSON string never holds a raw newline, so only structural line breaks are hit.
std::string indent_nested(std::string text) {
  for (std::size_t pos = text.find('\n'); pos != std::string::npos; pos = text.find('\n', pos + 3))
    text.insert(pos + 1, "  ");
  return text;
}

class JsonWriter : public RecordWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void write(const bounce::Record& record) override {
    line_.assign(records_written_++ == 0 ? "    " : ",\n    ");
    append_record_json(record, line_);
    spill_.append(line_);
  }

  void finish(const scan::ScanSummary& summary, const diagnose::DiagnosisReport* diagnosis) override {
    out_ << "{\n  \"summary\": " << indent_nested(to_json_text(summary_to_json(summary), 2));
    if (diagnosis != nullptr) {
      out_ << ",\n  \"owner\": " << indent_nested(to_json_text(owner_to_json(diagnosis->owner), 2))
           << ",\n  \"situations\": " << indent_nested(to_json_text(situations_to_json(diagnosis->situations), 2));
    }
    out_ << ",\n  \"records\": [";
    if (records_written_ > 0) {
      out_ << '\n';
      spill_.copy_to(out_);
      out_ << "\n  ";
    }
    out_ << "]\n}\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  SpillFile spill_;
  std::uint64_t records_written_ = 0;
  std::string line_;  // reused for each record
};

}  // namespace

std::unique_ptr<RecordWriter> make_json_writer(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace bg::report
