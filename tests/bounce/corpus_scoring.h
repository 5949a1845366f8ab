#pragma once
// Scoring bounceguard's records against the corpus answer key
// (tests/data/sisimai/answer-key.jsonl): a record matches when its deliverystatus, replycode,
// reason, hardbounce and feedbacktype equal the key's, position by position; records beyond the
// key's count as misses.
#include <map>
#include <string>
#include <vector>

#include "bounce/record.h"

namespace bg::testing {

struct Mismatch {
  std::string file;
  std::string engine;
  std::string expected;  // "status replycode reason hard feedbacktype" per record, or "-"
  std::string actual;
  std::string decodedby;
};

struct EngineScore {
  int matched = 0;
  int total = 0;  // the larger of the key's and our record counts, summed over samples
  double percent() const { return total == 0 ? 100.0 : 100.0 * matched / total; }
};

struct CorpusScore {
  EngineScore overall;
  std::map<std::string, EngineScore> by_engine;
  std::vector<Mismatch> mismatches;
};

// Reads every sample named in the key, from `corpus_dir` (the folder holding answer-key.jsonl).
CorpusScore score_corpus(const std::string& corpus_dir);

// Records of one message file, read as bounceguard reads a single-message file.
std::vector<bounce::Record> records_of_file(const std::string& path);

}  // namespace bg::testing
