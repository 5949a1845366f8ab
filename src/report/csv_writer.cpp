// csv: RFC 4180, one row per record under a header row, for spreadsheets. The columns are the
// flat JSON fields in the same order, plus three facts of the returned original.
#include <string>
#include <string_view>
#include <vector>

#include "mime/charset.h"
#include "report/format_writers.h"
#include "report/record_json.h"

namespace bg::report {

namespace {

using nlohmann::ordered_json;

// The original's fields worth a column; the rest (Received chain, DKIM) does not fit a cell.
constexpr std::string_view kOriginalColumns[] = {"messageid", "from", "subject"};

// One line of cells, each quoted when it holds a separator, a quote or a line break (quotes
// doubled), ended by CRLF as RFC 4180 asks.
std::string csv_row(const std::vector<std::string>& cells) {
  std::string row;
  for (const std::string& cell : cells) {
    if (&cell != &cells.front()) row.push_back(',');
    const std::string utf8 = mime::to_utf8(cell, "utf-8");
    if (utf8.find_first_of(",\"\r\n") == std::string::npos) {
      row += utf8;
      continue;
    }
    row.push_back('"');
    for (char c : utf8) {
      if (c == '"') row.push_back('"');
      row.push_back(c);
    }
    row.push_back('"');
  }
  row += "\r\n";
  return row;
}

std::string cell_text(const ordered_json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  if (value.is_array()) {  // the diagnosis's evidence: one cell, facts separated by "; "
    std::string joined;
    for (const auto& item : value) joined += (joined.empty() ? "" : "; ") + cell_text(item);
    return joined;
  }
  return value.dump();  // numbers and booleans
}

class CsvWriter : public RecordWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) { write_header(); }

  void write(const bounce::Record& record) override {
    const ordered_json fields = record_to_json(record);
    std::vector<std::string> cells;
    for (const auto& [name, value] : fields.items())
      if (name != "original") cells.push_back(cell_text(value));
    const ordered_json& original = fields["original"];
    for (std::string_view column : kOriginalColumns)
      cells.push_back(original.is_null() ? std::string()
                                         : cell_text(original[std::string(column)]));
    out_ << csv_row(cells);
  }

  void finish(const scan::ScanSummary&, const diagnose::DiagnosisReport*) override { out_.flush(); }

 private:
  void write_header() {
    const ordered_json fields = record_to_json(bounce::Record{});
    std::vector<std::string> cells;
    for (const auto& [name, value] : fields.items())
      if (name != "original") cells.push_back(name);
    for (std::string_view column : kOriginalColumns)
      cells.push_back("original_" + std::string(column));
    out_ << csv_row(cells);
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_csv_writer(std::ostream& out) {
  return std::make_unique<CsvWriter>(out);
}

}  // namespace bg::report
