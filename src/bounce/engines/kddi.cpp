// au one net (KDDI's dion.ne.jp and auone-net.jp mail): From no-reply@*.dion.ne.jp or Reply-To
// no-reply@app.auone-net.jp, a Japanese Subject. A Japanese paragraph, then "Your mail sent on:
// <date>", "Could not be delivered to: <recipient>" and KDDI's explanation ("As their mailbox is
// full.", [format kddi] in data/reasons). X-SPASIGN: NG marks mail KDDI's spam filter refused.
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kKddiRelays = declare_received_markers({"ezweb.ne.jp (", ".au.com ("});

bool is_kddi_report(const BounceMessage& message) {
  const std::string& from = message.sender();
  if (from.starts_with("no-reply@") && from.ends_with(".dion.ne.jp")) return true;
  if (mime::trim(message.headers().raw("Reply-To")) == "no-reply@app.auone-net.jp") return true;
  return message.received_mentioning(kKddiRelays) > 0;
}

// "Your mail sent on: Thu, 29 Apr 2013 23:45:22 +0900" or "Your mail attempted to be delivered
// on: Thu, ...": opens the notice and says when.
bool opens_notice(std::string_view line) {
  return line.starts_with("Your mail sent on") ||
         line.starts_with("Your mail attempted to be delivered on");
}

class Kddi final : public Engine {
 public:
  std::string_view name() const override { return "KDDI"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_kddi_report(message)) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part});
    std::string date;
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) reading = opens_notice(line);
      if (!reading) continue;
      const std::string_view text = mime::trim(line);
      if (opens_notice(line)) {
        date = std::string(mime::trim(text.substr(text.find(':') + 1)));
      } else if (text.starts_with("Could not be delivered to:")) {
        result.recipients.emplace_back();
        result.recipients.back().recipient = find_address(text);
        result.recipients.back().date = date;
      } else if (!result.recipients.empty() && !text.empty() &&
                 mime::is_space_or_tab(line.front())) {
        result.recipients.back().diagnosis.append(text).push_back(' ');
      }
    }
    const bool spam_filtered = mime::trim(message.headers().raw("X-SPASIGN")) == "NG";
    for (DeliveryStatus& status : result.recipients) {
      status.diagnosis = std::string(mime::trim(status.diagnosis));
      if (spam_filtered) status.reason = "filtered";
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& kddi_engine() {
  static const Kddi engine;
  return engine;
}

}  // namespace bg::bounce
