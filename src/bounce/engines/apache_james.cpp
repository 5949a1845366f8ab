// Apache James bounces: Subject "[BOUNCE]", Message-ID "<...JavaMail...>", Received by "JAMES
// SMTP Server". The text gives the error ("Error message below:" and the remote reply), then
// "Message details:" with "  RCPT TO: recipient" lines.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kJamesRelays = declare_received_markers({"JAMES SMTP Server"});

bool is_james_bounce(const BounceMessage& message) {
  if (message.subject() == "[BOUNCE]") return true;
  if (message.headers().raw("Message-Id").find(".JavaMail.") != std::string_view::npos) return true;
  return message.received_mentioning(kJamesRelays) > 0;
}

class ApacheJames final : public Engine {
 public:
  std::string_view name() const override { return "ApacheJames"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_james_bounce(message)) return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part});

    std::vector<DeliveryStatus> recipients;
    std::string error;  // every line before "Message details:"
    std::string sent_date;
    bool in_details = false;
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string_view content = mime::trim(line);
      if (content.empty()) continue;
      if (content == "Message details:") {
        in_details = true;
      } else if (line.starts_with("  RCPT TO: ")) {
        DeliveryStatus status;
        status.recipient = find_address(content.substr(9));
        if (!status.recipient.empty()) recipients.push_back(std::move(status));
      } else if (line.starts_with("  Sent date: ")) {
        sent_date = std::string(content.substr(11));
      } else if (!in_details) {
        error.append(content).push_back(' ');
      }
    }
    if (recipients.empty()) return false;
    for (DeliveryStatus& status : recipients) {
      status.diagnosis = squeeze_spaces(error);
      status.date = sent_date;
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& apache_james_engine() {
  static const ApacheJames engine;
  return engine;
}

}  // namespace bg::bounce
