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
  // One result serves every module asked, emptied after each that yields no record, instead of
  // one made and destroyed per module: most modules decline and leave it empty.
  EngineResult result;
  for (const Engine* engine : all_engines()) {
    if (engine->inquire(message_, result)) {
      const std::size_t before = records.size();
      // The records of one file share its path, copied once for all of them.
      if (std::string_view(origin_) != raw.origin) origin_ = SharedText(raw.origin);
      build_records(message_, result, {engine->name(), origin_, raw.index}, records);
      if (records.size() != before) {
        outcome.kind = records.back().kind;
        for (std::size_t i = before; i < records.size(); ++i)
          if (records[i].kind == MessageKind::kBounce) outcome.kind = MessageKind::kBounce;
        return outcome;
      }
    }
    result.clear();
  }
  return outcome;
}

}  // namespace bg::bounce
