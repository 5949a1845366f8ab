// qmail (and netqmail, indimail) bounces: Subject "failure notice", From "MAILER-DAEMON".
// After "Hi. This is the qmail-send program at ..." the qmail notice (qmail_notice.h); the
// original follows "--- Below this line is a copy of the message.".
#include "bounce/engines/engines.h"
#include "bounce/engines/qmail_notice.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// "Received: (qmail 12345 invoked for bounce); ..." marks a message qmail-send wrote itself.
bool received_from_qmail(const BounceMessage& message) {
  for (std::string_view value : message.received()) {
    value = mime::trim(value);
    if (value.starts_with("(qmail ") && (mime::contains_text(value, " invoked for bounce)") ||
                                         mime::contains_text(value, " invoked from network)")))
      return true;
  }
  return false;
}

bool opens_report(std::string_view line) { return line.starts_with("Hi. This is the qmail"); }

class Qmail final : public Engine {
 public:
  std::string_view name() const override { return "qmail"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (message.subject() != "failure notice" && !received_from_qmail(message)) return false;
    const BodyParts parts =
        split_at_original(message.body(), {"--- Below this line is a copy of the message.",
                                           "--- Enclosed is a copy of the message.", kRfc822Part,
                                           kRfc822HeadersPart});
    std::vector<DeliveryStatus> recipients = read_qmail_notice(parts.notice, opens_report);
    if (recipients.empty()) return false;
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& qmail_engine() {
  static const Qmail engine;
  return engine;
}

}  // namespace bg::bounce
