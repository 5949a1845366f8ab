// Google Groups: the Gmail notification (From mailer-daemon@googlemail.com, Subject "Delivery
// Status Notification (Failure)") with X-Failed-Recipients naming the group, saying the group
// may not exist or the sender may not post to it, with four bulleted possible causes. Returned
// original after "----- Original message -----".
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/google_notice.h"
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
    if (!message.headers().has("X-Failed-Recipients") || !message.headers().has("X-Google-Smtp-Source")) return false;
    const BodyParts parts = split_at_original(message.body(), {"----- Original message -----"});

    int bullets = 0;
    for (std::string_view line : TextLines(parts.notice))
      if (is_bullet(line)) ++bullets;
    // The notice lists four causes when the group refused the post; anything else is unknown.
    const std::string reason = bullets == 4 ? "rejected" : "";
    const std::string diagnosis = squeeze_spaces(parts.notice);

    std::string_view failed = message.headers().raw("X-Failed-Recipients");
    while (!failed.empty()) {
      const std::size_t comma = failed.find(',');
      const std::string address = find_address(failed.substr(0, comma));
      failed = comma == std::string_view::npos ? std::string_view() : failed.substr(comma + 1);
      if (address.empty()) continue;
      DeliveryStatus status;
      status.recipient = address;
      status.diagnosis = diagnosis;
      status.reason = reason;
      result.recipients.push_back(std::move(status));
    }
    if (result.recipients.empty()) return false;
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& google_groups_engine() {
  static const GoogleGroups engine;
  return engine;
}

}  // namespace bg::bounce
