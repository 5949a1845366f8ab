// Lotus Notes bounces (older than Domino's): Subject "Undeliverable message". Under
// "------- Failure Reasons --------" the reason, then the recipient on a line of its own; the
// original follows "------- Returned Message --------". Notes' own messages (data/reasons,
// [format notes]) say why.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

class Notes final : public Engine {
 public:
  std::string_view name() const override { return "Notes"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.subject().starts_with("Undeliverable message")) return false;
    const BodyParts parts =
        split_at_original(message.body(), {"------- Returned Message --------"});

    // The reason lines come before the recipient they concern.
    std::vector<DeliveryStatus> recipients;
    std::string pending_reason;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) {
        reading = line.starts_with("------- Failure Reasons ");
        continue;
      }
      const std::string_view content = mime::trim(line);
      if (content.empty() || content.starts_with("-")) continue;
      if (line.find(' ') == std::string_view::npos && is_address(content)) {
        DeliveryStatus status;
        status.recipient = std::string(content);
        status.diagnosis = squeeze_spaces(pending_reason);
        recipients.push_back(std::move(status));
        pending_reason.clear();
      } else {
        pending_reason.append(content).push_back(' ');
      }
    }
    if (recipients.empty()) {
      for (std::string_view line : TextLines(parts.original)) {
        if (!mime::istarts_with(line, "To:")) continue;
        DeliveryStatus status;
        status.recipient = find_address(line);
        status.diagnosis = squeeze_spaces(pending_reason);
        if (!status.recipient.empty()) recipients.push_back(std::move(status));
        break;
      }
    }
    if (recipients.empty()) return false;
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& notes_engine() {
  static const Notes engine;
  return engine;
}

}  // namespace bg::bounce
