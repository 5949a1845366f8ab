// "X2": an unidentified MTA (Sisimai's X2). Subject "Delivery failure", "failed delivery" or
// "failure delivery", From "MAILER-DAEMON@...". After "Unable to deliver message to the
// following address(es)." each "<recipient>:" line is followed by its error text; the original
// follows "--- Original message follows.".
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

class X2 final : public Engine {
 public:
  std::string_view name() const override { return "X2"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (message.from().find("MAILER-DAEMON@") == std::string::npos) return false;
    const std::string& subject = message.subject();
    if (!subject.starts_with("Delivery failure") && !subject.starts_with("failed delivery") &&
        !subject.starts_with("failure delivery"))
      return false;
    const BodyParts parts = split_at_original(message.body(), {"--- Original message follows."});

    std::vector<DeliveryStatus> recipients;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) {
        reading = line.starts_with("Unable to deliver message to the following address");
        continue;
      }
      const std::string_view content = mime::trim(line);
      if (content.empty()) continue;
      if (content.starts_with("<") && content.ends_with(">:")) {
        recipients.emplace_back().recipient = find_address(content);
      } else if (!recipients.empty()) {
        recipients.back().diagnosis.append(content).push_back(' ');
      }
    }
    drop_unnamed(recipients);
    if (recipients.empty()) return false;
    for (DeliveryStatus& status : recipients) status.diagnosis = squeeze_spaces(status.diagnosis);
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& x2_engine() {
  static const X2 engine;
  return engine;
}

}  // namespace bg::bounce
