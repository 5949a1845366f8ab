// 1&1 IONOS (kundenserver.de): From "Mail Delivery System" <mailer-daemon@kundenserver.de>,
// Subject "Mail delivery failed: returning message to sender". The United Internet layout; each
// recipient is followed by "For the following reason:" and 1&1's explanation, or by the remote
// server's reply: "SMTP error from remote server for TEXT command, host: smtp-in.example.fr
// (192.0.2.65) reason: 550 5.2.0 ...".
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/united_internet_report.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

constexpr std::string_view kReasonHeading = "For the following reason:";

std::string joined(const std::vector<std::string>& lines, std::size_t from) {
  std::string text;
  for (std::size_t i = from; i < lines.size(); ++i) {
    if (!text.empty()) text.push_back(' ');
    text.append(lines[i]);
  }
  return text;
}

// "... host: smtp-in.example.fr (192.0.2.65) reason: ..." -> "smtp-in.example.fr".
std::string host_of(std::string_view diagnosis) {
  const std::size_t host = diagnosis.find("host: ");
  if (host == std::string_view::npos || diagnosis.find(" reason:", host) == std::string_view::npos)
    return {};
  const std::string_view rest = diagnosis.substr(host + 6);
  return std::string(rest.substr(0, rest.find(' ')));
}

class EinsUndEins final : public Engine {
 public:
  std::string_view name() const override { return "EinsUndEins"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    // The subject first: the From header, which every message has, costs a lookup.
    if (mime::trim(message.subject()) != "Mail delivery failed: returning message to sender")
      return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    if (!mime::trim(message.headers().raw("From")).starts_with("\"Mail Delivery System\""))
      return false;
    const UnitedInternetReport report = read_united_internet_report(message.body());
    for (const UnitedInternetRecipient& recipient : report.recipients) {
      DeliveryStatus status;
      status.recipient = recipient.address;
      std::size_t from = 0;
      for (std::size_t i = 0; i < recipient.lines.size(); ++i)
        if (recipient.lines[i].starts_with(kReasonHeading)) from = i + 1;
      status.diagnosis = joined(recipient.lines, from);
      status.rhost = host_of(status.diagnosis);
      if (status.diagnosis.find("for TEXT command") != std::string::npos) status.command = "DATA";
      result.recipients.push_back(std::move(status));
    }
    return keep_named_recipients(result, report.original);
  }
};

}  // namespace

const Engine& eins_und_eins_engine() {
  static const EinsUndEins engine;
  return engine;
}

}  // namespace bg::bounce
