// "X4": qmail-based servers that reword qmail's notice (Sisimai's X4). Subject "failure notice"
// or "Permanent Delivery Failure"; the notice opens with "Your mail message to the following
// address(es) could not be delivered.", "We're sorry." and the like, then lists each address
// as qmail does (qmail_notice.h); the original follows "--- Below this line is a copy of the
// message." or "--- Original message follows.".
#include "bounce/engines/engines.h"
#include "bounce/engines/qmail_notice.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

bool received_for_bounce(const BounceMessage& message) {
  for (std::string_view value : message.received()) {
    value = mime::trim(value);
    if (value.starts_with("(qmail ") && mime::contains_text(value, " invoked for bounce)")) return true;
  }
  return false;
}

bool opens_report(std::string_view line) {
  static constexpr std::string_view kOpenings[] = {
      "Su mensaje no pudo ser entregado",
      "This is the machine generated message from mail service",
      "This is the mail delivery agent at",
      "Unable to deliver message to the following address",
      "Unfortunately, your mail was not delivered to the following address:",
      "Your mail message to the following address",
      "Your message to the following addresses",
      "We're sorry."};
  for (std::string_view opening : kOpenings)
    if (line.starts_with(opening)) return true;
  if (line.starts_with("Hi. ") &&
      line.find(" unable to deliver your message to the following addresses") !=
          std::string_view::npos)
    return true;
  return line.starts_with("He/Her is not ") && line.find(" user") != std::string_view::npos;
}

class X4 final : public Engine {
 public:
  std::string_view name() const override { return "X4"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const std::string& subject = message.subject();
    if (!subject.starts_with("failure notice") &&
        !subject.starts_with("Permanent Delivery Failure") && !received_for_bounce(message))
      return false;
    const BodyParts parts = split_at_original(
        message.body(),
        {"--- Below this line is a copy of the message.", "--- Original message follows."});
    std::vector<DeliveryStatus> recipients = read_qmail_notice(parts.notice, opens_report);
    if (recipients.empty()) return false;
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& x4_engine() {
  static const X4 engine;
  return engine;
}

}  // namespace bg::bounce
