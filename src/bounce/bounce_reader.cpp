#include "bounce/bounce_reader.h"

#include <algorithm>

#include "bounce/candidate.h"
#include "bounce/engines/engine_list.h"
#include "bounce/record_builder.h"
#include "mailbox/normalize.h"

namespace bg::bounce {

namespace {

// Asks the memory system for the start of a message while the one before it is read: the
// messages of a run were split by another thread, so their bytes are far from this core's
// caches. The start holds the headers, all that ordinary mail needs, and most of a bounce.
void prefetch_start(const mailbox::RawMessage& message) {
  constexpr std::size_t kStart = 4096;
  const std::size_t end = std::min(message.bytes.size(), kStart);
  for (std::size_t at = 0; at < end; at += 64) __builtin_prefetch(message.bytes.data() + at);
}

// Decides the reasons of the `outcome.records` records from `first`, all of one message, and
// from them the message's kind: a bounce if any record is one, else what its last record is.
void decide(std::vector<Record>& records, std::size_t first, ReadOutcome& outcome) {
  for (std::size_t i = first; i < first + outcome.records; ++i) {
    decide_reason(records[i]);
    if (outcome.kind != MessageKind::kBounce) outcome.kind = records[i].kind;
  }
}

}  // namespace

ReadOutcome BounceReader::read(const mailbox::RawMessage& raw, std::vector<Record>& records) {
  const std::size_t first = records.size();
  ReadOutcome outcome = read_undecided(raw, records);
  decide(records, first, outcome);
  return outcome;
}

void BounceReader::read_all(std::span<const mailbox::RawMessage> messages, std::vector<Record>& records,
                            std::vector<ReadOutcome>& outcomes) {
  const std::size_t first = records.size();
  outcomes.clear();
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (i + 1 < messages.size()) prefetch_start(messages[i + 1]);
    outcomes.push_back(read_undecided(messages[i], records));
  }
  std::size_t next = first;
  for (ReadOutcome& outcome : outcomes) {
    decide(records, next, outcome);
    next += outcome.records;
  }
}

ReadOutcome BounceReader::read_undecided(const mailbox::RawMessage& raw, std::vector<Record>& records) {
  ReadOutcome outcome;
  top_headers_.parse(raw.bytes);
  if (top_headers_.empty()) {
    outcome.malformed = true;
    return outcome;
  }
  if (!may_be_bounce(top_headers_)) return outcome;

  // When the message needed no normalizing, its header block was just parsed from these bytes.
  const std::string_view normalized = mailbox::normalize(raw, normalized_);
  message_.parse(normalized, normalized.data() == raw.bytes.data() ? &top_headers_ : nullptr);
  // One result serves every module asked, instead of one made and destroyed per module. A module
  // that declines leaves it untouched, as Engine::inquire promises, so that it is emptied only
  // after one that accepted the message but yielded no record: most modules decline.
  EngineResult result;
  for (const Engine* engine : all_engines()) {
    if (engine->inquire(message_, result)) {
      const std::size_t before = records.size();
      // The records of one file share its path, copied once for all of them.
      if (std::string_view(origin_) != raw.origin) origin_ = SharedText(raw.origin);
      build_records(message_, std::move(result), {engine->name(), origin_, raw.index}, records);
      outcome.records = records.size() - before;
      if (outcome.records != 0) return outcome;
      result.clear();
    }
  }
  return outcome;
}

}  // namespace bg::bounce
