#include "corpus_scoring.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "bounce/bounce_reader.h"
#include "mailbox/message_source.h"

namespace bg::testing {

namespace {

std::string describe(const nlohmann::json& key_record) {
  return key_record.value("status", "") + " " + key_record.value("replycode", "") + " " +
         key_record.value("reason", "") + " " + (key_record.value("hardbounce", false) ? "hard" : "soft") + " " +
         key_record.value("feedbacktype", "");
}

std::string describe(const bounce::Record& record) {
  return record.deliverystatus + " " + record.replycode + " " + record.reason + " " +
         (record.hardbounce ? "hard" : "soft") + " " + record.feedbacktype;
}

bool matches(const nlohmann::json& key, const bounce::Record& record) {
  return key.value("status", "") == record.deliverystatus && key.value("replycode", "") == record.replycode &&
         key.value("reason", "") == record.reason && key.value("hardbounce", false) == record.hardbounce &&
         key.value("feedbacktype", "") == record.feedbacktype;
}

}  // namespace

std::vector<bounce::Record> records_of_file(const std::string& path) {
  std::vector<bounce::Record> records;
  bounce::BounceReader reader;
  const auto source = mailbox::open_source(path);
  mailbox::Batch batch;
  while (source->next(batch))
    for (const mailbox::RawMessage& message : batch.messages) reader.read(message, records);
  return records;
}

CorpusScore score_corpus(const std::string& corpus_dir) {
  CorpusScore score;
  std::ifstream key_file(corpus_dir + "/answer-key.jsonl");
  std::string line;
  while (std::getline(key_file, line)) {
    if (line.empty()) continue;
    const nlohmann::json sample = nlohmann::json::parse(line);
    const std::string file = sample.at("file");
    const std::string engine = sample.at("engine");
    const auto& expected = sample.at("records");
    const std::vector<bounce::Record> actual = records_of_file(corpus_dir + "/" + file);

    const std::size_t total = std::max(expected.size(), actual.size());
    std::size_t matched = 0;
    for (std::size_t i = 0; i < total; ++i) {
      const bool both = i < expected.size() && i < actual.size();
      if (both && matches(expected[i], actual[i])) {
        ++matched;
        continue;
      }
      score.mismatches.push_back({file, engine, i < expected.size() ? describe(expected[i]) : "-",
                                  i < actual.size() ? describe(actual[i]) : "-",
                                  i < actual.size() ? actual[i].decodedby : ""});
    }
    score.overall.matched += static_cast<int>(matched);
    score.overall.total += static_cast<int>(total);
    score.by_engine[engine].matched += static_cast<int>(matched);
    score.by_engine[engine].total += static_cast<int>(total);
  }
  return score;
}

}  // namespace bg::testing
