// m-FILTER (Digital Arts) bounces: X-Mailer "m-FILTER", Subject "failure notice". A Japanese
// notice, then each recipient alone on a line, "-------server message" with the reply and
// "-------SMTP command" with the command it answered; the original follows
// "-------original message".
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

bool is_upper_word(std::string_view word) {
  if (word.size() < 4) return false;
  for (char c : word.substr(0, 4))
    if (c < 'A' || c > 'Z') return false;
  return true;
}

class MFilter final : public Engine {
 public:
  std::string_view name() const override { return "mFILTER"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (mime::trim(message.headers().raw("X-Mailer")) != "m-FILTER") return false;
    if (message.subject() != "failure notice") return false;
    const BodyParts parts =
        split_at_original(message.body(), {"-------original message", "-------original mail info"});

    std::vector<DeliveryStatus> recipients;
    bool in_command = false;
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string_view content = mime::trim(line);
      if (content.empty()) continue;
      if (content.find(' ') == std::string_view::npos && is_address(content)) {
        recipients.emplace_back().recipient = std::string(content);
      } else if (recipients.empty()) {
        continue;
      } else if (content == "-------SMTP command") {
        in_command = true;
      } else if (in_command && is_upper_word(content)) {
        if (recipients.back().command.empty())
          recipients.back().command = std::string(content.substr(0, 4));
      } else if (!content.starts_with("-") && recipients.back().diagnosis.empty()) {
        recipients.back().diagnosis = squeeze_spaces(content);
      }
    }
    if (recipients.empty()) return false;
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& mfilter_engine() {
  static const MFilter engine;
  return engine;
}

}  // namespace bg::bounce
