// Trustwave (Marshal) MailMarshal SMTP: Subject 'Undeliverable Mail: "<original subject>"'. A
// plain text: "Your message:" with the original's From and Subject indented, "Could not be
// delivered because of" and the reply, "The following recipients were affected:" with the
// addresses indented, then "Additional Information" (Original Sender, Sender-MTA, Reporting-MTA).
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// "Reporting-MTA:      <relay.example.com>" -> "relay.example.com".
std::string bracketed_value(std::string_view line) {
  const std::size_t open = line.find('<');
  const std::size_t close = line.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  return std::string(line.substr(open + 1, close - open - 1));
}

class MailMarshalSMTP final : public Engine {
 public:
  std::string_view name() const override { return "MailMarshalSMTP"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.subject().starts_with("Undeliverable Mail: \"")) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});

    enum class Section {
      kBefore,
      kYourMessage,
      kReply,
      kRecipients,
      kAdditional
    } section = Section::kBefore;
    std::string reply;
    std::string original;  // the original's From and Subject, as "Your message:" lists them
    std::string lhost, rhost;
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string_view text = mime::trim(line);
      if (line.starts_with("Your message:"))
        section = Section::kYourMessage;
      else if (line.starts_with("Could not be delivered because of"))
        section = Section::kReply;
      else if (line.starts_with("The following recipients were affected:"))
        section = Section::kRecipients;
      else if (line.starts_with("Additional Information"))
        section = Section::kAdditional;
      else if (section == Section::kYourMessage &&
               (text.starts_with("From:") || text.starts_with("Subject:")))
        original += std::string(text) + "\n";
      else if (section == Section::kReply && !text.empty())
        reply.append(" ").append(text);
      else if (section == Section::kRecipients && line.starts_with("    ") && is_address(text))
        result.recipients.emplace_back().recipient = std::string(text);
      else if (section == Section::kAdditional && text.starts_with("Original Sender:"))
        original += "From: " + bracketed_value(text) + "\n";
      else if (section == Section::kAdditional && text.starts_with("Sender-MTA:"))
        lhost = bracketed_value(text);
      else if (section == Section::kAdditional && text.starts_with("Reporting-MTA:"))
        rhost = bracketed_value(text);
    }
    for (DeliveryStatus& status : result.recipients) {
      status.diagnosis = std::string(mime::trim(reply));
      status.lhost = lhost;
      status.rhost = rhost;
    }
    return keep_named_recipients(result, parts.original.empty() ? original : parts.original);
  }
};

}  // namespace

const Engine& mailmarshal_smtp_engine() {
  static const MailMarshalSMTP engine;
  return engine;
}

}  // namespace bg::bounce
