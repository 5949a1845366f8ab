// RFC 3464 delivery status notifications from any server: the message/delivery-status part
// says it all. Tried after the formats that need special reading.
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"

namespace bg::bounce {

namespace {

class Rfc3464 final : public Engine {
 public:
  std::string_view name() const override { return "RFC3464"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    const std::size_t report_at = parts.notice.find("Content-Type: message/delivery-status");
    if (report_at == std::string_view::npos) return false;
    DsnReport report = read_dsn_report(parts.notice.substr(report_at));
    std::erase_if(report.recipients, [](const DeliveryStatus& status) { return status.recipient.empty(); });
    if (report.recipients.empty()) return false;
    result.recipients = std::move(report.recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& rfc3464_engine() {
  static const Rfc3464 engine;
  return engine;
}

}  // namespace bg::bounce
