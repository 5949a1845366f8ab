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
  virtual bool inquire(const BounceMessage& message, EngineResult& result) const = 0;
};

}  // namespace bg::bounce
