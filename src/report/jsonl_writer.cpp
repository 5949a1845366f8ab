// jsonl: one JSON object per record per line, written as each record comes, for jq and
// log pipelines.
#include "report/format_writers.h"
#include "report/record_json_text.h"

namespace bg::report {

namespace {

class JsonlWriter : public RecordWriter {
 public:
  JsonlWriter(std::ostream& out, bool watched) : out_(out), write_at_(watched ? 0 : kLargeWrite) {}

  void write(const bounce::Record& record) override {
    append_record_json(record, pending_);
    pending_.push_back('\n');
    if (pending_.size() >= write_at_) write_pending();
  }

  void finish(const scan::ScanSummary&, const diagnose::DiagnosisReport*) override {
    write_pending();
    out_.flush();
  }

 private:
  // Records leave in writes of this size. Line by line, a file stream makes a system call for
  // every line over a kilobyte (most records are longer) and standard output one every 4 kB;
  // larger writes than this gain nothing more.
  static constexpr std::size_t kLargeWrite = 64 * 1024;

  void write_pending() {
    out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    pending_.clear();  // keeps its capacity, so that writing records allocates nothing
  }

  std::ostream& out_;
  const std::size_t write_at_;
  std::string pending_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out, bool watched) {
  return std::make_unique<JsonlWriter>(out, watched);
}

}  // namespace bg::report
