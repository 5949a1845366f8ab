#pragma once
// Turning what a format module read into finished records: addresses cleaned, codes found in the
// reply text, the time and the returned original's facts; then the reason decided, and hard or soft.
#include <string_view>
#include <vector>

#include "bounce/bounce_message.h"
#include "bounce/delivery_status.h"
#include "bounce/record.h"

namespace bg::bounce {

struct RecordSource {
  std::string_view format;  // the module that read the bounce ("Postfix")
  const SharedText& origin;  // the path read
  std::uint64_t message_index = 0;
};

// Appends one record per recipient of `result` to `records`, with everything read from the
// bounce but the reason: until decide_reason() is called, `reason` holds the format module's verdict.
// The records take the recipients' texts rather than copies: `result` is left to be cleared.
void build_records(const BounceMessage& message, EngineResult&& result, const RecordSource& source,
                   std::vector<Record>& records);

// Decides a built record's reason from its reply, its codes and the format module's verdict, and
// what follows from the reason: a missing status code, the action, hard or soft, and the kind.
// It is apart from building so that the reasons of many records can be decided one after
// another, while the phrase databases they are all scanned with are still in the cache.
void decide_reason(Record& record);

// Whether a bounce with this reason and status is permanent for the recipient (the key's rule:
// userunknown, hostunknown and hasmoved; notaccept unless temporary).
bool is_hard_bounce(std::string_view reason, std::string_view status);

}  // namespace bg::bounce
