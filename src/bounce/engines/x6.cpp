// "X6": an unidentified MTA (Sisimai's X6). Subject "There was an error sending your mail",
// From "mailer-daemon". After "1 error(s):" one line per failed recipient ("SMTP Server
// <host> rejected recipient <r@example.jp> (Error following RCPT command). It responded as
// follows: [550 ...]"); the original's headers come as an attachment after "The attachment
// contains the original mail headers".
#include <cctype>

#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

// "1 error(s):", "2 errors(s):"
bool opens_errors(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  return digits > 0 && mime::trim(line.substr(digits)).starts_with("error(s):");
}

// The first "<address>" holding an '@', or the address after "errors:".
std::string recipient_of(std::string_view line) {
  for (std::size_t open = line.find('<'); open != std::string_view::npos;
       open = line.find('<', open + 1)) {
    const std::size_t close = line.find('>', open);
    if (close == std::string_view::npos) break;
    const std::string_view inside = line.substr(open + 1, close - open - 1);
    if (inside.find('@') != std::string_view::npos && inside.find(' ') == std::string_view::npos)
      return find_address(inside);
  }
  if (const std::size_t errors = line.find("errors:"); errors != std::string_view::npos)
    return find_address(line.substr(errors + 7));
  return {};
}

std::string command_of(std::string_view line) {
  for (std::string_view command : {"HELO", "EHLO", "MAIL", "RCPT", "DATA"}) {
    for (std::size_t at = line.find(command); at != std::string_view::npos;
         at = line.find(command, at + 1)) {
      const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(line[at - 1]));
      const std::size_t end = at + command.size();
      const bool ends = end == line.size() || !std::isalnum(static_cast<unsigned char>(line[end]));
      if (starts && ends) return std::string(command);
    }
  }
  return {};
}

class X6 final : public Engine {
 public:
  std::string_view name() const override { return "X6"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.subject().starts_with("There was an error sending your mail")) return false;
    const BodyParts parts =
        split_at_original(message.body(), {"The attachment contains the original mail headers"});
    std::vector<DeliveryStatus> recipients;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) {
        reading = opens_errors(line);
        continue;
      }
      DeliveryStatus status;
      status.recipient = recipient_of(line);
      if (status.recipient.empty()) continue;
      status.diagnosis = squeeze_spaces(line);
      status.command = command_of(line);
      recipients.push_back(std::move(status));
    }
    if (recipients.empty()) return false;
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& x6_engine() {
  static const X6 engine;
  return engine;
}

}  // namespace bg::bounce
