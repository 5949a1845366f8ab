// ActiveHunter, a Japanese mail filter: an X-AHMAILID header, From "MAILER-DAEMON", Subject
// "FAILURE NOTICE : ...". A Sendmail-like text: "----- The following addresses had permanent
// fatal errors -----", ">>> kijitora@example.org <kijitora@example.org>", then
// "----- Transcript of session follows -----" and the remote server's reply.
#include <cctype>

#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

class Activehunter final : public Engine {
 public:
  std::string_view name() const override { return "Activehunter"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.headers().has("X-AHMAILID")) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part});
    const auto errors = text_after_line(
        parts.notice, {"----- The following addresses had permanent fatal errors -----"});
    if (!errors) return false;
    for (std::string_view line : TextLines(*errors)) {
      if (line.starts_with(">>> ") && line.ends_with(">")) {
        const std::size_t open = line.rfind('<');
        if (open == std::string_view::npos) continue;  // no address on the line: not a recipient
        result.recipients.emplace_back();
        result.recipients.back().recipient = find_address(line.substr(open));
        continue;
      }
      // The first line of the transcript that is not decoration: the remote server's reply.
      if (result.recipients.empty() || line.empty() ||
          !std::isalnum(static_cast<unsigned char>(line.front())))
        continue;
      DeliveryStatus& status = result.recipients.back();
      if (status.diagnosis.empty()) status.diagnosis = std::string(mime::trim(line));
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& activehunter_engine() {
  static const Activehunter engine;
  return engine;
}

}  // namespace bg::bounce
