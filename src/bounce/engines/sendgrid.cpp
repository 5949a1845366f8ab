// SendGrid: Return-Path <apps@sendgrid.net>, Subject "Undelivered Mail Returned to Sender".
// "This is an automatically generated message from SendGrid.", one line per recipient naming
// the SMTP stage ("... User Unknown in RCPT TO"), then RFC 3464 fields in which "Action:
// expired" marks a delivery that timed out.
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

constexpr std::string_view kOpening = "This is an automatically generated message from SendGrid.";

// "... : 550 5.1.1 <kijitora@example.jp>... User Unknown  in RCPT TO" -> "RCPT".
std::string command_of(std::string_view notice) {
  for (std::string_view line : TextLines(notice)) {
    if (line.starts_with("Content-Type: ")) break;
    for (std::string_view lead : {" in End of ", " in "}) {
      const std::size_t at = line.rfind(lead);
      if (at == std::string_view::npos) continue;
      const std::string_view word = line.substr(at + lead.size(), 4);
      if (word.size() == 4 &&
          word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos)
        return std::string(word);
    }
  }
  return {};
}

class SendGrid final : public Engine {
 public:
  std::string_view name() const override { return "SendGrid"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    // The subject first: the Return-Path header, which most messages have, costs a lookup.
    if (mime::trim(message.subject()) != "Undelivered Mail Returned to Sender") return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    if (mime::trim(message.headers().raw("Return-Path")) != "<apps@sendgrid.net>") return false;
    if (!read_report_after(message, {kOpening}, result)) return false;
    const std::string command = command_of(*text_after_line(message.body(), {kOpening}));
    for (DeliveryStatus& status : result.recipients) {
      if (status.action == "expired") status.reason = "expired";
      if (status.command.empty()) status.command = command;
    }
    return true;
  }
};

}  // namespace

const Engine& sendgrid_engine() {
  static const SendGrid engine;
  return engine;
}

}  // namespace bg::bounce
