// IBM (Lotus) Domino bounces: Subject "DELIVERY FAILURE: ...". After "Your message" come
// "Subject: ...", "was not delivered to:" with the recipient indented below, and "because:"
// with the reason; newer versions add a message/delivery-status part. Domino's own messages
// (data/reasons, [format domino]) say why.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

class Domino final : public Engine {
 public:
  std::string_view name() const override { return "Domino"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const std::string& subject = message.subject();
    if (!subject.starts_with("DELIVERY FAILURE:") && !subject.starts_with("DELIVERY_FAILURE:"))
      return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part});

    // What each "was not delivered to:" / "because:" pair says.
    std::vector<DeliveryStatus> recipients;
    enum class Expecting { kNothing, kRecipient, kReason } expecting = Expecting::kNothing;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) {
        reading = line.starts_with("Your message");
        continue;
      }
      if (line.starts_with("Content-Type: message/delivery-status")) break;
      const std::string_view content = mime::trim(line);
      if (content.empty()) continue;
      if (content == "was not delivered to:") {
        recipients.emplace_back();
        expecting = Expecting::kRecipient;
      } else if (content == "because:") {
        expecting = Expecting::kReason;
      } else if (expecting == Expecting::kRecipient && !recipients.empty()) {
        recipients.back().recipient = find_address(content);
        expecting = Expecting::kNothing;
      } else if (expecting == Expecting::kReason && !recipients.empty()) {
        recipients.back().diagnosis = std::string(content);
        expecting = Expecting::kNothing;
      }
    }
    drop_unnamed(recipients);
    if (recipients.empty()) return false;

    // The search of std::string_view skips with memchr to each capital C, rare in a notice.
    if (const std::size_t report_at = parts.notice.find("Content-Type: message/delivery-status");
        report_at != std::string_view::npos) {
      // Paired by address, or by position when the part names the recipients otherwise.
      std::vector<DeliveryStatus> report =
          read_dsn_recipients(parts.notice.substr(report_at));
      for (std::size_t i = 0; i < recipients.size(); ++i) {
        DeliveryStatus& status = recipients[i];
        const DeliveryStatus* reported = report.size() == recipients.size() ? &report[i] : nullptr;
        for (const DeliveryStatus& candidate : report)
          if (mime::iequals(candidate.recipient, status.recipient)) reported = &candidate;
        if (reported == nullptr) continue;
        status.status = reported->status;
        status.rhost = reported->rhost;
        status.lhost = reported->lhost;
        if (status.diagnosis.empty()) status.diagnosis = reported->diagnosis;
      }
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& domino_engine() {
  static const Domino engine;
  return engine;
}

}  // namespace bg::bounce
