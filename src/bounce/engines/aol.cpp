// AOL Mail (before it moved to Yahoo's servers): From MAILER-DAEMON@aol.com, an X-AOL-IP
// header and a standard message/delivery-status part, whose replies AOL's own messages explain
// ([format aol] in data/reasons).
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"

namespace bg::bounce {

namespace {

class Aol final : public Engine {
 public:
  std::string_view name() const override { return "Aol"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    // AOL adds X-AOL-IP to the mail its users receive too; its own bounces come from aol.com.
    if (!message.headers().has("X-AOL-IP") || domain_of(message.sender()) != "aol.com")
      return false;
    return read_report_after(message, {"Content-Type: message/delivery-status"}, result);
  }
};

}  // namespace

const Engine& aol_engine() {
  static const Aol engine;
  return engine;
}

}  // namespace bg::bounce
