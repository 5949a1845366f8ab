// Gmail: From "Mail Delivery Subsystem <mailer-daemon@googlemail.com>", Subject "Delivery Status
// Notification (Failure)" or "(Delay)". "Delivery to the following recipient failed
// permanently:", the indented recipient, "Technical details of permanent failure:" and Google's
// explanation with the remote server's reply, which ends with Gmail's "(state N)": the SMTP
// stage it failed at. Returned original after "----- Original message -----".
#include <cctype>

#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/google_notice.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The SMTP command Gmail was at in each "(state N)"; what the states mean for the reason is in
// data/reasons ([format gmail]).
struct StateCommand {
  std::string_view state;
  std::string_view command;
};
constexpr StateCommand kStateCommands[] = {
    {"(state 6).", "MAIL"},  {"(state 13).", "EHLO"}, {"(state 14).", "RCPT"},
    {"(state 15).", "DATA"}, {"(state 17).", "DATA"}, {"(state 18).", "DATA"},
};

std::string command_of(std::string_view diagnosis) {
  for (const StateCommand& entry : kStateCommands)
    if (diagnosis.find(entry.state) != std::string_view::npos) return std::string(entry.command);
  return {};
}

// "... rejected by the server for the recipient domain example.jp by mx.example.jp.
// [192.0.2.153]." names the remote host; its address stands in for a name that is not one.
std::string remote_host_of(std::string_view diagnosis) {
  for (std::size_t by = mime::find_text(diagnosis, " by "); by != std::string_view::npos;
       by = mime::find_text(diagnosis, " by ", by + 1)) {
    const std::string_view rest = diagnosis.substr(by + 4);
    const std::size_t bracket = rest.find(". [");
    const std::size_t close = rest.find(']');
    if (bracket == std::string_view::npos || close < bracket) continue;
    const std::string_view host = rest.substr(0, bracket);
    if (host.find(' ') != std::string_view::npos) continue;
    const std::string_view address = rest.substr(bracket + 3, close - bracket - 3);
    const std::size_t last_dot = host.rfind('.');
    const bool named = last_dot != std::string_view::npos && last_dot + 1 < host.size() &&
                       std::isalpha(static_cast<unsigned char>(host[last_dot + 1]));
    return std::string(named ? host : address);
  }
  return {};
}

class Gmail final : public Engine {
 public:
  std::string_view name() const override { return "Gmail"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_google_delivery_notice(message)) return false;
    const BodyParts parts = split_at_original(
        message.body(), {"----- Original message -----", "----- Message header follows -----"});

    std::string preamble;  // "Delivery to the following recipient failed permanently:"
    std::vector<DeliveryStatus> recipients;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) reading = line.starts_with("Delivery to the following recipient");
      if (!reading || mime::trim(line).empty()) continue;
      const std::string_view text = mime::trim(line);
      if (mime::is_space_or_tab(line.front()) && is_address(text)) {
        recipients.emplace_back();
        recipients.back().recipient = std::string(text);
        recipients.back().diagnosis = preamble;
        continue;
      }
      std::string& diagnosis = recipients.empty() ? preamble : recipients.back().diagnosis;
      diagnosis.append(text).push_back(' ');
    }
    if (recipients.empty()) return false;

    for (DeliveryStatus& status : recipients) {
      status.diagnosis = std::string(mime::trim(status.diagnosis));
      status.rhost = remote_host_of(status.diagnosis);
      status.command = command_of(status.diagnosis);
      // Gmail keeps trying after a temporary failure; the notice is a warning.
      if (status.diagnosis.find("Technical details of temporary failure") != std::string::npos)
        status.action = "delayed";
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& gmail_engine() {
  static const Gmail engine;
  return engine;
}

}  // namespace bg::bounce
