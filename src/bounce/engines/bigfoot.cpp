// Bigfoot (bigfoot.com's forwarding service): a Sendmail-style bounce from
// MAILER-DAEMON@bigfoot.com with "----- Transcript of session follows -----" (">>> RCPT TO:<...>"
// and "<<< 553 ..."), RFC 3464 fields, and the original as a message/partial part.
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kBigfootRelays = declare_received_markers({".bigfoot.com "});

constexpr std::string_view kTranscript = "----- Transcript of session follows";

bool is_bigfoot_report(const BounceMessage& message) {
  if (message.from().find("@bigfoot.com>") != std::string::npos) return true;
  return message.received_mentioning(kBigfootRelays) > 0;
}

// The command of the transcript's last ">>> RCPT TO:<...>" line; "EHLO" when the server only
// answered ("<<< 554 ...") without a command of ours.
std::string transcript_command(std::string_view transcript) {
  std::string command;
  bool replied = false;
  for (std::string_view line : TextLines(transcript)) {
    if (line.starts_with("Content-Type: ")) break;
    if (line.starts_with(">>> ") && line.size() >= 8) command = std::string(line.substr(4, 4));
    if (line.starts_with("<<< ")) replied = true;
  }
  return command.empty() && replied ? "EHLO" : command;
}

class Bigfoot final : public Engine {
 public:
  std::string_view name() const override { return "Bigfoot"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_bigfoot_report(message)) return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    const std::size_t at = parts.notice.find(kTranscript);
    if (at == std::string_view::npos) return false;
    const std::string_view transcript = parts.notice.substr(at);
    std::vector<DeliveryStatus> recipients = read_fields(transcript);
    if (recipients.empty()) return false;
    const std::string command = transcript_command(transcript);
    for (DeliveryStatus& status : recipients)
      if (status.command.empty()) status.command = command;
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& bigfoot_engine() {
  static const Bigfoot engine;
  return engine;
}

}  // namespace bg::bounce
