// "X5": an unidentified gateway (Sisimai's X5) that wraps a Sendmail bounce: To
// "NotificationRecipients", From "Mail Delivery Subsystem" (MIME-encoded). The returned
// message is itself the bounce, and its message/delivery-status part says what failed.
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

class X5 final : public Engine {
 public:
  std::string_view name() const override { return "X5"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    int evidence = 0;
    if (message.headers().raw("To").find("NotificationRecipients") != std::string_view::npos)
      ++evidence;
    if (message.from().find("Mail Delivery Subsystem") != std::string::npos) ++evidence;
    if (message.subject().find("Mail Delivery Subsystem") != std::string::npos) ++evidence;
    if (evidence < 2) return false;

    // The delivery-status part sits inside the returned message, at any depth.
    const mime::MimeTree& tree = message.tree();
    for (const mime::Part& part : tree.parts()) {
      if (part.content_type.type != "message" || part.content_type.subtype != "delivery-status")
        continue;
      std::vector<DeliveryStatus> recipients = read_dsn_recipients(tree.text(part));
      if (recipients.empty()) continue;
      result.recipients = std::move(recipients);
      result.original = std::string(split_at_original(message.body(), {kRfc822Part}).original);
      return true;
    }
    return false;
  }
};

}  // namespace

const Engine& x5_engine() {
  static const X5 engine;
  return engine;
}

}  // namespace bg::bounce
