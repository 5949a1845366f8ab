#pragma once
// A format module reads the bounces of one mail server or service (Postfix, Exim, Office 365...).
// Each one answers two questions: is this message mine, and what does it say per recipient.
#include <string_view>

#include "bounce/bounce_message.h"
#include "bounce/delivery_status.h"

namespace bg::bounce {

class Engine {
 public:
  virtual ~Engine() = default;
  // The module's name, as it appears in the record's `decodedby` field.
  virtual std::string_view name() const = 0;
  // Reads `message` when it is in this module's format; returns false, leaving `result`
  // untouched, when it is not, or when no recipient could be found in it.
  //
  // Every message is asked of module after module, and most modules decline nearly all of them
  // on their first test. A module whose reading is long makes that test here and reads in a
  // function kept out of line: the compiler sets up the frame of the whole reading, saving
  // registers and reserving stack, on entry to the function that holds it, for every message.
  virtual bool inquire(const BounceMessage& message, EngineResult& result) const = 0;
};

}  // namespace bg::bounce
