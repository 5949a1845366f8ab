// Amazon SES receiving mail for a domain and refusing it: From postmaster@ the receiving domain,
// Subject "Delivery Status Notification (Failure)", X-SES-Outgoing, "This message could not be
// delivered." and RFC 3464 fields, then the original's headers (text/rfc822-headers). SES's own
// replies ("Mailbox does not exist") have meanings of their own ([format receivingses]).
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/ses_status.h"

namespace bg::bounce {

namespace {

class ReceivingSES final : public Engine {
 public:
  std::string_view name() const override { return "ReceivingSES"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.headers().has("X-SES-Outgoing")) return false;
    if (!read_report_after(message, {"This message could not be delivered."}, result)) return false;
    for (DeliveryStatus& status : result.recipients) take_quoted_status(status);
    return true;
  }
};

}  // namespace

const Engine& receiving_ses_engine() {
  static const ReceivingSES engine;
  return engine;
}

}  // namespace bg::bounce
