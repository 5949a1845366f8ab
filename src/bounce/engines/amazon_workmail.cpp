// Amazon WorkMail, sending through Amazon SES: X-Mailer (or X-Original-Mailer) "Amazon WorkMail"
// and X-SES-Outgoing. "An error occurred while trying to deliver the mail to the following
// recipients:", then "Technical report:" and RFC 3464 fields. An expiry quotes the last reply in
// angle brackets: "554 4.4.7 Message expired: ...<421 4.4.2 Connection timed out>".
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/ses_status.h"
#include "bounce/smtp_codes.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The reply quoted in angle brackets at the end: "<421 4.4.2 Connection timed out>".
std::string_view bracketed_reply(std::string_view diagnosis) {
  const std::size_t open = diagnosis.rfind('<');
  if (open == std::string_view::npos || !diagnosis.ends_with(">")) return {};
  const std::string_view reply = diagnosis.substr(open + 1, diagnosis.size() - open - 2);
  const bool coded =
      reply.size() > 4 && reply[3] == ' ' && !find_reply_code(reply.substr(0, 3)).empty();
  return coded ? reply : std::string_view();
}

class AmazonWorkMail final : public Engine {
 public:
  std::string_view name() const override { return "AmazonWorkMail"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const std::string_view mailer = message.headers().has("X-Original-Mailer")
                                        ? message.headers().raw("X-Original-Mailer")
                                        : message.headers().raw("X-Mailer");
    if (mime::trim(mailer) != "Amazon WorkMail" || !message.headers().has("X-SES-Outgoing"))
      return false;
    if (!read_report_after(message, {"Technical report:"}, result)) return false;
    for (DeliveryStatus& status : result.recipients) {
      take_quoted_status(status);
      if (const std::string_view reply = bracketed_reply(status.diagnosis); !reply.empty()) {
        status.replycode = std::string(reply.substr(0, 3));
        if (const std::string code = find_status_code(reply); !code.empty()) status.status = code;
      }
    }
    return true;
  }
};

}  // namespace

const Engine& amazon_workmail_engine() {
  static const AmazonWorkMail engine;
  return engine;
}

}  // namespace bg::bounce
