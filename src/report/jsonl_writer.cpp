// jsonl: one JSON object per record per line, written as each record comes, for jq and
// log pipelines.
#include "report/format_writers.h"
#include "report/record_json.h"

namespace bg::report {

namespace {

class JsonlWriter : public RecordWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}

  void write(const bounce::Record& record) override {
    out_ << to_json_text(record_to_json(record)) << '\n';
  }

  void finish(const scan::ScanSummary&, const diagnose::DiagnosisReport*) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out) {
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace bg::report
