// Yahoo! Mail: From MAILER-DAEMON@yahoo.com (or a Yahoo! domain), Subject "Failure Notice", an
// X-YMailISG header. "Sorry, we were unable to deliver your message to the following address.",
// then "<recipient>:" and "Remote host said: 550 ... [RCPT_TO]" (the bracket names the SMTP
// command), and "--- Below this line is a copy of the message.".
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

constexpr std::string_view kRemoteHostSaid = "Remote host said:";

// "<kijitora@example.org>:" alone on its line.
std::string recipient_of(std::string_view line) {
  line = mime::trim(line);
  if (!line.starts_with("<") || !line.ends_with(">:")) return {};
  const std::string_view address = line.substr(1, line.size() - 3);
  return is_address(address) ? std::string(address) : std::string();
}

// "... [RCPT_TO]" -> "RCPT": the command Yahoo! names at the end of a reply.
std::string command_in(std::string_view line) {
  line = mime::trim(line);
  if (!line.ends_with("]")) return {};
  const std::size_t open = line.rfind('[');
  if (open == std::string_view::npos || line.size() - open < 6) return {};
  const std::string_view name = line.substr(open + 1, 4);
  for (char c : name)
    if (c < 'A' || c > 'Z') return {};
  return std::string(name);
}

class Yahoo final : public Engine {
 public:
  std::string_view name() const override { return "Yahoo"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.headers().has("X-YMailISG")) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts =
        split_at_original(message.body(), {"--- Below this line is a copy of the message."});

    const auto notice =
        text_after_line(parts.notice, {"Sorry, we were unable to deliver your message"});
    if (!notice) return false;
    std::vector<DeliveryStatus>& recipients = result.recipients;
    for (std::string_view line : TextLines(*notice)) {
      if (mime::trim(line).empty()) continue;
      if (const std::string address = recipient_of(line); !address.empty()) {
        recipients.emplace_back();
        recipients.back().recipient = address;
        continue;
      }
      if (recipients.empty()) continue;
      DeliveryStatus& status = recipients.back();
      const std::string_view text = mime::trim(line);
      const std::string command = command_in(text);
      if (!command.empty()) {
        status.command = command;
        if (text.starts_with("[")) continue;  // "[RCPT_TO]" on a line of its own
      }
      if (text.starts_with(kRemoteHostSaid) || status.diagnosis == kRemoteHostSaid)
        status.diagnosis = std::string(text);
      else
        status.diagnosis.append(" ").append(text);
    }
    for (DeliveryStatus& status : recipients)
      if (status.command.empty() && status.diagnosis.find('<') != std::string::npos &&
          !find_address(status.diagnosis).empty())
        status.command = "RCPT";  // the reply names the recipient
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& yahoo_engine() {
  static const Yahoo engine;
  return engine;
}

}  // namespace bg::bounce
