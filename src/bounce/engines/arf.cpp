// Abuse Reporting Format feedback reports (RFC 5965): a multipart/report with a
// message/feedback-report part naming the complaint type and the complaining recipients, as
// mailbox providers send to senders enrolled in their feedback loops. Also Microsoft's older
// "complaint about message from" reports and Apple Mail's unsubscribe requests.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The value of "Name: value" when `line` starts with that field name.
std::string_view field_value(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || !mime::istarts_with(line, name) || line[name.size()] != ':') return {};
  return mime::trim(line.substr(name.size() + 1));
}

bool is_feedback_report(const BounceMessage& message) {
  if (mime::icontains(message.headers().raw("Content-Type"), "feedback-report")) return true;
  if (message.body().find("Content-Type: message/feedback-report") != std::string::npos) return true;
  const std::string sender = find_address(message.from());
  const bool complaint_sender = sender.ends_with("staff@hotmail.com") ||
                                sender.ends_with("complaints@email-abuse.amazonses.com");
  return complaint_sender && mime::icontains(message.subject(), "complaint about message from ");
}

// Lines that introduce a report in the human-readable part; the first one is the diagnosis.
bool is_report_introduction(std::string_view line) {
  for (std::string_view opening : {"this is a", "this is an"}) {
    if (!mime::istarts_with(line, opening)) continue;
    return mime::icontains(line, "abuse report") || mime::icontains(line, "authentication failure report") ||
           mime::icontains(line, "authentication-failure report") || mime::icontains(line, "abuse complaint") ||
           mime::icontains(line, " report for");
  }
  return false;
}

class Arf final : public Engine {
 public:
  std::string_view name() const override { return "ARF"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (mime::iequals(mime::trim(message.headers().raw("X-Apple-Unsubscribe")), "true"))
      return read_unsubscribe_request(message, result);
    if (!is_feedback_report(message)) return false;

    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    std::string diagnosis;
    std::string feedback_type;
    std::string source_ip;
    std::string arrival_date;
    std::string authentication_results;
    std::vector<std::string> recipients;
    bool in_report = false;

    std::size_t pos = 0;
    const std::string_view notice = parts.notice;
    while (pos < notice.size()) {
      const mime::Line line = mime::line_at(notice, pos);
      pos = line.next;
      if (diagnosis.empty() && is_report_introduction(line.text)) diagnosis = std::string(line.text);
      if (line.text.starts_with("Content-Type: message/feedback-report")) in_report = true;
      if (!in_report) continue;
      if (auto v = field_value(line.text, "Original-Rcpt-To"); !v.empty()) recipients.push_back(find_address(v));
      else if (auto v = field_value(line.text, "Redacted-Address"); !v.empty()) recipients.push_back(std::string(v));
      else if (auto v = field_value(line.text, "Feedback-Type"); !v.empty()) feedback_type = mime::lowercase(v);
      else if (auto v = field_value(line.text, "Authentication-Results"); !v.empty()) authentication_results = v;
      else if (auto v = field_value(line.text, "Source-IP"); !v.empty()) source_ip = v;
      else if (auto v = field_value(line.text, "Arrival-Date"); !v.empty()) arrival_date = v;
      else if (auto v = field_value(line.text, "Received-Date"); !v.empty()) arrival_date = v;
    }

    // Microsoft's reports carry the complaining recipient in the returned original.
    const std::string_view original = parts.original;
    std::string original_to;
    for (std::size_t at = 0; at < original.size();) {
      const mime::Line line = mime::line_at(original, at);
      at = line.next;
      if (auto v = field_value(line.text, "X-HmXmrOriginalRecipient"); !v.empty()) {
        recipients.push_back(find_address(v));
        if (feedback_type.empty()) feedback_type = "abuse";
      } else if (auto v = field_value(line.text, "To"); !v.empty() && original_to.empty()) {
        original_to = find_address(v);
      }
    }
    // A report about mail to undisclosed recipients still counts, under a placeholder address.
    if (recipients.empty()) recipients.push_back(original_to.empty() ? std::string(kUndisclosedRecipient) : original_to);

    const std::string subject = message.subject();
    if (const std::size_t at = mime::ifind(subject, "complaint about message from "); at != std::string::npos) {
      source_ip = std::string(mime::trim(std::string_view(subject).substr(at + 29)));
      diagnosis = "This is a Microsoft email abuse report for an email message received from IP " + source_ip +
                  " on " + message.header("Date");
    }
    if (feedback_type == "auth-failure" && !authentication_results.empty())
      diagnosis += " " + authentication_results;
    if (feedback_type.empty()) feedback_type = "abuse";

    for (const std::string& recipient : recipients) {
      DeliveryStatus status;
      status.recipient = recipient.ends_with("@") ? original_to : recipient;
      status.feedbacktype = feedback_type;
      status.rhost = source_ip;
      status.date = arrival_date;
      status.diagnosis = squeeze_spaces(diagnosis);
      status.reason = "feedback";
      result.recipients.push_back(std::move(status));
    }
    result.original = std::string(original);
    result.kind = MessageKind::kFeedbackReport;
    return true;
  }

 private:
  // Apple Mail's "unsubscribe" message: an opt-out request addressed to the list's address.
  static bool read_unsubscribe_request(const BounceMessage& message, EngineResult& result) {
    DeliveryStatus status;
    status.recipient = find_address(message.header("To"));
    if (status.recipient.empty()) return false;
    status.feedbacktype = "opt-out";
    status.reason = "feedback";
    status.diagnosis = squeeze_spaces(message.body().substr(0, 300));
    result.recipients.push_back(std::move(status));
    result.kind = MessageKind::kFeedbackReport;
    return true;
  }
};

}  // namespace

const Engine& arf_engine() {
  static const Arf engine;
  return engine;
}

}  // namespace bg::bounce
