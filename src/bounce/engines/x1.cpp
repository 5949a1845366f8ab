// "X1": an unidentified MTA (Sisimai's X1). Subject "Returned Mail: ...", From "\"Mail Deliver
// System\" <MAILER-DAEMON...>". After "The original message was received at DATE" one
// "recipient [reason]" line per address; the original's headers follow without a marker.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

constexpr std::string_view kReceivedAt = "The original message was received at ";

class X1 final : public Engine {
 public:
  std::string_view name() const override { return "X1"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.subject().starts_with("Returned Mail: ")) return false;
    if (!mime::trim(message.from()).starts_with("\"Mail Deliver System\" ")) return false;

    // The original's headers follow the notice directly, from a "Received: from <IPv4>" line.
    const BodyParts parts = split_at_original(
        message.body(), {"Received: from 1", "Received: from 2", "Received: from 3",
                         "Received: from 4", "Received: from 5", "Received: from 6",
                         "Received: from 7", "Received: from 8", "Received: from 9"});
    std::vector<DeliveryStatus> recipients;
    std::string date;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string_view content = mime::trim(line);
      if (content.starts_with(kReceivedAt)) {
        date = std::string(content.substr(kReceivedAt.size()));
        reading = true;
        continue;
      }
      if (!reading || !content.ends_with("]")) continue;
      const std::size_t open = content.find(" [");
      if (open == std::string_view::npos || !is_address(content.substr(0, open))) continue;
      DeliveryStatus status;
      status.recipient = std::string(content.substr(0, open));
      status.diagnosis = squeeze_spaces(content.substr(open + 2, content.size() - open - 3));
      status.date = date;
      recipients.push_back(std::move(status));
    }
    if (recipients.empty()) return false;
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& x1_engine() {
  static const X1 engine;
  return engine;
}

}  // namespace bg::bounce
