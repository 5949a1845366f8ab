// "X3": an unidentified MTA (Sisimai's X3). Subject "Delivery status notification", From "Mail
// Delivery System". After "This is an automatically generated Delivery Status Notification."
// each recipient is listed as "  * recipient", the error under "Technical details:" as
// "SMTP:RCPT host 192.0.2.1: 553 ...", "Routing: ..." or a Diagnostic-Code field.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "bounce/smtp_codes.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

class X3 final : public Engine {
 public:
  std::string_view name() const override { return "X3"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!mime::trim(message.from()).starts_with("Mail Delivery System")) return false;
    if (!message.subject().starts_with("Delivery status notification")) return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});

    std::vector<DeliveryStatus> recipients;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string_view content = mime::trim(line);
      if (!reading) {
        reading = content == "This is an automatically generated Delivery Status Notification.";
        continue;
      }
      if (content.starts_with("* ") && mime::is_space_or_tab(line.front())) {
        recipients.emplace_back().recipient = find_address(content.substr(2));
        continue;
      }
      if (recipients.empty()) continue;
      DeliveryStatus& current = recipients.back();
      if (line.starts_with("SMTP:")) {
        // "SMTP:RCPT host 192.0.2.8: 553 5.3.0 <kijitora@example.com>... No such user here"
        const std::string_view rest = line.substr(5);
        const std::size_t space = rest.find(' ');
        current.command = std::string(rest.substr(0, space));
        if (space != std::string_view::npos)
          current.diagnosis = std::string(mime::trim(rest.substr(space + 1)));
      } else if (line.starts_with("Routing: ")) {
        current.diagnosis = std::string(mime::trim(line.substr(9)));
      } else if (mime::istarts_with(line, "Diagnostic-Code: smtp;")) {
        current.diagnosis = std::string(mime::trim(line.substr(22)));
      }
    }
    drop_unnamed(recipients);
    if (recipients.empty()) return false;
    for (DeliveryStatus& status : recipients) {
      status.diagnosis = squeeze_spaces(status.diagnosis);
      status.status = find_status_code(status.diagnosis);
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& x3_engine() {
  static const X3 engine;
  return engine;
}

}  // namespace bg::bounce
