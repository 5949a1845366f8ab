// OpenSMTPD bounces: Subject "Delivery status notification: error" (or ": delayed"), From
// "Mailer Daemon <MAILER-DAEMON@...>", Received by "(OpenSMTPD)". After "This is the
// MAILER-DAEMON, please DO NOT REPLY to this email." one "recipient: error" line per address;
// the original follows "Below is a copy of the original message:". OpenSMTPD's own messages
// (data/reasons, [format opensmtpd]) say why.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kOpenSmtpdRelays = declare_received_markers({" (OpenSMTPD) with "});

bool received_by_opensmtpd(const BounceMessage& message) {
  return message.received_mentioning(kOpenSmtpdRelays) > 0;
}

// "kijitora@example.jp: 550 5.1.1 ..." (the colon may be missing in old versions).
bool read_recipient_line(std::string_view line, DeliveryStatus& status) {
  if (line.empty() || mime::is_space_or_tab(line.front())) return false;
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view address = line.substr(0, space);
  if (address.ends_with(":")) address.remove_suffix(1);
  if (!is_address(address)) return false;
  status.recipient = std::string(address);
  status.diagnosis = squeeze_spaces(line.substr(space + 1));
  return true;
}

class OpenSmtpd final : public Engine {
 public:
  std::string_view name() const override { return "OpenSMTPD"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (message.subject().find("Delivery status notification") == std::string::npos) return false;
    if (message.from().find("Mailer Daemon <") == std::string::npos) return false;
    if (!received_by_opensmtpd(message)) return false;

    const BodyParts parts =
        split_at_original(message.body(), {"    Below is a copy of the original message:"});
    std::vector<DeliveryStatus> recipients;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) {
        reading = line.starts_with("    This is the MAILER-DAEMON, please DO NOT REPLY to this");
        continue;
      }
      DeliveryStatus status;
      if (read_recipient_line(line, status)) recipients.push_back(std::move(status));
    }
    if (recipients.empty()) return false;
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& opensmtpd_engine() {
  static const OpenSmtpd engine;
  return engine;
}

}  // namespace bg::bounce
