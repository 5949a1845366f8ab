// csv: RFC 4180, one row per record under a header row, for spreadsheets. The columns are the
// record's fields in the order of the JSON formats, with the returned original reduced to three
// of its facts: the rest (Received chain, DKIM) does not fit a cell.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mime/charset.h"
#include "report/format_writers.h"
#include "report/record_fields.h"

namespace bg::report {

namespace {

// One line of cells, each quoted when it holds a separator, a quote or a line break (quotes
// doubled), ended by CRLF as RFC 4180 asks. Bytes that are not valid UTF-8 become U+FFFD.
class CsvRow {
 public:
  void cell(std::string_view text) {
    if (cells_++ > 0) row_.push_back(',');
    if (!mime::is_valid_utf8(text)) {
      append_quoted_if_needed(mime::to_utf8(text, "utf-8"));
      return;
    }
    append_quoted_if_needed(text);
  }
  const std::string& end() {
    row_ += "\r\n";
    return row_;
  }

 private:
  void append_quoted_if_needed(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
      row_ += text;
      return;
    }
    row_.push_back('"');
    for (char c : text) {
      if (c == '"') row_.push_back('"');
      row_.push_back(c);
    }
    row_.push_back('"');
  }

  std::string row_;
  std::size_t cells_ = 0;
};

// The cells of one record, in the order of record_fields.h.
class RecordCells {
 public:
  explicit RecordCells(CsvRow& row) : row_(row) {}
  void string(std::string_view, std::string_view value) { row_.cell(value); }
  void number(std::string_view, std::int64_t value) { row_.cell(std::to_string(value)); }
  void boolean(std::string_view, bool value) { row_.cell(value ? "true" : "false"); }
  void maybe_boolean(std::string_view, std::optional<bool> value) {
    row_.cell(!value ? "" : *value ? "true" : "false");
  }
  // The diagnosis's evidence: one cell, facts separated by "; ".
  template <class Strings>
  void strings(std::string_view, const Strings& values) {
    std::string joined;
    for (std::string_view value : values) joined.append(joined.empty() ? "" : "; ").append(value);
    row_.cell(joined);
  }
  void original(std::string_view, const bounce::OriginalMessage& original) {
    for (std::string_view value : {std::string_view(original.messageid), std::string_view(original.from),
                                   std::string_view(original.subject)})
      row_.cell(original.present ? value : std::string_view());
  }

 private:
  CsvRow& row_;
};

// The header: each field's name, and the original's three columns.
class ColumnNames {
 public:
  explicit ColumnNames(CsvRow& row) : row_(row) {}
  void string(std::string_view name, std::string_view) { row_.cell(name); }
  void number(std::string_view name, std::int64_t) { row_.cell(name); }
  void boolean(std::string_view name, bool) { row_.cell(name); }
  void maybe_boolean(std::string_view name, std::optional<bool>) { row_.cell(name); }
  template <class Strings>
  void strings(std::string_view name, const Strings&) { row_.cell(name); }
  void original(std::string_view name, const bounce::OriginalMessage&) {
    for (std::string_view column : {"messageid", "from", "subject"})
      row_.cell(std::string(name).append("_").append(column));
  }

 private:
  CsvRow& row_;
};

class CsvWriter : public RecordWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {
    CsvRow row;
    ColumnNames names(row);
    each_record_field(bounce::Record{}, names);
    out_ << row.end();
  }

  void write(const bounce::Record& record) override {
    CsvRow row;
    RecordCells cells(row);
    each_record_field(record, cells);
    out_ << row.end();
  }

  void finish(const scan::ScanSummary&, const diagnose::DiagnosisReport*) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_csv_writer(std::ostream& out) {
  return std::make_unique<CsvWriter>(out);
}

}  // namespace bg::report
