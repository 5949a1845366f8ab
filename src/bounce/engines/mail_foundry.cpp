// MailFoundry bounces: Subject "Message delivery has failed", Received "(MAILFOUNDRY) id".
// "Unable to deliver message to: <recipient>" then "Delivery failed for the following reason:"
// and the remote server's reply.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kMailFoundryRelays = declare_received_markers({"(MAILFOUNDRY) id"});

bool received_by_mailfoundry(const BounceMessage& message) {
  return message.received_mentioning(kMailFoundryRelays) > 0;
}

class MailFoundry final : public Engine {
 public:
  std::string_view name() const override { return "MailFoundry"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (message.subject() != "Message delivery has failed" || !received_by_mailfoundry(message))
      return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part});

    std::vector<DeliveryStatus> recipients;
    bool in_reason = false;
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string_view content = mime::trim(line);
      if (content.starts_with("Unable to deliver message to:")) {
        DeliveryStatus status;
        status.recipient = find_address(content);
        if (!status.recipient.empty()) recipients.push_back(std::move(status));
        in_reason = false;
      } else if (content == "Delivery failed for the following reason:") {
        in_reason = !recipients.empty();
      } else if (in_reason && !content.empty() && !content.starts_with("-")) {
        recipients.back().diagnosis.append(content).push_back(' ');
      }
    }
    if (recipients.empty()) return false;
    for (DeliveryStatus& status : recipients) status.diagnosis = squeeze_spaces(status.diagnosis);
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& mail_foundry_engine() {
  static const MailFoundry engine;
  return engine;
}

}  // namespace bg::bounce
