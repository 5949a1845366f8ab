// SurfControl E-mail Filter: X-Mailer "SurfControl E-mail Filter" and X-SEF-Processed. "Your
// message could not be sent.", "Addressed To: kijitora@example.com", the date of the attempt,
// "kijitora@example.com: [192.0.2.5], 550 ... No such user", then RFC 3464 fields.
#include "bounce/address.h"
#include "bounce/dsn_fields.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// "kijitora@example.com: [192.0.2.5], 550 kijitora@example.com... No such user": the remote
// host's address and its reply.
bool read_attempt(std::string_view line, DeliveryStatus& status) {
  const std::size_t colon = line.find(": [");
  if (colon == std::string_view::npos || !is_address(line.substr(0, colon))) return false;
  const std::size_t close = line.find("],", colon);
  if (close == std::string_view::npos) return false;
  status.rhost = std::string(line.substr(colon + 3, close - colon - 3));
  status.diagnosis = std::string(mime::trim(line.substr(close + 2)));
  return true;
}

bool starts_with_weekday(std::string_view line) {
  for (std::string_view day : {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"})
    if (line.starts_with(day) && line.size() > 3 && (line[3] == ' ' || line[3] == ',')) return true;
  return false;
}

class SurfControl final : public Engine {
 public:
  std::string_view name() const override { return "SurfControl"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.headers().has("X-SEF-Processed")) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    if (mime::trim(message.headers().raw("X-Mailer")) != "SurfControl E-mail Filter") return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    const auto notice = text_after_line(parts.notice, {"Your message could not be sent."});
    if (!notice) return false;
    for (std::string_view line : TextLines(*notice)) {
      if (line.starts_with("Addressed To:")) {
        result.recipients.emplace_back();
        result.recipients.back().recipient = find_address(line);
        continue;
      }
      if (result.recipients.empty()) continue;
      DeliveryStatus& status = result.recipients.back();
      if (starts_with_weekday(line)) {
        status.date = std::string(line);
      } else if (!read_attempt(line, status)) {
        const auto field = read_dsn_line(line);
        if (field && field->field != DsnField::kFinalRecipient) apply_dsn_line(*field, status);
      }
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& surfcontrol_engine() {
  static const SurfControl engine;
  return engine;
}

}  // namespace bg::bounce
