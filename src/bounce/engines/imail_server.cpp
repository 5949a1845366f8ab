// Ipswitch IMail Server bounces: Subject "Undeliverable Mail", X-Mailer "<SMTP32 v...>". One
// "Reason: recipient" line per address ("Unknown user: kijitora@example.jp"), or "undeliverable
// to recipient" followed by "Body of message generated response:" and the reply; the original
// follows "Original message follows.". IMail's own messages (data/reasons, [format
// imailserver]) say why.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

// The command IMail names in front of the reply it quotes.
std::string command_of(std::string_view diagnosis) {
  struct Clue {
    std::string_view text;
    std::string_view command;
  };
  static constexpr Clue kClues[] = {{"SMTP connection failed,", "CONN"},
                                    {"Unexpected connection response from server:", "CONN"},
                                    {"Unexpected response to EHLO/HELO:", "EHLO"},
                                    {"Server response to MAIL FROM:", "MAIL"},
                                    {"Additional RCPT TO generated following response:", "RCPT"},
                                    {"DATA command generated response:", "DATA"}};
  for (const Clue& clue : kClues)
    if (diagnosis.find(clue.text) != std::string_view::npos) return std::string(clue.command);
  return {};
}

// "Unknown user: kijitora@example.jp": the reason words before the colon, the address after.
bool read_reason_line(std::string_view line, DeliveryStatus& status) {
  const std::size_t space = line.find(' ');
  const std::size_t colon = line.rfind(':');
  if (space == std::string_view::npos || space == 0 || colon == std::string_view::npos ||
      colon < space)
    return false;
  const std::string_view address = mime::trim(line.substr(colon + 1));
  if (address.find(' ') != std::string_view::npos || !is_address(address)) return false;
  status.recipient = std::string(address);
  status.diagnosis = std::string(mime::trim(line.substr(0, colon)));
  return true;
}

class IMailServer final : public Engine {
 public:
  std::string_view name() const override { return "IMailServer"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const bool titled = mime::trim(message.subject()) == "Undeliverable Mail";
    if (!titled && !mime::trim(message.headers().raw("X-Mailer")).starts_with("<SMTP32 v"))
      return false;
    const BodyParts parts = split_at_original(message.body(), {"Original message follows."});

    std::vector<DeliveryStatus> recipients;
    std::string response;  // "Body of message generated response:" and what follows
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string_view content = mime::trim(line);
      DeliveryStatus status;
      if (mime::istarts_with(content, "undeliverable to ")) {
        status.recipient = find_address(content.substr(17));
        if (!status.recipient.empty()) recipients.push_back(std::move(status));
      } else if (read_reason_line(content, status)) {
        recipients.push_back(std::move(status));
      } else if (content.find("Body of message generated response:") != std::string_view::npos) {
        response = std::string(content);
      } else if (!response.empty()) {
        response.append(" ").append(content);
      }
    }
    if (recipients.empty()) return false;
    for (DeliveryStatus& status : recipients) {
      if (!response.empty()) status.diagnosis = response + " " + status.diagnosis;
      status.diagnosis = squeeze_spaces(status.diagnosis);
      status.command = command_of(status.diagnosis);
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& imail_server_engine() {
  static const IMailServer engine;
  return engine;
}

}  // namespace bg::bounce
