// amavisd-new, the content filter: From "Content-filter at host" <postmaster@host>, Subject
// "Undeliverable mail, ..." or "Considered UNSOLICITED BULK EMAIL, apparently from you". A notice
// ("The message WAS NOT relayed to: ...") and a message/delivery-status part whose
// Diagnostic-Code ends with amavis's verdict ("554 5.7.0 Reject, id=... - SPAM", [format amavis]
// in data/reasons), then the original's headers.
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

class Amavis final : public Engine {
 public:
  std::string_view name() const override { return "Amavis"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!mime::trim(message.headers().raw("From")).starts_with("\"Content-filter at "))
      return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    if (!read_report_after(message, {"Content-Type: message/delivery-status"}, result))
      return false;
    for (DeliveryStatus& status : result.recipients)
      if (status.spec == "X-POSTFIX") status.spec = "SMTP";  // amavis relays its Postfix's replies
    return true;
  }
};

}  // namespace

const Engine& amavis_engine() {
  static const Amavis engine;
  return engine;
}

}  // namespace bg::bounce
