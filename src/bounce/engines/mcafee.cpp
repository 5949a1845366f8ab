// McAfee Email and Web Security Appliance: X-NAI-Header "Modified by McAfee ...", Subject
// "Delivery Status". "--- The following addresses had delivery problems ---", then
// "<recipient>   (reply)" per recipient and a message/delivery-status part without
// Final-Recipient ("Original-Recipient: <...>", "Diagnostic-Code: smtp; 550 ...").
#include "bounce/address.h"
#include "bounce/dsn_fields.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// "<kijitora@example.co.jp>   (Unknown user kijitora@example.co.jp)": the address and the reply.
bool read_recipient_line(std::string_view line, DeliveryStatus& status) {
  if (!line.starts_with("<") || !line.ends_with(")")) return false;
  const std::size_t close = line.find('>');
  const std::size_t open = line.find('(', close);
  if (close == std::string_view::npos || open == std::string_view::npos) return false;
  const std::string_view address = line.substr(1, close - 1);
  if (!is_address(address)) return false;
  status.recipient = std::string(address);
  status.diagnosis = std::string(line.substr(open + 1, line.size() - open - 2));
  return true;
}

class McAfee final : public Engine {
 public:
  std::string_view name() const override { return "McAfee"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (message.headers().raw("X-NAI-Header").find("Modified by McAfee") == std::string_view::npos)
      return false;
    if (mime::trim(message.subject()) != "Delivery Status") return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    const auto problems =
        text_after_line(parts.notice, {"--- The following addresses had delivery problems ---"});
    if (!problems) return false;
    for (std::string_view line : TextLines(*problems)) {
      DeliveryStatus status;
      if (read_recipient_line(line, status)) {
        result.recipients.push_back(std::move(status));
        continue;
      }
      const auto field = read_dsn_line(line);
      if (!field || result.recipients.empty()) continue;
      // The report's fields are for the last recipient named; its Diagnostic-Code is the reply.
      DeliveryStatus& current = result.recipients.back();
      if (field->field == DsnField::kOriginalRecipient)
        current.alias = find_address(line);
      else if (field->field != DsnField::kFinalRecipient)
        apply_dsn_line(*field, current);
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& mcafee_engine() {
  static const McAfee engine;
  return engine;
}

}  // namespace bg::bounce
