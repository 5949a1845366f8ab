// Amazon SES, in its two forms. The notification it posts through Amazon SNS: Subject "AWS
// Notification Message", an x-amz-sns-message-id header and a JSON body whose "Message" holds a
// Bounce, Complaint or Delivery event. And the bounce it mails back: From
// MAILER-DAEMON@*.amazonses.com, X-SES-Outgoing, "An error occurred while trying to deliver the
// mail to the following recipients:" (or "The following message to <...> was undeliverable.")
// and RFC 3464 fields quoting the remote server's reply.
#include <nlohmann/json.hpp>

#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/ses_status.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

using nlohmann::json;

// The JSON text of a notification body, up to the "--" that starts SNS's footer. SNS folds long
// lines, ending the folded part with "!" and starting the rest with a space.
std::string notification_text(std::string_view body) {
  std::string text;
  bool folded = false;
  for (std::string_view line : TextLines(body)) {
    if (line == "--") break;
    if (folded && !line.empty()) line.remove_prefix(1);
    folded = line.ends_with("!");
    if (folded) line.remove_suffix(1);
    text.append(line);
  }
  return text;
}

std::string string_at(const json& object, std::string_view key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// The SES event inside the SNS envelope (or the event itself, when posted bare).
json ses_event(std::string_view body) {
  json outer = json::parse(notification_text(body), nullptr, false);
  if (!outer.is_object()) return {};
  if (const std::string inner = string_at(outer, "Message"); !inner.empty())
    return json::parse(inner, nullptr, false);
  return outer;
}

// Transient bounces whose subtype says why; other types leave the reason to the reply.
std::string reason_of_bounce_type(std::string_view type, std::string_view subtype) {
  if (type != "Transient") return {};
  if (subtype == "MailboxFull") return "mailboxfull";
  if (subtype == "MessageTooLarge") return "mesgtoobig";
  return {};
}

// "dsn; a27-23.smtp-out.us-west-2.amazonses.com" -> the host.
std::string host_of(std::string_view value) {
  if (const std::size_t semicolon = value.find(';'); semicolon != std::string_view::npos)
    value = value.substr(semicolon + 1);
  return std::string(mime::trim(value));
}

void read_bounce(const json& bounce, std::vector<DeliveryStatus>& recipients) {
  const auto listed = bounce.find("bouncedRecipients");
  if (listed == bounce.end() || !listed->is_array()) return;
  for (const json& entry : *listed) {
    if (!entry.is_object() || !is_address(string_at(entry, "emailAddress"))) continue;
    DeliveryStatus status;
    status.recipient = string_at(entry, "emailAddress");
    status.action = string_at(entry, "action");
    status.status = string_at(entry, "status");
    const std::string code = string_at(entry, "diagnosticCode");  // "smtp; 550 5.1.1 user unknown"
    const std::size_t semicolon = code.find(';');
    if (semicolon != std::string::npos && semicolon < 16) {
      status.spec = mime::lowercase(mime::trim(std::string_view(code).substr(0, semicolon)));
      status.diagnosis = std::string(mime::trim(std::string_view(code).substr(semicolon + 1)));
    } else {
      status.diagnosis = code;
    }
    status.lhost = host_of(string_at(bounce, "reportingMTA"));
    status.reason =
        reason_of_bounce_type(string_at(bounce, "bounceType"), string_at(bounce, "bounceSubType"));
    status.date = string_at(bounce, "timestamp");
    recipients.push_back(std::move(status));
  }
}

void read_complaint(const json& complaint, std::vector<DeliveryStatus>& recipients) {
  const auto listed = complaint.find("complainedRecipients");
  if (listed == complaint.end() || !listed->is_array()) return;
  for (const json& entry : *listed) {
    if (!entry.is_object() || !is_address(string_at(entry, "emailAddress"))) continue;
    DeliveryStatus status;
    status.recipient = string_at(entry, "emailAddress");
    status.reason = "feedback";
    status.feedbacktype = string_at(complaint, "complaintFeedbackType");
    status.date = string_at(complaint, "timestamp");
    recipients.push_back(std::move(status));
  }
}

void read_delivery(const json& delivery, std::vector<DeliveryStatus>& recipients) {
  const auto listed = delivery.find("recipients");
  if (listed == delivery.end() || !listed->is_array()) return;
  for (const json& entry : *listed) {
    if (!entry.is_string() || !is_address(entry.get<std::string>())) continue;
    DeliveryStatus status;
    status.recipient = entry.get<std::string>();
    status.action = "delivered";
    status.reason = "delivered";
    status.diagnosis = string_at(delivery, "smtpResponse");
    status.lhost = string_at(delivery, "reportingMTA");
    status.date = string_at(delivery, "timestamp");
    recipients.push_back(std::move(status));
  }
}

// The original's headers as the event lists them: [{"name": "From", "value": "..."}, ...].
std::string original_headers(const json& mail) {
  std::string headers;
  bool has_message_id = false;
  const auto listed = mail.find("headers");
  if (listed != mail.end() && listed->is_array()) {
    for (const json& header : *listed) {
      if (!header.is_object()) continue;
      const std::string name = string_at(header, "name");
      for (std::string_view wanted : {"From", "To", "Subject", "Message-ID", "Date"}) {
        if (!mime::iequals(name, wanted)) continue;
        headers += name + ": " + string_at(header, "value") + "\n";
        has_message_id = has_message_id || wanted == "Message-ID";
      }
    }
  }
  if (const std::string id = string_at(mail, "messageId"); !has_message_id && !id.empty())
    headers += "Message-ID: <" + id + ">\n";
  return headers;
}

bool read_notification(const BounceMessage& message, EngineResult& result) {
  const json event = ses_event(message.body());
  if (!event.is_object()) return false;
  const std::string type = string_at(event, "notificationType");
  const std::string section = mime::lowercase(type);
  const auto details = event.find(section);
  if (details == event.end() || !details->is_object()) return false;
  std::vector<DeliveryStatus> recipients;
  if (type == "Bounce")
    read_bounce(*details, recipients);
  else if (type == "Complaint")
    read_complaint(*details, recipients);
  else if (type == "Delivery")
    read_delivery(*details, recipients);
  if (recipients.empty()) return false;
  result.recipients = std::move(recipients);
  if (const auto mail = event.find("mail"); mail != event.end() && mail->is_object())
    result.original = original_headers(*mail);
  return true;
}

bool read_bounce_mail(const BounceMessage& message, EngineResult& result) {
  if (!read_report_after(
          message,
          {"The following message to <", "An error occurred while trying to deliver the mail "},
          result))
    return false;
  for (DeliveryStatus& status : result.recipients) take_quoted_status(status);
  return true;
}

bool sent_by_ses(const BounceMessage& message) {
  if (message.headers().has("X-SES-Outgoing") || message.headers().has("X-AWS-Outgoing"))
    return true;
  return domain_part(message.sender()).ends_with("amazonses.com");  // the sender is lowercase
}

class AmazonSES final : public Engine {
 public:
  std::string_view name() const override { return "AmazonSES"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (mime::trim(message.body()).starts_with("{"))
      return message.headers().has("X-Amz-Sns-Message-Id") && read_notification(message, result);
    // WorkMail sends its bounces through SES too, in a layout of its own. Most mail names a mailer,
    // whose header is looked for only in what SES sent.
    if (!sent_by_ses(message)) return false;
    if (mime::icontains(message.headers().raw("X-Mailer"), "Amazon WorkMail")) return false;
    return read_bounce_mail(message, result);
  }
};

}  // namespace

const Engine& amazon_ses_engine() {
  static const AmazonSES engine;
  return engine;
}

}  // namespace bg::bounce
