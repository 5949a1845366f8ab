// Outlook.com and Hotmail: Subject "Delivery Status Notification (Failure)" or "(Delay)", from
// postmaster@*.hotmail.com with X-Message-Delivery and X-Message-Info headers. A line
// "This is an automatically generated Delivery Status Notification", a summary, then RFC 3464
// fields; the summary stands in for a missing Diagnostic-Code.
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kHotmailRelays = declare_received_markers({".hotmail.com"});

constexpr std::string_view kOpening =
    "This is an automatically generated Delivery Status Notification";

bool is_outlook_report(const BounceMessage& message) {
  int clues = 0;
  if (message.subject().find("Delivery Status Notification") != std::string::npos) ++clues;
  if (message.headers().has("X-Message-Delivery")) ++clues;
  if (message.headers().has("X-Message-Info")) ++clues;
  if (message.received_mentioning(kHotmailRelays) > 0) ++clues;
  return clues >= 2;
}

// The last line of the summary above the fields and the recipients it lists: "Delivery to the
// following recipients has been delayed.", "Unable to deliver message to the following recipients,
// due to ...".
std::string summary_of(std::string_view notice) {
  std::string summary;
  bool reading = false;
  for (std::string_view line : TextLines(notice)) {
    if (!reading) {
      reading = line.starts_with(kOpening);
      continue;
    }
    if (line.starts_with("Content-Type: ")) break;
    // The recipients are listed indented below the summary.
    if (!line.empty() && !mime::is_space_or_tab(line.front()))
      summary = std::string(mime::trim(line));
  }
  return summary;
}

class Outlook final : public Engine {
 public:
  std::string_view name() const override { return "Outlook"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_outlook_report(message)) return false;
    if (!read_report_after(message, {kOpening}, result)) return false;
    const std::string summary = summary_of(message.body());
    for (DeliveryStatus& status : result.recipients)
      if (status.diagnosis.empty()) status.diagnosis = summary;
    return true;
  }
};

}  // namespace

const Engine& outlook_engine() {
  static const Outlook engine;
  return engine;
}

}  // namespace bg::bounce
