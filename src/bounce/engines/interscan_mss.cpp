// Trend Micro InterScan Messaging Security Suite: From "InterScan MSS" or "InterScan
// Notification", Subject "Mail could not be delivered" (or its Japanese versions). The SMTP
// exchange that failed, "Sent <<< RCPT TO:<kijitora@example.co.jp>" and "Received >>> 550 5.1.1
// ... user unknown", or "Unable to deliver message to <kijitora@example.co.jp>" when no server
// could be reached ([format interscanmss] in data/reasons).
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The subjects InterScan gives its reports, in English and Japanese.
constexpr std::string_view kSubjects[] = {
    "Mail could not be delivered",
    // "メッセージを配信できません。" (the message could not be delivered)
    "\xe3\x83\xa1\xe3\x83\x83\xe3\x82\xbb\xe3\x83\xbc\xe3\x82\xb8\xe3\x82\x92"
    "\xe9\x85\x8d\xe4\xbf\xa1\xe3\x81\xa7\xe3\x81\x8d\xe3\x81\xbe\xe3\x81\x9b"
    "\xe3\x82\x93\xe3\x80\x82",
    // "メール配信に失敗しました" (mail delivery failed)
    "\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab\xe9\x85\x8d\xe4\xbf\xa1\xe3\x81\xab"
    "\xe5\xa4\xb1\xe6\x95\x97\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x97\xe3\x81\x9f",
};

bool is_interscan_report(const BounceMessage& message) {
  const std::string_view from = mime::trim(message.headers().raw("From"));
  if (from.starts_with("\"InterScan MSS\"") || from.starts_with("\"InterScan Notification\""))
    return true;
  const std::string_view subject = mime::trim(message.subject());
  for (std::string_view known : kSubjects)
    if (subject == known) return true;
  return false;
}

// The recipient a line names: "Sent <<< RCPT TO:<a@b>", "Received >>> 550 ... <a@b>...",
// "Unable to deliver message to <a@b>".
std::string recipient_of(std::string_view line) {
  const bool exchange =
      line.find("<<< ") != std::string_view::npos || line.find(">>> ") != std::string_view::npos;
  if (!exchange && line.find("Unable to deliver message to <") == std::string_view::npos) return {};
  const std::size_t open = line.rfind('<');
  return open == std::string_view::npos ? std::string() : find_address(line.substr(open));
}

class InterScanMSS final : public Engine {
 public:
  std::string_view name() const override { return "InterScanMSS"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_interscan_report(message)) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part});
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string recipient = recipient_of(line);
      if (!recipient.empty() &&
          (result.recipients.empty() || result.recipients.back().recipient != recipient))
        result.recipients.emplace_back().recipient = recipient;
      if (result.recipients.empty()) continue;
      DeliveryStatus& status = result.recipients.back();
      // English "Sent <<< RCPT TO" and "Received >>> 550", or the localized "... >>> RCPT TO" and
      // "... <<< 550".
      const bool english = line.starts_with("Sent ") || line.starts_with("Received ");
      const std::string_view command_marker = english ? "<<< " : ">>> ";
      const std::string_view reply_marker = english ? ">>> " : "<<< ";
      if (const std::size_t at = line.find(command_marker); at != std::string_view::npos)
        status.command = std::string(line.substr(at + 4, 4));
      if (const std::size_t at = line.find(reply_marker); at != std::string_view::npos)
        status.diagnosis = std::string(mime::trim(line.substr(at + 4)));
      if (line.find("Unable to deliver message to <") != std::string_view::npos)
        status.diagnosis = std::string(mime::trim(line));
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& interscan_mss_engine() {
  static const InterScanMSS engine;
  return engine;
}

}  // namespace bg::bounce
