// jsonl: one JSON object per record per line, written as each record comes, for jq and
// log pipelines.
#include <algorithm>

#include "report/format_writers.h"
#include "report/record_json_text.h"

namespace bg::report {

namespace {

class JsonlWriter : public RecordWriter {
 public:
  JsonlWriter(std::ostream& out, bool watched) : out_(out), write_at_(watched ? 0 : kLargeWrite) {}

  // Each record is written in place after the pending ones, into room the buffer already has:
  // it grows, zeroed, only until it holds a large write and a record.
  void write(const bounce::Record& record) override {
    const std::size_t room = longest_record_json(record) + 1;  // and the line break
    if (buffer_.size() < pending_ + room) buffer_.resize(std::max(pending_ + room, 2 * buffer_.size()));
    char* end = write_record_json(record, buffer_.data() + pending_);
    *end++ = '\n';
    pending_ = static_cast<std::size_t>(end - buffer_.data());
    if (pending_ >= write_at_) write_pending();
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
    out_.write(buffer_.data(), static_cast<std::streamsize>(pending_));
    pending_ = 0;
  }

  std::ostream& out_;
  const std::size_t write_at_;
  std::string buffer_;       // the records waiting to be written, then bytes written before
  std::size_t pending_ = 0;  // how many of its bytes wait
};

}  // namespace

std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out, bool watched) {
  return std::make_unique<JsonlWriter>(out, watched);
}

}  // namespace bg::report
