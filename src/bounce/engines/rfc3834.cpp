// Automatic replies (RFC 3834): vacation and out-of-office messages. The "recipient" is the
// person who is away, that is the sender of the reply.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

bool says_auto_reply(const BounceMessage& message) {
  const std::string auto_submitted = mime::lowercase(mime::trim(message.headers().raw("Auto-Submitted")));
  if (auto_submitted.starts_with("auto-generated") || auto_submitted.starts_with("auto-replied") ||
      auto_submitted.starts_with("auto-notified"))
    return true;
  const std::string suppress = mime::lowercase(message.headers().raw("X-Auto-Response-Suppress"));
  if (suppress.find("oof") != std::string::npos || suppress.find("autoreply") != std::string::npos ||
      suppress.find("all") != std::string::npos)
    return true;
  if (mime::iequals(mime::trim(message.headers().raw("X-Apple-Action")), "vacation")) return true;
  if (mime::iequals(mime::trim(message.headers().raw("Precedence")), "auto_reply")) return true;
  const std::string subject = mime::lowercase(message.subject());
  for (std::string_view opening : {"auto:", "auto response:", "auto reply:", "automatic reply:", "out of office:",
                                   "out of the office:"})
    if (subject.starts_with(opening)) return true;
  return false;
}

bool is_excluded(const BounceMessage& message) {
  // A delivery report is not an auto-reply, even when it says Auto-Submitted: auto-replied.
  if (mime::icontains(message.headers().raw("Content-Type"), "multipart/report")) return true;
  if (message.body().find("Content-Type: message/delivery-status") != std::string::npos) return true;
  const std::string subject = mime::lowercase(message.subject());
  if (subject.find("security information for") != std::string::npos) return true;  // sudo
  if (subject.find("mail failure -") != std::string::npos) return true;             // Exim
  const std::string& from = message.sender();
  for (std::string_view system : {"root@", "postmaster@", "mailer-daemon@"})
    if (from.starts_with(system)) return true;
  return mime::istarts_with(find_address(message.header("To")), "root@");
}

class Rfc3834 final : public Engine {
 public:
  std::string_view name() const override { return "RFC3834"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (is_excluded(message) || !says_auto_reply(message)) return false;
    DeliveryStatus status;
    status.recipient = find_address(message.from());
    if (status.recipient.empty()) status.recipient = find_address(message.headers().raw("Return-Path"));
    if (status.recipient.empty()) return false;

    // The first few lines of the reply explain it.
    std::string diagnosis;
    int lines = 0;
    const std::string& body = message.body();
    for (std::size_t pos = 0; pos < body.size() && lines < 5;) {
      const mime::Line line = mime::line_at(body, pos);
      pos = line.next;
      if (line.text.find(' ') == std::string_view::npos || line.text.starts_with("Content-Type")) continue;
      diagnosis.append(line.text);
      diagnosis.push_back(' ');
      ++lines;
    }
    status.diagnosis = squeeze_spaces(diagnosis.empty() ? message.subject() : diagnosis);
    status.reason = "vacation";
    status.date = message.header("Date");
    result.recipients.push_back(std::move(status));
    result.kind = MessageKind::kAutoReply;
    return true;
  }
};

}  // namespace

const Engine& rfc3834_engine() {
  static const Rfc3834 engine;
  return engine;
}

}  // namespace bg::bounce
