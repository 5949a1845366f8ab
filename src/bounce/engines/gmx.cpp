// GMX (and mail.com): From MAILER-DAEMON@mail.gmx.com, Subject "Mail delivery failed: returning
// message to sender", an X-GMX-Antispam header. The United Internet layout; each recipient is
// followed by "SMTP error from remote server after RCPT command:", "host: mx.example.jp" and
// the reply.
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/united_internet_report.h"
#include "bounce/smtp_codes.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// "SMTP error from remote server after RCPT command:" -> "RCPT".
std::string command_of(std::string_view line) {
  if (!line.starts_with("SMTP error ") || !line.ends_with(" command:")) return {};
  const std::string_view before = line.substr(0, line.size() - 9);
  return std::string(before.substr(before.rfind(' ') + 1));
}

// A line that carries the reply: a status or reply code, or an address in angle brackets.
bool is_reply_line(std::string_view line) {
  return !find_status_code(line).empty() || !find_reply_code(line).empty() ||
         (line.find('<') != std::string_view::npos && line.find('@') != std::string_view::npos);
}

class Gmx final : public Engine {
 public:
  std::string_view name() const override { return "GMX"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.headers().has("X-GMX-Antispam")) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const UnitedInternetReport report = read_united_internet_report(message.body());
    for (const UnitedInternetRecipient& recipient : report.recipients) {
      DeliveryStatus status;
      status.recipient = recipient.address;
      bool after_reason = false;  // "Reason:" puts the reply on the next line
      for (const std::string& line : recipient.lines) {
        if (const std::string command = command_of(line); !command.empty()) {
          status.command = command;
        } else if (line.starts_with("host:")) {
          status.rhost = std::string(mime::trim(std::string_view(line).substr(5)));
        } else if (line == "Reason:") {
          after_reason = true;
        } else if (status.diagnosis.empty() && (after_reason || is_reply_line(line))) {
          status.diagnosis = line;
        }
      }
      result.recipients.push_back(std::move(status));
    }
    return keep_named_recipients(result, report.original);
  }
};

}  // namespace

const Engine& gmx_engine() {
  static const Gmx engine;
  return engine;
}

}  // namespace bg::bounce
