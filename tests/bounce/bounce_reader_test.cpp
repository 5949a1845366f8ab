// A run of messages read at once, with the reasons of all its records decided at the end, gives
// what reading its messages one by one gives: the same records in the same order, and the same
// outcome for each message.
#include "bounce/bounce_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "bounce/bounce_message.h"
#include "bounce/engines/engine_list.h"
#include "mailbox/normalize.h"
#include "report/record_json_text.h"

namespace bg::bounce {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> sample_texts() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir"))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& file : files) texts.push_back(read_file(file));
  return texts;
}

std::string json_of(const Record& record) {
  std::string json;
  report::append_record_json(record, json);
  return json;
}

TEST(BounceReader, ARunReadAtOnceGivesWhatItsMessagesGiveOneByOne) {
  // The messages' texts outlive the records, which hold views into them.
  std::vector<std::string> texts = sample_texts();
  texts.push_back("no header block here, only text\n");
  texts.push_back("From: alice@example.com\nTo: bob@example.org\nSubject: lunch\n\nAt noon?\n");
  std::vector<mailbox::RawMessage> messages;
  for (std::size_t i = 0; i < texts.size(); ++i) messages.push_back({texts[i], "run", i, false});

  BounceReader one_by_one;
  std::vector<Record> expected;
  std::vector<ReadOutcome> expected_outcomes;
  for (const mailbox::RawMessage& message : messages) expected_outcomes.push_back(one_by_one.read(message, expected));

  BounceReader at_once;
  std::vector<Record> records;
  std::vector<ReadOutcome> outcomes;
  at_once.read_all(messages, records, outcomes);

  ASSERT_EQ(outcomes.size(), messages.size());
  bool malformed = false;
  bool ordinary = false;
  bool several_records = false;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    EXPECT_EQ(outcomes[i].malformed, expected_outcomes[i].malformed) << i;
    EXPECT_EQ(outcomes[i].kind, expected_outcomes[i].kind) << i;
    EXPECT_EQ(outcomes[i].records, expected_outcomes[i].records) << i;
    malformed |= outcomes[i].malformed;
    ordinary |= !outcomes[i].malformed && outcomes[i].records == 0;
    several_records |= outcomes[i].records > 1;
  }
  EXPECT_TRUE(malformed && ordinary && several_records) << "the run holds every kind of message";
  ASSERT_EQ(records.size(), expected.size());
  for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(json_of(records[i]), json_of(expected[i])) << i;
}

// The reader hands one result from module to module and empties it only after a module that
// accepted the message: every module must leave it as it was when it declines, even one that
// declines after it began to read recipients into it.
TEST(BounceReader, AModuleThatDeclinesLeavesTheResultEmpty) {
  int declines = 0;
  int accepts = 0;
  for (const std::string& text : sample_texts()) {
    std::string scratch;
    BounceMessage message;
    message.parse(mailbox::normalize({text, "sample", 0, false}, scratch));
    for (const Engine* engine : all_engines()) {
      EngineResult result;
      if (engine->inquire(message, result)) {
        ++accepts;
        continue;
      }
      ++declines;
      EXPECT_TRUE(result.recipients.empty()) << engine->name();
      EXPECT_TRUE(result.original.empty()) << engine->name();
      EXPECT_EQ(result.kind, MessageKind::kBounce) << engine->name();
    }
  }
  EXPECT_GT(accepts, 0);
  EXPECT_GT(declines, accepts);
}

}  // namespace
}  // namespace bg::bounce
