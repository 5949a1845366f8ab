// text: for a person at an 80-column terminal. The summary comes first, then one line per
// recipient, with its diagnostic on a second line when the terminal is too narrow for both.
// Rows wait in a spill file until the summary is known; column widths are measured meanwhile.
#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "mime/ascii.h"
#include "report/format_writers.h"
#include "report/text_diagnosis.h"
#include "report/spill_file.h"
#include "report/terminal_text.h"
#include "report/text_style.h"
#include "report/text_summary.h"

namespace bg::report {

namespace {

// Beyond this a long address would squeeze the diagnostic to nothing; longer ones overflow.
constexpr std::size_t kRecipientColumnLimit = 30;
constexpr std::size_t kMinDiagnosticWidth = 30;
constexpr std::size_t kNarrowestWidth = 40;  // below this nothing fits; lines wrap instead
constexpr std::size_t kDiagnosticIndent = 12;  // under the type column
constexpr std::string_view kSeparator = "  ";

enum Column { kDate, kType, kReason, kCategory, kRecipient, kStatus, kDiagnostic, kColumnCount };
using Row = std::array<std::string, kColumnCount>;
const Row kColumnNames = {"date", "type", "reason", "what", "recipient", "status", "diagnostic"};

std::string utc_date(std::int64_t timestamp) {
  constexpr std::int64_t kLastSecondOf9999 = 253402300799;
  if (timestamp <= 0 || timestamp > kLastSecondOf9999) return "unknown";
  using namespace std::chrono;
  const year_month_day date(floor<days>(sys_seconds(seconds(timestamp))));
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string type_of(const bounce::Record& record) {
  switch (record.kind) {
    case bounce::MessageKind::kBounce: return record.hardbounce ? "hard" : "soft";
    case bounce::MessageKind::kDelay: return "delay";
    default: return "-";  // the reason (vacation, feedback, delivered) says what it is
  }
}

// A word an SMTP reply puts before its text that the row shows already: the reply code, the
// status code ("550", "5.1.1", "550-5.1.1", "#5.1.1") or the recipient ("<a@b>:").
bool is_repeated_word(std::string_view word, std::string_view recipient) {
  while (!word.empty() && std::string_view("#<(").find(word.front()) != std::string_view::npos)
    word.remove_prefix(1);
  while (!word.empty() && std::string_view(":;,.>)").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  if (mime::iequals(word, recipient)) return true;
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-'; });
}

void erase_all(std::string& text, const std::string& part) {
  for (std::size_t pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos))
    text.erase(pos, part.size());
}

// The diagnostic without what the row shows already, so the little room left holds words.
std::string shorten_diagnostic(const bounce::Record& record) {
  std::string text = printable(record.diagnosticcode);
  // Multi-line replies repeat "550-5.1.1 " before each of their lines.
  if (!record.replycode.empty() && !record.deliverystatus.empty()) {
    erase_all(text, record.replycode + "-" + record.deliverystatus + " ");
    erase_all(text, record.replycode + " " + record.deliverystatus + " ");
  }
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (!is_repeated_word(std::string_view(text).substr(start, end - start), record.recipient))
      break;
    start = end + 1;
  }
  return start < text.size() ? text.substr(start) : std::string();
}

Row row_of(const bounce::Record& record, std::size_t width) {
  std::string status = !record.deliverystatus.empty() ? record.deliverystatus : record.replycode;
  return {utc_date(record.timestamp),
          type_of(record),
          printable(record.reason),
          std::string(record.category.empty() ? "-" : record.category),
          printable(record.recipient),
          status.empty() ? "-" : printable(status),
          fit(shorten_diagnostic(record), width)};
}

class TextWriter : public RecordWriter {
 public:
  TextWriter(std::ostream& out, const WriterOptions& options)
      : out_(out), style_(options.color), width_(std::max(options.width, kNarrowestWidth)) {
    for (std::size_t column = 0; column < kColumnCount; ++column)
      widths_[column] = kColumnNames[column].size();
  }

  void write(const bounce::Record& record) override {
    const Row row = row_of(record, width_);
    std::string line;
    for (std::size_t column = 0; column < kColumnCount; ++column) {
      widths_[column] = std::max(widths_[column], display_width(row[column]));
      if (column > 0) line.push_back('\t');  // printable() leaves no tab inside a field
      line += row[column];
    }
    spill_.append(line + '\n');
    ++rows_;
  }

  void finish(const scan::ScanSummary& summary, const diagnose::DiagnosisReport* diagnosis) override {
    if (diagnosis != nullptr) write_text_diagnosis(*diagnosis, summary, style_, width_, out_);
    write_text_summary(summary, style_, width_, out_);
    if (rows_ > 0) {
      choose_layout();
      out_ << '\n' << style_.heading("Recipients") << '\n';
      out_ << style_.quiet(format_row(kColumnNames, false)) << '\n';
      spill_.rewind();
      std::string line;
      while (spill_.next_line(line)) out_ << format_row(split_row(line), true) << '\n';
    }
    out_.flush();
  }

 private:
  static Row split_row(std::string_view line) {
    Row row;
    for (std::size_t column = 0; column < kColumnCount; ++column) {
      const std::size_t tab = std::min(line.find('\t'), line.size());
      row[column] = std::string(line.substr(0, tab));
      line.remove_prefix(std::min(tab + 1, line.size()));
    }
    return row;
  }

  // The diagnostic ends the line when enough room is left for it; otherwise, in a narrow
  // terminal, it goes on a line of its own under each recipient, for every row alike.
  void choose_layout() {
    widths_[kRecipient] = std::min(widths_[kRecipient], kRecipientColumnLimit);
    std::size_t used = 0;
    for (std::size_t column = 0; column < kDiagnostic; ++column)
      used += widths_[column] + kSeparator.size();
    diagnostic_on_own_line_ = width_ < used + kMinDiagnosticWidth;
    const std::size_t start = diagnostic_on_own_line_ ? kDiagnosticIndent : used;
    widths_[kDiagnostic] = std::max(width_ > start ? width_ - start : 0, kMinDiagnosticWidth);
  }

  // Colour goes around the padded cell, so escape codes never count as columns.
  std::string format_row(const Row& row, bool colored_type) const {
    std::string line;
    for (std::size_t column = 0; column < kDiagnostic; ++column) {
      std::string text = pad_right(row[column], widths_[column]);
      if (colored_type && column == kType && row[kType] == "hard") text = style_.hard(text);
      else if (colored_type && column == kType && row[kType] != "-") text = style_.soft(text);
      line += text + std::string(kSeparator);
    }
    if (!row[kDiagnostic].empty()) {
      if (diagnostic_on_own_line_)
        line = trim_right(line) + "\n" + std::string(kDiagnosticIndent, ' ');
      line += fit(row[kDiagnostic], widths_[kDiagnostic]);
    }
    return trim_right(line);
  }

  static std::string trim_right(std::string text) {
    text.erase(text.find_last_not_of(' ') + 1);
    return text;
  }

  std::ostream& out_;
  TextStyle style_;
  std::size_t width_;
  SpillFile spill_;
  std::array<std::size_t, kColumnCount> widths_{};
  std::uint64_t rows_ = 0;
  bool diagnostic_on_own_line_ = false;
};

}  // namespace

std::unique_ptr<RecordWriter> make_text_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

}  // namespace bg::report
