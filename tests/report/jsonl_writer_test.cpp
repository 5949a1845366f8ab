#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "mime/charset.h"
#include "report_fixtures.h"

namespace bg::report {
namespace {

using nlohmann::ordered_json;
using namespace fixtures;

std::vector<ordered_json> parse_lines(const std::string& text) {
  std::vector<ordered_json> objects;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) objects.push_back(ordered_json::parse(line));
  return objects;
}

void expect_same_values(const ordered_json& json, const bounce::Record& record) {
  EXPECT_EQ(json["recipient"], record.recipient);
  EXPECT_EQ(json["addresser"], record.addresser);
  EXPECT_EQ(json["deliverystatus"], record.deliverystatus);
  EXPECT_EQ(json["replycode"], record.replycode);
  EXPECT_EQ(json["action"], record.action);
  EXPECT_EQ(json["reason"], record.reason);
  EXPECT_EQ(json["hardbounce"], record.hardbounce);
  EXPECT_EQ(json["diagnosticcode"], record.diagnosticcode);
  EXPECT_EQ(json["diagnostictype"], record.diagnostictype);
  EXPECT_EQ(json["smtpcommand"], record.smtpcommand);
  EXPECT_EQ(json["lhost"], record.lhost);
  EXPECT_EQ(json["rhost"], record.rhost);
  EXPECT_EQ(json["destination"], record.destination);
  EXPECT_EQ(json["senderdomain"], record.senderdomain);
  EXPECT_EQ(json["timestamp"], record.timestamp);
  EXPECT_EQ(json["timezoneoffset"], record.timezoneoffset);
  EXPECT_EQ(json["subject"], record.subject());
  EXPECT_EQ(json["messageid"], record.messageid());
  EXPECT_EQ(json["listid"], record.listid());
  EXPECT_EQ(json["feedbacktype"], record.feedbacktype);
  EXPECT_EQ(json["decodedby"], record.decodedby);
  EXPECT_EQ(json["origin"], std::string(record.origin));
  EXPECT_EQ(json["message_index"], record.message_index);
  EXPECT_EQ(json["kind"], bounce::to_string(record.kind));

  const ordered_json& original = json["original"];
  ASSERT_TRUE(original.is_object());
  EXPECT_EQ(original["messageid"], record.original.messageid);
  EXPECT_EQ(original["from"], record.original.from);
  EXPECT_EQ(original["returnpath"], record.original.returnpath);
  EXPECT_EQ(original["to"], record.original.to);
  EXPECT_EQ(original["subject"], record.original.subject);
  EXPECT_EQ(original["date"], record.original.date);
  EXPECT_EQ(original["listid"], record.original.listid);
  EXPECT_EQ(original["dkim_domains"].get<std::vector<std::string>>(), record.original.dkim_domains);
  EXPECT_EQ(original["x_originating_ip"], record.original.x_originating_ip);
  ASSERT_EQ(original["received"].size(), record.original.received.size());
  for (std::size_t i = 0; i < record.original.received.size(); ++i) {
    const ordered_json& hop = original["received"][i];
    const bounce::ReceivedHop& expected = record.original.received[i];
    EXPECT_EQ(hop["from_host"], expected.from_host);
    EXPECT_EQ(hop["from_ip"], expected.from_ip);
    EXPECT_EQ(hop["by_host"], expected.by_host);
    EXPECT_EQ(hop["protocol"], expected.protocol);
    EXPECT_EQ(hop["auth_sender"], expected.auth_sender);
    EXPECT_EQ(hop["date"], expected.date);
  }
}

TEST(JsonlWriter, EachLineParsesBackToItsRecord) {
  const std::vector<bounce::Record> records = {exim_backscatter_record(), office365_record()};
  const std::vector<ordered_json> lines =
      parse_lines(render(Format::kJsonl, records, summary_of(records)));
  ASSERT_EQ(lines.size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) expect_same_values(lines[i], records[i]);
}

// Records are written in place after those waiting, into a buffer that grows: a record far
// larger than all before it, small ones after it, and enough of them to fill several large
// writes come out whole and in order.
TEST(JsonlWriter, RecordsOfAnySizeComeOutWholeAndInOrder) {
  std::vector<bounce::Record> records;
  for (std::size_t i = 0; i < 300; ++i) {
    bounce::Record record = i % 2 ? exim_backscatter_record() : office365_record();
    record.message_index = i;
    if (i == 7) record.diagnosticcode = std::string(1 << 20, 'x') + "\n\"end\"";
    if (i == 8) record.diagnosticcode = std::string(100000, '\x01');
    records.push_back(std::move(record));
  }
  const std::vector<ordered_json> lines = parse_lines(render(Format::kJsonl, records, summary_of(records)));
  ASSERT_EQ(lines.size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) expect_same_values(lines[i], records[i]);
}

TEST(JsonlWriter, FieldsComeInSisimaiOrderWithTheOriginalLast) {
  const std::vector<bounce::Record> records = {exim_backscatter_record()};
  const ordered_json line = parse_lines(render(Format::kJsonl, records, summary_of(records))).at(0);
  std::vector<std::string> keys;
  for (const auto& [key, value] : line.items()) keys.push_back(key);
  const std::vector<std::string> expected = {
      "recipient",  "addresser",    "deliverystatus", "replycode",     "action",
      "reason",     "hardbounce",   "diagnosticcode", "diagnostictype", "smtpcommand",
      "lhost",      "rhost",        "destination",    "senderdomain",  "timestamp",
      "timezoneoffset", "subject",  "messageid",      "listid",        "feedbacktype",
      "decodedby",  "origin",       "message_index",  "bounce_to",     "kind",
      "sent_by_owner", "category",  "evidence",       "original"};
  EXPECT_EQ(keys, expected);

  std::vector<std::string> original_keys;
  for (const auto& [key, value] : line["original"].items()) original_keys.push_back(key);
  const std::vector<std::string> expected_original = {
      "messageid", "from",     "returnpath",   "to",          "subject",
      "date",      "listid",   "received",     "dkim_domains", "x_originating_ip",
      "authentication_results"};
  EXPECT_EQ(original_keys, expected_original);
  EXPECT_TRUE(line["hardbounce"].is_boolean());
  EXPECT_TRUE(line["timestamp"].is_number_integer());
}

TEST(JsonlWriter, DiagnosisFieldsComeBeforeTheOriginal) {
  bounce::Record record = exim_backscatter_record();
  record.sent_by_owner = false;
  record.category = "backscatter";
  record.evidence = {"original entered mail.remote-isp.net directly from 185.220.101.47"};
  const ordered_json line = parse_lines(render(Format::kJsonl, {record}, summary_of({record}))).at(0);
  std::vector<std::string> keys;
  for (const auto& [key, value] : line.items()) keys.push_back(key);
  ASSERT_GE(keys.size(), 4u);
  EXPECT_EQ(std::vector<std::string>(keys.end() - 4, keys.end()),
            (std::vector<std::string>{"sent_by_owner", "category", "evidence", "original"}));
  EXPECT_EQ(line["sent_by_owner"], false);
  EXPECT_EQ(line["evidence"][0], std::string(record.evidence[0]));

  record.sent_by_owner.reset();
  EXPECT_TRUE(parse_lines(render(Format::kJsonl, {record}, summary_of({record}))).at(0)["sent_by_owner"].is_null());
}

TEST(JsonlWriter, OriginalIsNullWhenTheBounceReturnedNone) {
  bounce::Record record = office365_record();
  record.original = {};
  const std::vector<bounce::Record> records = {record};
  const ordered_json line = parse_lines(render(Format::kJsonl, records, summary_of(records))).at(0);
  EXPECT_TRUE(line["original"].is_null());
}

TEST(JsonlWriter, InvalidUtf8BecomesReplacementCharacters) {
  bounce::Record record = exim_backscatter_record();
  record.original.subject = "Rechnung f\xFCr M\xE4rz";  // Latin-1 bytes a broken bounce left undecoded
  record.original.received[0].from_host = "WIN-\xFF";
  const std::vector<bounce::Record> records = {record};
  const std::string output = render(Format::kJsonl, records, summary_of(records));
  EXPECT_TRUE(mime::is_valid_utf8(output));
  const ordered_json line = parse_lines(output).at(0);
  EXPECT_EQ(line["subject"], "Rechnung f\uFFFDr M\uFFFDrz");
  EXPECT_EQ(line["original"]["received"][0]["from_host"], "WIN-\uFFFD");
}

// Keeps what a stream is given, and the size of each write.
class RecordingBuffer : public std::streambuf {
 public:
  std::vector<std::size_t> writes;
  std::string text;

