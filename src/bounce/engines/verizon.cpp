// Verizon Wireless, relayed through *.vtext.com. Two layouts: the SMS gateway's (From
// post_master@vtext.com: "Error: Invalid user address", the reply "550 - Requested action not
// taken: no such user here", and the message details "MAIL FROM: ..." and "RCPT TO: ..."), and
// the MMS gateway's (From sysadmin@*.vzwpix.com: "Message could not be delivered to mobile.",
// "Error: No valid recipients for this MM", then the original's From, To and Subject).
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kVtextRelays = declare_received_markers({".vtext.com ("});

enum class Gateway { kNone, kSms, kMms };

Gateway gateway_of(const BounceMessage& message) {
  if (message.received_mentioning(kVtextRelays) == 0) return Gateway::kNone;
  const std::string from = find_address(message.from());
  if (from == "post_master@vtext.com") return Gateway::kSms;
  if (mime::istarts_with(from, "sysadmin@") && mime::lowercase(from).ends_with(".vzwpix.com"))
    return Gateway::kMms;
  return Gateway::kNone;
}

// "550 - Requested action not taken: no such user here": a reply line of the SMS gateway.
bool is_sms_reply(std::string_view line) {
  return line.size() > 6 && line[0] >= '2' && line[0] <= '5' && line.substr(3, 3) == " - ";
}

// Reads the SMS gateway's notice after its "Error:" line; fills `original` with the details it
// gives of the message.
void read_sms_notice(std::string_view text, EngineResult& result, std::string& original) {
  std::string reply;
  for (std::string_view line : TextLines(text)) {
    const std::string_view field = mime::trim(line);
    if (field.starts_with("RCPT TO:")) {
      result.recipients.emplace_back();
      result.recipients.back().recipient = find_address(field);
    } else if (field.starts_with("MAIL FROM:")) {
      original += "From: " + std::string(mime::trim(field.substr(10))) + "\n";
    } else if (field.starts_with("Subject:")) {
      original += std::string(field) + "\n";
    } else if (is_sms_reply(line)) {
      reply = std::string(line);
    }
  }
  for (DeliveryStatus& status : result.recipients) status.diagnosis = reply;
}

// Reads the MMS gateway's notice after "Message could not be delivered to mobile.": "Error: ..."
// then the original's From, To and Subject.
void read_mms_notice(std::string_view text, EngineResult& result, std::string& original) {
  std::string error;
  for (std::string_view line : TextLines(text)) {
    if (line.starts_with("To:")) {
      result.recipients.emplace_back();
      result.recipients.back().recipient = find_address(line);
    } else if (line.starts_with("From:") || line.starts_with("Subject:")) {
      original += std::string(line) + "\n";
    } else if (line.starts_with("Error:")) {
      error = std::string(mime::trim(line.substr(6)));
    }
  }
  for (DeliveryStatus& status : result.recipients) status.diagnosis = error;
}

class Verizon final : public Engine {
 public:
  std::string_view name() const override { return "Verizon"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const Gateway gateway = gateway_of(message);
    if (gateway == Gateway::kNone) return false;
    return read(message, gateway, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, Gateway gateway, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    const bool sms = gateway == Gateway::kSms;
    const auto notice = text_after_line(
        parts.notice, {sms ? "Error:" : "Message could not be delivered to mobile"});
    if (!notice) return false;
    std::string original;
    if (sms)
      read_sms_notice(*notice, result, original);
    else
      read_mms_notice(*notice, result, original);
    return keep_named_recipients(result, parts.original.empty() ? original : parts.original);
  }
};

}  // namespace

const Engine& verizon_engine() {
  static const Verizon engine;
  return engine;
}

}  // namespace bg::bounce
