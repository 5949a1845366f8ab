// Courier MTA bounces: Subject "NOTICE: mail delivery status." (or "WARNING: delayed mail."),
// From "Courier mail server at ...", Message-ID "<courier.*>". Under "UNDELIVERABLE MAIL" each
// "<recipient>:" is followed by the remote host and the ">>> COMMAND" / "<<< reply" exchange;
// a message/delivery-status part and the original follow.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

bool is_courier_bounce(const BounceMessage& message) {
  if (message.from().find("Courier mail server at ") != std::string::npos) return true;
  const std::string& subject = message.subject();
  if (subject.find("NOTICE: mail delivery status.") != std::string::npos ||
      subject.find("WARNING: delayed mail.") != std::string::npos)
    return true;
  return mime::trim(message.headers().raw("Message-Id")).starts_with("<courier.");
}

// The command each recipient's exchange ended with: "<kijitora@example.jp>:" then ">>> DATA".
std::vector<std::pair<std::string, std::string>> commands_by_recipient(std::string_view notice) {
  std::vector<std::pair<std::string, std::string>> commands;
  bool reading = false;
  for (std::string_view line : TextLines(notice)) {
    if (!reading) {
      reading = line.find("UNDELIVERABLE MAIL") != std::string_view::npos ||
                line.find("DELAYS IN DELIVERING YOUR MESSAGE") != std::string_view::npos;
      continue;
    }
    if (line.starts_with("Content-Type: message/delivery-status")) break;
    if (line.starts_with("<") && line.ends_with(">:")) {
      commands.emplace_back(find_address(line), "");
    } else if (line.starts_with(">>> ") && !commands.empty()) {
      commands.back().second = std::string(mime::trim(line.substr(4)).substr(0, 4));
    }
  }
  return commands;
}

class Courier final : public Engine {
 public:
  std::string_view name() const override { return "Courier"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_courier_bounce(message)) return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    const std::size_t report_at = parts.notice.find("Content-Type: message/delivery-status");
    if (report_at == std::string_view::npos) return false;
    std::vector<DeliveryStatus> recipients =
        read_dsn_recipients(parts.notice.substr(report_at));
    if (recipients.empty()) return false;

    const auto commands = commands_by_recipient(parts.notice.substr(0, report_at));
    for (DeliveryStatus& status : recipients) {
      for (const auto& [recipient, command] : commands)
        if (mime::iequals(recipient, status.recipient)) status.command = command;
      if (status.command.empty() && !commands.empty()) status.command = commands.front().second;
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& courier_engine() {
  static const Courier engine;
  return engine;
}

}  // namespace bg::bounce
