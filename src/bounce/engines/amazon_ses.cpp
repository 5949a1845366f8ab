// Amazon SES, in its two forms. The notification it posts through Amazon SNS: Subject "AWS
// Notification Message", an x-amz-sns-message-id header and a JSON body whose "Message" holds a
// Bounce, Complaint or Delivery event. And the bounce it mails back: From
// MAILER-DAEMON@*.amazonses.com, X-SES-Outgoing, "An error occurred while trying to deliver the
// mail to the following recipients:" (or "The following message to <...> was undeliverable.")
// and RFC 3464 fields quoting the remote server's reply.
#include <simdjson.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/ses_status.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

namespace dom = simdjson::dom;

// The JSON text of a notification body, up to the "--" that starts SNS's footer, with room after it
// for the padding simdjson reads past the text. SNS folds long lines, ending the folded part with
// "!" and starting the rest with a space.
std::string notification_text(std::string_view body) {
  std::string text;
  text.reserve(body.size() + simdjson::SIMDJSON_PADDING);
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

// `text` read as JSON the way nlohmann::json reads it. simdjson refuses a few texts nlohmann reads
// (integers beyond 64 bits, a NUL that nlohmann takes for the end, a leading byte order mark,
// nesting deeper than 1024): such a text is read by nlohmann and, when valid, written again in a
// form simdjson reads, with room for any depth.
std::optional<dom::element> parse_json(dom::parser& parser, std::string& text) {
  dom::element value;
  if (parser.parse(text).get(value) == simdjson::SUCCESS) return value;
  const nlohmann::json read = nlohmann::json::parse(text, nullptr, false);
  if (read.is_discarded()) return std::nullopt;
  text = read.dump();
  text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  if (parser.allocate(text.size(), text.size()) != simdjson::SUCCESS ||
      parser.parse(text).get(value) != simdjson::SUCCESS)
    return std::nullopt;
  return value;
}

// The value of `key` in `object`: the last one when the key is given twice, as nlohmann::json kept.
std::optional<dom::element> field(dom::object object, std::string_view key) {
  std::optional<dom::element> found;
  for (const dom::key_value_pair member : object)
    if (member.key == key) found = member.value;
  return found;
}

std::string_view string_at(dom::object object, std::string_view key) {
  const std::optional<dom::element> value = field(object, key);
  return value && value->is_string() ? value->get_string().value_unsafe() : std::string_view();
}

std::optional<dom::array> array_at(dom::object object, std::string_view key) {
  const std::optional<dom::element> value = field(object, key);
  if (!value || !value->is_array()) return std::nullopt;
  return value->get_array().value_unsafe();
}

// The SES event inside the SNS envelope (or the event itself, when posted bare); its strings live
// in `parser`.
std::optional<dom::object> ses_event(std::string_view body, dom::parser& parser) {
  std::string text = notification_text(body);
  std::optional<dom::element> event = parse_json(parser, text);
  if (!event || !event->is_object()) return std::nullopt;
  if (const std::string_view inner = string_at(event->get_object().value_unsafe(), "Message");
      !inner.empty()) {
    text.clear();
    text.reserve(inner.size() + simdjson::SIMDJSON_PADDING);
    text.append(inner);
    event = parse_json(parser, text);
    if (!event || !event->is_object()) return std::nullopt;
  }
  return event->get_object().value_unsafe();
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

// Calls `read` with each object listed under `key` whose "emailAddress" is an address, and that
// address.
template <typename Read>
void for_each_recipient(dom::object details, std::string_view key, Read read) {
  const std::optional<dom::array> listed = array_at(details, key);
  if (!listed) return;
  for (const dom::element value : *listed) {
    if (!value.is_object()) continue;
    const dom::object entry = value.get_object().value_unsafe();
    if (const std::string_view address = string_at(entry, "emailAddress"); is_address(address))
      read(entry, address);
  }
}

void read_bounce(dom::object bounce, std::vector<DeliveryStatus>& recipients) {
  for_each_recipient(bounce, "bouncedRecipients", [&](dom::object entry, std::string_view address) {
    DeliveryStatus status;
    status.recipient = address;
    status.action = string_at(entry, "action");
    status.status = string_at(entry, "status");
    const std::string_view code =
        string_at(entry, "diagnosticCode");  // "smtp; 550 5.1.1 user unknown"
    const std::size_t semicolon = code.find(';');
    if (semicolon != std::string_view::npos && semicolon < 16) {
      status.spec = mime::lowercase(mime::trim(code.substr(0, semicolon)));
      status.diagnosis = std::string(mime::trim(code.substr(semicolon + 1)));
    } else {
      status.diagnosis = code;
    }
    status.lhost = host_of(string_at(bounce, "reportingMTA"));
    status.reason =
        reason_of_bounce_type(string_at(bounce, "bounceType"), string_at(bounce, "bounceSubType"));
    status.date = string_at(bounce, "timestamp");
    recipients.push_back(std::move(status));
  });
}

void read_complaint(dom::object complaint, std::vector<DeliveryStatus>& recipients) {
  for_each_recipient(complaint, "complainedRecipients", [&](dom::object, std::string_view address) {
    DeliveryStatus status;
    status.recipient = address;
    status.reason = "feedback";
    status.feedbacktype = string_at(complaint, "complaintFeedbackType");
    status.date = string_at(complaint, "timestamp");
    recipients.push_back(std::move(status));
  });
}

void read_delivery(dom::object delivery, std::vector<DeliveryStatus>& recipients) {
  const std::optional<dom::array> listed = array_at(delivery, "recipients");
  if (!listed) return;
  for (const dom::element value : *listed) {
    if (!value.is_string()) continue;
    const std::string_view recipient = value.get_string().value_unsafe();
    if (!is_address(recipient)) continue;
    DeliveryStatus status;
    status.recipient = recipient;
    status.action = "delivered";
    status.reason = "delivered";
    status.diagnosis = string_at(delivery, "smtpResponse");
    status.lhost = string_at(delivery, "reportingMTA");
    status.date = string_at(delivery, "timestamp");
    recipients.push_back(std::move(status));
  }
}

// The original's headers as the event lists them: [{"name": "From", "value": "..."}, ...].
std::string original_headers(dom::object mail) {
  std::string headers;
  bool has_message_id = false;
  if (const std::optional<dom::array> listed = array_at(mail, "headers")) {
    for (const dom::element value : *listed) {
      if (!value.is_object()) continue;
      const dom::object header = value.get_object().value_unsafe();
      const std::string_view name = string_at(header, "name");
      for (std::string_view wanted : {"From", "To", "Subject", "Message-ID", "Date"}) {
        if (!mime::iequals(name, wanted)) continue;
        headers.append(name).append(": ").append(string_at(header, "value")).append("\n");
        has_message_id = has_message_id || wanted == "Message-ID";
      }
    }
  }
  if (const std::string_view id = string_at(mail, "messageId"); !has_message_id && !id.empty())
    headers.append("Message-ID: <").append(id).append(">\n");
  return headers;
}

bool read_notification(const BounceMessage& message, EngineResult& result) {
  dom::parser parser;
  const std::optional<dom::object> event = ses_event(message.body(), parser);
  if (!event) return false;
  const std::string_view type = string_at(*event, "notificationType");
  const std::optional<dom::element> details = field(*event, mime::lowercase(type));
  if (!details || !details->is_object()) return false;
  const dom::object section = details->get_object().value_unsafe();
  std::vector<DeliveryStatus> recipients;
  if (type == "Bounce")
    read_bounce(section, recipients);
  else if (type == "Complaint")
    read_complaint(section, recipients);
  else if (type == "Delivery")
    read_delivery(section, recipients);
  if (recipients.empty()) return false;
  result.recipients = std::move(recipients);
  if (const std::optional<dom::element> mail = field(*event, "mail"); mail && mail->is_object())
    result.original = original_headers(mail->get_object().value_unsafe());
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
