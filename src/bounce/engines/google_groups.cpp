// Google Groups: the Gmail notification (From mailer-daemon@googlemail.com, Subject "Delivery
// Status Notification (Failure)") with X-Failed-Recipients naming the group, saying the group
// may not exist or the sender may not post to it, with four bulleted possible causes. Returned
// original after "----- Original message -----".
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/failed_recipients.h"
#include "bounce/engines/google_notice.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// " * The owner of the group may have removed this group.": one possible cause.
bool is_bullet(std::string_view line) {
  if (line.starts_with(" ")) line.remove_prefix(1);
  return line.starts_with("*");
}

class GoogleGroups final : public Engine {
 public:
  std::string_view name() const override { return "GoogleGroups"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_google_delivery_notice(message)) return false;
    if (!message.headers().has("X-Failed-Recipients") ||
        !message.headers().has("X-Google-Smtp-Source"))
      return false;
    const BodyParts parts = split_at_original(message.body(), {"----- Original message -----"});

    int bullets = 0;
    for (std::string_view line : TextLines(parts.notice))
      if (is_bullet(line)) ++bullets;
    // The notice lists four causes when the group refused the post; anything else is unknown.
    const std::string reason = bullets == 4 ? "rejected" : "";
    const std::string diagnosis = squeeze_spaces(parts.notice);

    for (const std::string& address : failed_recipients(message)) {
      DeliveryStatus status;
      status.recipient = address;
      status.diagnosis = diagnosis;
      status.reason = reason;
      result.recipients.push_back(std::move(status));
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& google_groups_engine() {
  static const GoogleGroups engine;
  return engine;
}

}  // namespace bg::bounce
