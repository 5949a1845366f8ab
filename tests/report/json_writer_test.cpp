#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report_fixtures.h"

namespace bg::report {
namespace {

using nlohmann::ordered_json;
using namespace fixtures;

std::vector<std::string> keys_of(const ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

TEST(JsonWriter, SummaryComesFirstThenEveryRecord) {
  const std::vector<bounce::Record> records = {exim_backscatter_record(), office365_record()};
  scan::ScanSummary summary = summary_of(records);
  summary.add_problem({BOUNCEGUARD_TEST_DATA "/sisimai/mailbox/size-2", "truncated message"});
  summary.seconds = 0.25;
  const ordered_json document = ordered_json::parse(render(Format::kJson, records, summary));

  EXPECT_EQ(keys_of(document), (std::vector<std::string>{"summary", "records"}));
  ASSERT_EQ(document["records"].size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(document["records"][i]["recipient"], records[i].recipient);
    EXPECT_EQ(document["records"][i]["diagnosticcode"], records[i].diagnosticcode);
    EXPECT_EQ(document["records"][i]["original"]["subject"], records[i].original.subject);
  }

  const ordered_json& written = document["summary"];
  EXPECT_EQ(keys_of(written),
            (std::vector<std::string>{"inputs", "messages_read", "bytes_read", "malformed",
                                      "bounce_messages", "delay_messages", "delivery_reports",
                                      "auto_replies", "feedback_reports", "records", "hard",
                                      "soft", "by_reason", "by_destination", "problems",
                                      "problem_count", "unreadable", "seconds"}));
  EXPECT_EQ(written["inputs"].get<std::vector<std::string>>(), summary.inputs);
  EXPECT_EQ(written["messages_read"], summary.messages_read);
  EXPECT_EQ(written["bounce_messages"], summary.bounce_messages);
  EXPECT_EQ(written["records"], summary.records);
  EXPECT_EQ(written["hard"], summary.hard);
  EXPECT_EQ(written["soft"], summary.soft);
  EXPECT_EQ(written["by_reason"]["userunknown"], summary.by_reason.at("userunknown"));
  EXPECT_EQ(written["by_destination"]["remote-isp.net"],
            summary.by_destination.at("remote-isp.net"));
  ASSERT_EQ(written["problems"].size(), 1u);
  EXPECT_EQ(written["problems"][0]["origin"], summary.problems[0].origin);
  EXPECT_EQ(written["problems"][0]["what"], summary.problems[0].what);
  EXPECT_EQ(written["problem_count"], 1);
  EXPECT_EQ(written["unreadable"], 0);
  EXPECT_EQ(written["problems"][0]["unreadable"], false);
  EXPECT_DOUBLE_EQ(written["seconds"].get<double>(), summary.seconds);
}

TEST(JsonWriter, ReasonsAreRankedByCountThenName) {
  std::vector<bounce::Record> records;
  for (const char* reason : {"blocked", "mailboxfull", "userunknown", "mailboxfull", "blocked",
                             "mailboxfull", "expired"}) {
    bounce::Record record = office365_record();
    record.reason = reason;
    records.push_back(record);
  }
  const ordered_json document =
      ordered_json::parse(render(Format::kJson, records, summary_of(records)));
  EXPECT_EQ(keys_of(document["summary"]["by_reason"]),
            (std::vector<std::string>{"mailboxfull", "blocked", "expired", "userunknown"}));
  EXPECT_EQ(document["summary"]["by_reason"]["mailboxfull"], 3);
}

TEST(JsonWriter, KeepsTheTwentyMostFrequentDestinations) {
  std::vector<bounce::Record> records;
  for (int domain = 0; domain < 25; ++domain) {
    for (int copy = 0; copy <= domain; ++copy) {  // domain N is seen N+1 times
      bounce::Record record = exim_backscatter_record();
      record.destination = "isp" + std::to_string(domain) + ".example";
      records.push_back(record);
    }
  }
  const ordered_json document =
      ordered_json::parse(render(Format::kJson, records, summary_of(records)));
  const ordered_json& destinations = document["summary"]["by_destination"];
  ASSERT_EQ(destinations.size(), 20u);
  EXPECT_EQ(destinations.begin().key(), "isp24.example");
  EXPECT_EQ(destinations["isp24.example"], 25);
  EXPECT_FALSE(destinations.contains("isp4.example"));
}

TEST(JsonWriter, RunWithoutRecordsIsAValidDocument) {
  scan::ScanSummary summary;
  summary.messages_read = 12;
  const ordered_json document = ordered_json::parse(render(Format::kJson, {}, summary));
  EXPECT_TRUE(document["records"].is_array());
  EXPECT_TRUE(document["records"].empty());
  EXPECT_EQ(document["summary"]["messages_read"], 12);
}

TEST(JsonWriter, SpillsAHundredThousandRecordsInOrder) {
  constexpr std::size_t kRecords = 100'000;
  const std::string output = render_numbered_records(Format::kJson, kRecords);

  const ordered_json document = ordered_json::parse(output);
  EXPECT_EQ(document["summary"]["records"], kRecords);
  const ordered_json& written = document["records"];
  ASSERT_EQ(written.size(), kRecords);
  for (std::size_t i = 0; i < kRecords; ++i) {
    ASSERT_EQ(written[i]["message_index"], i);
    ASSERT_EQ(written[i]["recipient"], numbered_recipient(i));
  }
}

}  // namespace
}  // namespace bg::report