 protected:
  std::streamsize xsputn(const char* bytes, std::streamsize count) override {
    writes.push_back(static_cast<std::size_t>(count));
    text.append(bytes, static_cast<std::size_t>(count));
    return count;
  }
  int overflow(int c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    writes.push_back(1);
    text.push_back(static_cast<char>(c));
    return c;
  }
};

TEST(JsonlWriter, WatchedOutputGetsEachRecordAsItComes) {
  RecordingBuffer buffer;
  std::ostream out(&buffer);
  const std::unique_ptr<RecordWriter> writer = make_writer(Format::kJsonl, out, {.watched = true});
  for (std::size_t i = 1; i <= 3; ++i) {
    writer->write(exim_backscatter_record());
    const std::vector<ordered_json> lines = parse_lines(buffer.text);
    ASSERT_EQ(lines.size(), i);
    EXPECT_EQ(lines.back()["recipient"], exim_backscatter_record().recipient);
  }
}

TEST(JsonlWriter, OtherwiseRecordsLeaveInLargeWrites) {
  RecordingBuffer buffer;
  std::ostream out(&buffer);
  const std::unique_ptr<RecordWriter> writer = make_writer(Format::kJsonl, out, {});
  constexpr std::size_t kRecords = 500;  // some 800 kB of lines
  for (std::size_t i = 0; i < kRecords; ++i) writer->write(exim_backscatter_record());
  ASSERT_FALSE(buffer.writes.empty());
  for (std::size_t size : buffer.writes) EXPECT_GE(size, std::size_t{64} << 10);
  writer->finish(summary_of({}));
  EXPECT_LE(buffer.writes.size(), buffer.text.size() / (std::size_t{64} << 10) + 1);
  // Nothing is lost or cut between writes.
  EXPECT_EQ(buffer.text, render(Format::kJsonl, std::vector<bounce::Record>(kRecords, exim_backscatter_record()),
                                summary_of({})));
  EXPECT_EQ(parse_lines(buffer.text).size(), kRecords);
}

}  // namespace
}  // namespace bg::report
