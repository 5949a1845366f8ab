// MXLogic (McAfee SaaS Email Protection) bounces: headers X-MX-Bounce, X-MXL-Hash or
// X-MXL-NoteHash, or Exim's From and Subject, whose wording it reuses (exim_replies.h). After
// "This message was created automatically by mail delivery software." one "<recipient>: reply"
// line per address; the original's headers follow "Included is a copy of the message header:".
#include <algorithm>

#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/exim_replies.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

bool is_mxlogic_bounce(const BounceMessage& message) {
  const mime::Headers& headers = message.headers();
  if (headers.has("X-MX-Bounce") || headers.has("X-MXL-Hash") || headers.has("X-MXL-NoteHash"))
    return true;
  if (mime::trim(message.from()).starts_with("Mail Delivery System")) return true;
  const std::string& subject = message.subject();
  return subject.find("Mail delivery failed") != std::string::npos ||
         subject.find("Delivery Status Notification") != std::string::npos ||
         (subject.starts_with("Warning: message ") &&
          subject.find(" delayed") != std::string::npos);
}

class MxLogic final : public Engine {
 public:
  std::string_view name() const override { return "MXLogic"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_mxlogic_bounce(message)) return false;
    const BodyParts parts =
        split_at_original(message.body(), {"Included is a copy of the message header:"});

    std::vector<DeliveryStatus> recipients;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) {
        reading =
            line.starts_with("This message was created automatically by mail delivery software.");
        continue;
      }
      const std::string_view content = mime::trim(line);
      if (content.empty()) continue;
      const std::size_t close = content.find(">:");
      if (content.starts_with("<") && close != std::string_view::npos) {
        DeliveryStatus status;
        status.recipient = find_address(content.substr(0, close + 1));
        status.diagnosis = std::string(mime::trim(content.substr(close + 2)));
        if (!status.recipient.empty()) {
          recipients.push_back(std::move(status));
          continue;
        }
      }
      if (!recipients.empty()) recipients.back().diagnosis.append(" ").append(content);
    }
    if (recipients.empty()) return false;
    for (DeliveryStatus& status : recipients) {
      // A "--" line starts the copy of the original.
      if (const std::size_t dashes = status.diagnosis.find("--"); dashes != std::string::npos)
        status.diagnosis.resize(dashes);
      status.diagnosis = squeeze_spaces(status.diagnosis);
      read_exim_reply(status, "rejected");
    }
    result.recipients = std::move(recipients);
    // A line of dashes underlines the marker.
    std::string_view original = parts.original;
    if (original.starts_with("---"))
      original.remove_prefix(std::min(original.size(), original.find('\n') + 1));
    result.original = std::string(original);
    return true;
  }
};

}  // namespace

const Engine& mxlogic_engine() {
  static const MxLogic engine;
  return engine;
}

}  // namespace bg::bounce
