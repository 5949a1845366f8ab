#pragma once
// Turning what a format module read into finished records: addresses cleaned, codes found in the
// reply text, the reason decided, hard or soft, the time, and the returned original's facts.
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

// Appends one record per recipient of `result` to `records`.
void build_records(const BounceMessage& message, const EngineResult& result, const RecordSource& source,
                   std::vector<Record>& records);

// Whether a bounce with this reason and status is permanent for the recipient (the key's rule:
// userunknown, hostunknown and hasmoved; notaccept unless temporary).
bool is_hard_bounce(std::string_view reason, std::string_view status);

}  // namespace bg::bounce
