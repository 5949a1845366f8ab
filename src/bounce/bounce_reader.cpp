#include "bounce/bounce_reader.h"

#include "bounce/candidate.h"
#include "bounce/engines/engine_list.h"
#include "bounce/record_builder.h"
#include "mailbox/normalize.h"

namespace bg::bounce {

ReadOutcome BounceReader::read(const mailbox::RawMessage& raw, std::vector<Record>& records) {
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
  for (const Engine* engine : all_engines()) {
    EngineResult result;
    if (!engine->inquire(message_, result)) continue;
    const std::size_t before = records.size();
    build_records(message_, result, {engine->name(), raw.origin, raw.index}, records);
    if (records.size() == before) continue;
    outcome.kind = records.back().kind;
    for (std::size_t i = before; i < records.size(); ++i)
      if (records[i].kind == MessageKind::kBounce) outcome.kind = MessageKind::kBounce;
    return outcome;
  }
  return outcome;
}

}  // namespace bg::bounce
