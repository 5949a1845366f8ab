// Symantec MessageLabs (Email Security.cloud): From MAILER-DAEMON@messagelabs.com, Subject "Mail
// Delivery Failure", an X-Msg-Ref header. A short notice, a message/delivery-status part whose
// replies MessageLabs words its own way ([format messagelabs] in data/reasons), and the
// original's headers (text/rfc822-headers).
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"

namespace bg::bounce {

namespace {

class MessageLabs final : public Engine {
 public:
  std::string_view name() const override { return "MessageLabs"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.headers().has("X-Msg-Ref")) return false;
    if (message.from().find("MAILER-DAEMON@messagelabs.com") == std::string::npos) return false;
    if (!message.subject().starts_with("Mail Delivery Failure")) return false;
    return read_report_after(message, {"Content-Type: message/delivery-status"}, result);
  }
};

}  // namespace

const Engine& messagelabs_engine() {
  static const MessageLabs engine;
  return engine;
}

}  // namespace bg::bounce
