// au by KDDI's EZweb mobile mail: From Postmaster@ezweb.ne.jp (or @au.com), Subject "Mail System
// Error - Returned Mail", Message-ID at ezweb.ne.jp. A Japanese paragraph, then either a
// sentence of EZweb's own ("The user(s) account is disabled.") and the recipient in angle
// brackets, or "Each of the following recipients was rejected by a remote mail server." with
// "Recipient: <...>", ">>> RCPT TO:<...>" and "<<< 550 ...". X-SPASIGN: NG marks mail that
// EZweb's spam filter refused. EZweb's sentences are in data/reasons ([format ezweb]).
#include "bounce/address.h"
#include "bounce/dsn_fields.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "bounce/reason/reason_resolver.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kEzwebRelays = declare_received_markers({"ezweb.ne.jp (EZweb Mail) with", ".au.com ("});

// EZweb draws a line of 50 dashes above the returned message.
constexpr std::string_view kDivider = "--------------------------------------------------";
constexpr std::string_view kRejectedHeading =
    "Each of the following recipients was rejected by a remote";

bool is_ezweb_report(const BounceMessage& message) {
  int clues = 0;
  const std::string& from = message.from();
  if (from.find("Postmaster@ezweb.ne.jp") != std::string::npos) ++clues;
  if (from.find("Postmaster@au.com") != std::string::npos) ++clues;
  if (mime::trim(message.subject()) == "Mail System Error - Returned Mail") ++clues;
  clues += message.received_mentioning(kEzwebRelays);
  // The Message-ID, which nearly every message has, is looked up only when it decides.
  if (clues != 1) return clues >= 2;
  const std::string_view id = mime::trim(message.headers().raw("Message-ID"));
  return id.ends_with(".ezweb.ne.jp>") || id.ends_with(".au.com>");
}

bool opens_notice(std::string_view line) {
  if (line.starts_with("The user(s) ") || line.starts_with("Your message ") ||
      line.starts_with("Each of the following"))
    return true;
  return line.starts_with("<") && line.ends_with(">") &&
         is_address(line.substr(1, line.size() - 2));
}

// "<a@ezweb.ne.jp>", "<a@ezweb.ne.jp>: 550 ...", "    Recipient: <a@ezweb.ne.jp>".
std::string recipient_of(std::string_view line) {
  const std::string_view text = mime::trim(line);
  if (text.starts_with("Recipient: <")) return find_address(text);
  if (!line.starts_with("<")) return {};
  const std::size_t close = line.find('>');
  if (close == std::string_view::npos) return {};
  const std::string_view address = line.substr(1, close - 1);
  return is_address(address) ? std::string(address) : std::string();
}

bool is_ascii(std::string_view line) {
  for (char c : line)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool is_ezweb_domain(std::string_view address) {
  const std::string domain = domain_of(address);
  return domain == "ezweb.ne.jp" || domain == "au.com";
}

class EZweb final : public Engine {
 public:
  std::string_view name() const override { return "EZweb"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_ezweb_report(message)) return false;
    const BodyParts parts = split_at_original(message.body(), {kDivider, kRfc822Part});

    std::vector<DeliveryStatus> recipients;
    std::string own_words;  // EZweb's own sentences ([format ezweb])
    std::string other_lines;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) reading = opens_notice(line);
      if (!reading || mime::trim(line).empty() || !is_ascii(line)) continue;
      if (const std::string address = recipient_of(line); !address.empty()) {
        recipients.emplace_back();
        recipients.back().recipient = address;
        continue;
      }
      if (const auto field = read_dsn_line(line)) {
        if (!recipients.empty() && field->field != DsnField::kFinalRecipient)
          apply_dsn_line(*field, recipients.back());
        continue;
      }
      const std::string_view text = mime::trim(line);
      if (text.starts_with(">>> ") && !recipients.empty()) {
        recipients.back().command = std::string(text.substr(4, 4));
        continue;
      }
      std::string& lines = reason_in_scope(text, "format ezweb").empty() ? other_lines : own_words;
      lines.append(" ").append(text);
    }
    if (recipients.empty()) return false;

    const bool spam_filtered = mime::trim(message.headers().raw("X-SPASIGN")) == "NG";
    for (DeliveryStatus& status : recipients) {
      status.diagnosis = std::string(mime::trim(own_words.empty() ? other_lines : own_words));
      if (spam_filtered) {
        status.reason = "filtered";
      } else if (status.command == "RCPT") {
        status.reason = "userunknown";
      } else if (reason_in_scope(status.diagnosis, "format ezweb").empty() &&
                 status.diagnosis.find(kRejectedHeading) == std::string::npos &&
                 !is_ezweb_domain(status.recipient)) {
        // An address outside EZweb that neither EZweb's sentences nor a remote server's refusal
        // explain could not be delivered to at all: counted as unknown, as Sisimai does.
        status.reason = "userunknown";
      }
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& ezweb_engine() {
  static const EZweb engine;
  return engine;
}

}  // namespace bg::bounce
