#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "mime/charset.h"
#include "record_json_oracle.h"
#include "report_fixtures.h"

namespace bg::report {
namespace {

using namespace fixtures;

using Rows = std::vector<std::vector<std::string>>;

// Reads RFC 4180 text back: quoted fields may hold commas, doubled quotes and line breaks;
// every row must end with CRLF.
Rows parse_csv(const std::string& text) {
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r') {
      EXPECT_EQ(text.at(i + 1), '\n') << "a row must end with CRLF";
      ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      EXPECT_NE(c, '\n') << "a bare LF outside quotes";
      field.push_back(c);
    }
  }
  EXPECT_TRUE(row.empty() && field.empty()) << "the last row is not ended";
  return rows;
}

// The value of `name` in a data row, found through the header row.
std::string cell(const Rows& rows, std::size_t row, const std::string& name) {
  const auto& header = rows.at(0);
  const auto column = std::find(header.begin(), header.end(), name);
  EXPECT_NE(column, header.end()) << name;
  return rows.at(row).at(static_cast<std::size_t>(column - header.begin()));
}

TEST(CsvWriter, HeaderNamesTheFlatJsonFieldsAndThreeOfTheOriginal) {
  const std::vector<bounce::Record> records = {exim_backscatter_record()};
  const Rows rows = parse_csv(render(Format::kCsv, records, summary_of(records)));
  const nlohmann::ordered_json json =
      nlohmann::ordered_json::parse(render(Format::kJsonl, records, summary_of(records)));
  std::vector<std::string> expected;
  for (const auto& [key, value] : json.items())
    if (key != "original") expected.push_back(key);
  for (const char* name : {"original_messageid", "original_from", "original_subject"})
    expected.push_back(name);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], expected);
  EXPECT_EQ(rows[1].size(), expected.size());
}

TEST(CsvWriter, HeaderIsWrittenEvenWithoutRecords) {
  const Rows rows = parse_csv(render(Format::kCsv, {}, scan::ScanSummary{}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].front(), "recipient");
}

TEST(CsvWriter, QuotesCommasQuotesAndLineBreaks) {
  bounce::Record record = office365_record();
  record.original.subject = "Re: \"Q3\" figures, final";
  record.diagnosticcode = "550-5.7.1 first line\r\n550 5.7.1 second, \"quoted\" line";
  record.original.from = "\"Smith, Bob\" <bob@example.com>";
  const std::vector<bounce::Record> records = {record, exim_backscatter_record()};
  const std::string output = render(Format::kCsv, records, summary_of(records));
  EXPECT_NE(output.find("\"Re: \"\"Q3\"\" figures, final\""), std::string::npos);

  const Rows rows = parse_csv(output);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(cell(rows, 1, "subject"), record.subject());
  EXPECT_EQ(cell(rows, 1, "diagnosticcode"), record.diagnosticcode);
  EXPECT_EQ(cell(rows, 1, "original_from"), record.original.from);
  EXPECT_EQ(cell(rows, 1, "original_subject"), record.original.subject);
  EXPECT_EQ(cell(rows, 1, "hardbounce"), "true");
  EXPECT_EQ(cell(rows, 1, "timestamp"), std::to_string(record.timestamp));
  EXPECT_EQ(cell(rows, 2, "recipient"), exim_backscatter_record().recipient);
  EXPECT_EQ(cell(rows, 2, "kind"), "bounce");
}

TEST(CsvWriter, OriginalColumnsAreEmptyWithoutAnOriginal) {
  bounce::Record record = exim_backscatter_record();
  record.original = {};
  const std::vector<bounce::Record> records = {record};
  const Rows rows = parse_csv(render(Format::kCsv, records, summary_of(records)));
  EXPECT_EQ(cell(rows, 1, "original_messageid"), "");
  EXPECT_EQ(cell(rows, 1, "original_from"), "");
  EXPECT_EQ(cell(rows, 1, "messageid"), record.messageid());
}

TEST(CsvWriter, InvalidUtf8BecomesReplacementCharacters) {
  bounce::Record record = exim_backscatter_record();
  record.original.subject = "Rechnung f\xFCr M\xE4rz";
  const std::vector<bounce::Record> records = {record};
  const std::string output = render(Format::kCsv, records, summary_of(records));
  EXPECT_TRUE(mime::is_valid_utf8(output));
  EXPECT_EQ(cell(parse_csv(output), 1, "subject"), "Rechnung f\uFFFDr M\uFFFDrz");
}

// The cells as the JSON library gives the record's fields: strings as they are, null as
// nothing, numbers and booleans as JSON writes them, the evidence joined by "; ".
std::string oracle_cell(const nlohmann::ordered_json& value) {
  if (value.is_string()) return mime::to_utf8(value.get<std::string>(), "utf-8");
  if (value.is_null()) return {};
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) joined += (joined.empty() ? "" : "; ") + oracle_cell(item);
    return joined;
  }
  return value.dump();
}

TEST(CsvWriter, EveryCorpusRecordHasTheCellsOfItsJsonFields) {
  std::vector<bounce::Record> records = fixtures::corpus_records();
  ASSERT_GT(records.size(), 450u);
  for (std::size_t i = 0; i < records.size(); ++i) {
    records[i].category = "backscatter";  // the diagnosis fields too
    if (i % 3 != 0) records[i].sent_by_owner = i % 3 == 1;
    records[i].evidence = {"one fact", "another, \"quoted\" fact"};
  }
  const Rows rows = parse_csv(render(Format::kCsv, records, summary_of(records)));
  ASSERT_EQ(rows.size(), records.size() + 1);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const nlohmann::ordered_json fields = oracle::record_to_json(records[i]);
    std::vector<std::string> expected;
    for (const auto& [name, value] : fields.items())
      if (name != "original") expected.push_back(oracle_cell(value));
    for (const char* name : {"messageid", "from", "subject"})
      expected.push_back(fields["original"].is_null() ? "" : oracle_cell(fields["original"][name]));
    EXPECT_EQ(rows[i + 1], expected) << std::string_view(records[i].origin);
  }
}

}  // namespace
}  // namespace bg::report
