// PowerMTA bounces: Subject "Delivery report". After "Hello, this is the mail server on ..." a
// message/delivery-status part whose recipients carry "X-PowerMTA-BounceCategory: bad-mailbox",
// PowerMTA's own classification of the failure; the original's headers follow.
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

// PowerMTA's bounce categories and the reasons they mean.
std::string reason_of_category(std::string_view category) {
  struct Category {
    std::string_view name;
    std::string_view reason;
  };
  static constexpr Category kCategories[] = {
      {"bad-domain", "hostunknown"},           {"bad-mailbox", "userunknown"},
      {"inactive-mailbox", "suspend"},         {"message-expired", "expired"},
      {"no-answer-from-host", "networkerror"}, {"policy-related", "policyviolation"},
      {"quota-issues", "mailboxfull"},         {"routing-errors", "systemerror"},
      {"spam-related", "spamdetected"}};
  for (const Category& known : kCategories)
    if (mime::iequals(category, known.name)) return std::string(known.reason);
  return {};
}

class PowerMta final : public Engine {
 public:
  std::string_view name() const override { return "PowerMTA"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (message.subject().find("Delivery report") == std::string::npos) return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822HeadersPart, kRfc822Part});
    const std::size_t start = mime::find_text(parts.notice, "Hello, this is the mail server on ");
    if (start == std::string_view::npos) return false;
    const std::string_view report = parts.notice.substr(start);
    std::vector<DeliveryStatus> recipients = read_dsn_recipients(report);
    if (recipients.empty()) return false;

    // Each category line belongs to the recipient group it appears in.
    std::size_t group = 0;
    bool seen_recipient = false;
    for (std::string_view line : TextLines(report)) {
      if (mime::istarts_with(line, "Final-Recipient:")) {
        if (seen_recipient) ++group;
        seen_recipient = true;
      } else if (mime::istarts_with(line, "X-PowerMTA-BounceCategory:") && seen_recipient &&
                 group < recipients.size()) {
        recipients[group].reason = reason_of_category(mime::trim(line.substr(26)));
      }
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& power_mta_engine() {
  static const PowerMta engine;
  return engine;
}

}  // namespace bg::bounce
