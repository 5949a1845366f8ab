// The generator checks itself with bounceguard's own reader: every generated bounce must be read
// with the failed recipient, time and returned original the ground truth says, so that the
// diagnosis tests measure the diagnosis and not a malformed scenario.
#include <gtest/gtest.h>

#include <set>

#include "bounce/original/original_facts.h"
#include "bounce_layouts.h"
#include "corpus_scoring.h"
#include "mailbox/message_source.h"
#include "mime/ascii.h"
#include "mime/headers.h"
#include "scenario_files.h"
#include "scenario_generator.h"
#include "scenario_params.h"

namespace bg::testing::scenarios {
namespace {

// The Message-IDs of every message in a mailbox.
std::set<std::string> message_ids_in(const std::filesystem::path& path) {
  std::set<std::string> ids;
  const auto source = mailbox::open_source(path.string());
  mailbox::Batch batch;
  mime::Headers headers;
  while (source->next(batch)) {
    for (const mailbox::RawMessage& message : batch.messages) {
      headers.parse(message.bytes);
      ids.insert(bounce::clean_message_id(headers.text("Message-ID")));
    }
  }
  return ids;
}

TEST(ScenarioLayouts, EverySampleBecomesATemplate) {
  const std::vector<Layout>& all = layouts();
  EXPECT_EQ(all.size(), layout_catalog().size());
  int owner_server = 0, remote_server = 0, replaceable = 0;
  for (const Layout& layout : all) {
    owner_server += layout.spec().owner_server;
    remote_server += layout.spec().remote_server;
    replaceable += layout.replaceable_reply();
  }
  EXPECT_GE(owner_server, 6);
  EXPECT_GE(remote_server, 12);
  EXPECT_GE(replaceable, 4);
}

TEST(ScenarioGenerator, SameSpecWritesSameBytes) {
  const ScenarioSpec spec{ScenarioKind::kCompromiseAndBlocklisted, Variant::kEverything, 7};
  ScenarioFolder first("determinism-a"), second("determinism-b");
  const Scenario a = write_scenario(spec, first.path());
  const Scenario b = write_scenario(spec, second.path());
  for (const char* file : {"inbox.mbox", "sent.mbox", "maillog", "truth.json"}) {
    SCOPED_TRACE(file);
    const std::string content = read_file(first.path() / file);
    EXPECT_FALSE(content.empty());
    EXPECT_EQ(content, read_file(second.path() / file));
  }
  const Scenario other = write_scenario({spec.kind, spec.variant, 8}, second.path());
  EXPECT_NE(read_file(first.path() / "inbox.mbox"), read_file(second.path() / "inbox.mbox"));
}

class GeneratedScenario : public ::testing::TestWithParam<ScenarioSpec> {};

TEST_P(GeneratedScenario, BounceguardReadsEveryBounceAsIntended) {
  ScenarioFolder folder(scenario_name(GetParam()));
  const Scenario scenario = write_scenario(GetParam(), folder.path());
  EXPECT_FALSE(scenario.situations.empty());
  EXPECT_GE(scenario.bounces.size(), 10u);
  EXPECT_LE(scenario.messages, 600u);

  const std::vector<bounce::Record> records = records_of_file(scenario.mailbox.string());
  ASSERT_EQ(records.size(), scenario.bounces.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const bounce::Record& record = records[i];
    const ExpectedBounce& expected = scenario.bounces[i];
    SCOPED_TRACE("bounce " + std::to_string(i) + " on " + expected.layout + " reply " + expected.reply);
    EXPECT_EQ(record.kind, bounce::MessageKind::kBounce);
    EXPECT_TRUE(mime::iequals(record.recipient, expected.recipient)) << record.recipient;
    EXPECT_EQ(record.timestamp, expected.timestamp);
    EXPECT_EQ(record.original.present, expected.original_returned);
    if (!expected.original_returned) {
      EXPECT_EQ(record.messageid(), "");
      continue;
    }
    EXPECT_EQ(record.original.messageid, expected.original_message_id);
  }
}

// The top Received line of a returned copy says who handed the message over: the owner's
// server, a spam bot, or (in a copy the owner's own server returns) the owner's laptop or the
// attacker. Postfix writes a HELO address literal first and the real address in parentheses:
// "from [192.168.1.23] (host-81-2-69-160.broadband.example [81.2.69.160])".
TEST_P(GeneratedScenario, TopHopOfEveryReturnedCopyNamesWhoHandedItOver) {
  ScenarioFolder folder(scenario_name(GetParam()));
  const Scenario scenario = write_scenario(GetParam(), folder.path());
  const std::vector<bounce::Record> records = records_of_file(scenario.mailbox.string());
  ASSERT_EQ(records.size(), scenario.bounces.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const ExpectedBounce& expected = scenario.bounces[i];
    if (!expected.original_returned) continue;
    SCOPED_TRACE("bounce " + std::to_string(i) + " on " + expected.layout);
    ASSERT_FALSE(records[i].original.received.empty());
    const bounce::ReceivedHop& top = records[i].original.received.front();
    EXPECT_EQ(top.from_ip, expected.connecting_ip);
    if (expected.writer == "owner_server") {
      EXPECT_EQ(top.by_host, scenario.relays.back());
    }
  }
}

TEST_P(GeneratedScenario, SentFolderAndMailLogHoldTheOwnersMail) {
  ScenarioFolder folder(scenario_name(GetParam()));
  const Scenario scenario = write_scenario(GetParam(), folder.path());
  const std::set<std::string> sent =
      scenario.sent_folder.empty() ? std::set<std::string>{} : message_ids_in(scenario.sent_folder);
  const std::string log = scenario.mail_log.empty() ? "" : read_file(scenario.mail_log);
  for (const ExpectedBounce& bounce : scenario.bounces) {
    if (!bounce.original_returned) continue;
    const auto has = [&](const char* evidence) {
      return std::find(bounce.owner_evidence.begin(), bounce.owner_evidence.end(), evidence) !=
             bounce.owner_evidence.end();
    };
    const bool in_log = log.find("message-id=<" + bounce.original_message_id + ">") != std::string::npos;
    EXPECT_EQ(sent.contains(bounce.original_message_id), has("sent_folder")) << bounce.original_message_id;
    EXPECT_EQ(in_log, has("mail_log")) << bounce.original_message_id;
    if (bounce.category == "backscatter") {
      EXPECT_TRUE(bounce.owner_evidence.empty());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, GeneratedScenario, ::testing::ValuesIn(tested_scenarios()),
                         scenario_test_name);

}  // namespace
}  // namespace bg::testing::scenarios
