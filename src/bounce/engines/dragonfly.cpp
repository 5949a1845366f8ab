// DragonFly Mail Agent (dma), the small MTA of DragonFly BSD and other systems: From
// "MAILER-DAEMON <>", Subject "Mail delivery failed". "This is the DragonFly Mail Agent v0.13 at
// host.", "There was an error delivering your mail to <recipient>.", then either the remote
// server's reply after "mx.example.org [192.0.2.25] did not like our RCPT TO:" or dma's own
// message ([format dragonfly] in data/reasons), and the original's headers after "Message
// headers follow.".
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kDragonFlyRelays = declare_received_markers({"(DragonFly Mail Agent"});

constexpr std::string_view kErrorFor = "There was an error delivering your mail to <";
constexpr std::string_view kDidNotLike = " did not like our ";

// Whether `body` holds dma's greeting. The greeting is found from its capital F, much rarer in
// mail than its first letter: memchr skips to each F, around which the greeting is then compared,
// from the byte before it in place: most F's in mail start a word ("From", "Final-Recipient").
bool has_dragonfly_greeting(std::string_view body) {
  constexpr std::string_view kGreeting = "This is the DragonFly Mail Agent";
  constexpr std::size_t kRare = kGreeting.find('F');
  for (std::size_t at = body.find('F', kRare); at != std::string_view::npos; at = body.find('F', at + 1))
    if (body[at - 1] == kGreeting[kRare - 1] && body.substr(at - kRare).starts_with(kGreeting)) return true;
  return false;
}

bool is_dragonfly_report(const BounceMessage& message) {
  return message.received_mentioning(kDragonFlyRelays) > 0 || has_dragonfly_greeting(message.body());
}

// "mx.example.org [192.0.2.25] did not like our final DATA:": the remote host and the command.
void read_refusal(std::string_view line, DeliveryStatus& status) {
  const std::size_t at = line.find(kDidNotLike);
  status.rhost = std::string(line.substr(0, line.find(' ')));
  std::string_view command = line.substr(at + kDidNotLike.size());
  if (command.starts_with("final ")) command.remove_prefix(6);
  status.command = std::string(command.substr(0, 4));
  status.spec = "SMTP";
}

class DragonFly final : public Engine {
 public:
  std::string_view name() const override { return "DragonFly"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_dragonfly_report(message)) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {"Message headers follow."});
    for (std::string_view line : TextLines(parts.notice)) {
      if (line.starts_with(kErrorFor)) {
        result.recipients.emplace_back();
        result.recipients.back().recipient = find_address(line.substr(kErrorFor.size() - 1));
        continue;
      }
      if (result.recipients.empty() || mime::trim(line).empty()) continue;
      DeliveryStatus& status = result.recipients.back();
      if (line.find(kDidNotLike) != std::string_view::npos && line.ends_with(":")) {
        read_refusal(line, status);
      } else {
        status.diagnosis.append(" ").append(mime::trim(line));
      }
    }
    for (DeliveryStatus& status : result.recipients)
      status.diagnosis = std::string(mime::trim(status.diagnosis));
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& dragonfly_engine() {
  static const DragonFly engine;
  return engine;
}

}  // namespace bg::bounce
