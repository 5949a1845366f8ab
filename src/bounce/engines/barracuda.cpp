// Barracuda Spam & Virus Firewall: Subject "**Message you sent blocked by our bulk email
// filter**". "Your message to: kijitora@example.org was blocked by our Spam Firewall.", then
// RFC 3464 fields and the original's headers (text/rfc822-headers).
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"

namespace bg::bounce {

namespace {

class Barracuda final : public Engine {
 public:
  std::string_view name() const override { return "Barracuda"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const std::size_t clue = message.subject().find("our bulk email filter");
    if (clue == std::string::npos || clue == 0) return false;
    return read_report_after(message, {"Your message to:"}, result);
  }
};

}  // namespace

const Engine& barracuda_engine() {
  static const Barracuda engine;
  return engine;
}

}  // namespace bg::bounce
