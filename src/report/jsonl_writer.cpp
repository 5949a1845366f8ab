// jsonl: one JSON object per record per line, written as each record comes, for jq and
// log pipelines.
#include "report/format_writers.h"
#include "report/record_json_text.h"

namespace bg::report {

namespace {

class JsonlWriter : public RecordWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}

  void write(const bounce::Record& record) override {
    line_.clear();
    append_record_json(record, line_);
    line_.push_back('\n');
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }

  void finish(const scan::ScanSummary&, const diagnose::DiagnosisReport*) override { out_.flush(); }

 private:
  std::ostream& out_;
  std::string line_;  // reused, so that writing a record allocates nothing
};

}  // namespace

std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out) {
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace bg::report
