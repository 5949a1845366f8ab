// Sendmail 5 and other pre-DSN sendmails: Subject "Returned mail: User unknown" (a capitalized
// reason), no delivery-status part. The transcript after "----- Transcript of session follows
// -----" holds "554 <kijitora@example.org>... reason" per recipient, with the SMTP conversation
// (">>> RCPT To:", "<<< 550 ...") that led to it; "----- Unsent message follows -----" ends it.
#include <cctype>

#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

bool is_reply_code(std::string_view text) {
  return text.size() >= 4 && text[0] >= '2' && text[0] <= '5' &&
         std::isdigit(static_cast<unsigned char>(text[1])) &&
         std::isdigit(static_cast<unsigned char>(text[2])) && mime::is_space_or_tab(text[3]);
}

// "554 <kijitora@example.org>... Host unknown": the recipient and its error.
bool read_recipient_line(std::string_view line, DeliveryStatus& status) {
  if (!is_reply_code(line)) return false;
  const std::string_view rest = mime::trim(line.substr(4));
  if (!rest.starts_with("<")) return false;
  const std::size_t dots = rest.find(">...");
  if (dots == std::string_view::npos) return false;
  status.recipient = find_address(rest.substr(0, dots + 1));
  status.diagnosis = std::string(mime::trim(rest.substr(dots + 4)));
  return !status.recipient.empty();
}

// The recipient of the returned message, for transcripts that name none.
std::string recipient_of_original(std::string_view original) {
  for (std::string_view line : TextLines(original))
    if (mime::istarts_with(line, "To:")) return find_address(line);
  return {};
}

class V5sendmail final : public Engine {
 public:
  std::string_view name() const override { return "V5sendmail"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const std::string& subject = message.subject();
    if (!subject.starts_with("Returned mail: ") || subject.size() < 16 || subject[15] < 'A' ||
        subject[15] > 'Z')
      return false;
    const BodyParts parts = split_at_original(
        message.body(),
        {"   ----- Unsent message follows -----", "   ----- No message was collected -----"});
    if (parts.original.empty()) return false;

    // The command sent and the reply received while talking about the next recipient listed.
    std::vector<DeliveryStatus> recipients;
    std::string command, reply, another_error;
    bool reading = false;
    bool session_error = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) {
        reading = line.find("----- Transcript of session follows -----") != std::string_view::npos;
        continue;
      }
      if (line.empty()) continue;
      DeliveryStatus status;
      if (read_recipient_line(line, status)) {
        if (!reply.empty()) status.diagnosis.append(": ").append(reply);
        status.command = command;
        recipients.push_back(std::move(status));
        command.clear();
        reply.clear();
      } else if (line.starts_with(">>> ")) {
        command = std::string(mime::trim(line.substr(4)).substr(0, 4));
      } else if (line.starts_with("<<< ")) {
        reply = std::string(mime::trim(line.substr(4)));
      } else if (!session_error) {
        // "421 example.com (smtp)... Deferred: Connection timed out ..." before any session.
        if (line.starts_with("...") && line.find(" while talking to ") != std::string_view::npos) {
          session_error = true;
        } else if (is_reply_code(line) && line.find("... ") != std::string_view::npos) {
          another_error = std::string(line);
        }
      }
    }
    if (recipients.empty()) {
      DeliveryStatus status;
      status.recipient = recipient_of_original(parts.original);
      status.command = command;
      if (status.recipient.empty()) return false;
      recipients.push_back(std::move(status));
    }
    for (DeliveryStatus& status : recipients) {
      if (status.diagnosis.empty())
        status.diagnosis = another_error.empty() ? reply : another_error;
      status.diagnosis = squeeze_spaces(status.diagnosis);
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& v5sendmail_engine() {
  static const V5sendmail engine;
  return engine;
}

}  // namespace bg::bounce
