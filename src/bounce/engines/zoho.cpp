// Zoho Mail: From mailer-daemon@mail.zoho.com, Subject "Undelivered Mail Returned to Sender", an
// X-ZohoMail header. "This message was created automatically by mail delivery software.", then
// one line per recipient, "kijitora@example.co.jp Invalid Address, ERROR_CODE :550, ERROR_CODE
// :5.1.1 ...", and the original's headers from its first Received line on.
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// Zoho returns the original's headers in the text, starting with its Received line: the notice
// is what comes before, the original that line and the header lines after it.
BodyParts split_at_received(std::string_view body) {
  std::size_t at = body.starts_with("Received:") ? 0 : mime::find_text(body, "\nReceived:");
  if (at == std::string_view::npos) return {body, {}};
  if (at != 0) ++at;
  std::string_view original = body.substr(at);
  if (const std::size_t blank = mime::find_text(original, "\n\n"); blank != std::string_view::npos)
    original = original.substr(0, blank + 1);
  return {body.substr(0, at), original};
}

class Zoho final : public Engine {
 public:
  std::string_view name() const override { return "Zoho"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.headers().has("X-ZohoMail")) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_received(message.body());
    const auto notice =
        text_after_line(parts.notice, {"This message was created automatically by mail delivery"});
    if (!notice) return false;
    for (std::string_view line : TextLines(*notice)) {
      // "kijitora@example.co.jp Invalid Address, ERROR_CODE :550, ..."
      const std::size_t space = line.find_first_of(" \t");
      if (space != std::string_view::npos && is_address(line.substr(0, space))) {
        DeliveryStatus status;
        status.recipient = std::string(line.substr(0, space));
        status.diagnosis = std::string(mime::trim(line.substr(space)));
        result.recipients.push_back(std::move(status));
        continue;
      }
      // "[Status: Error, Address: <kijitora@example.co.jp>, ResponseCode 421, ...]"
      if (line.starts_with("[Status: ")) {
        DeliveryStatus status;
        status.recipient = find_address(line);
        status.diagnosis = std::string(line);
        if (!status.recipient.empty()) result.recipients.push_back(std::move(status));
      }
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& zoho_engine() {
  static const Zoho engine;
  return engine;
}

}  // namespace bg::bounce
