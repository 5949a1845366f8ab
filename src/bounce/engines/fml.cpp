// fml mailing list manager notices: X-MLServer "fml ...", From "list-admin@...", Message-ID
// "<NNN.FML...@...>". The notice names the member ("... <r@example.jp>.") and the error; the
// list's own messages (data/reasons, [format fml]) say why, in the text or in the Subject
// ("Loop Alert: ...", "You r@example.jp are not member"). The original follows "Original mail as
// follows:".
#include <cctype>

#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "bounce/reason/reason_resolver.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

// "<20170429233445.FMLFFF00002.neko@example.co.jp>"
bool is_fml_message_id(std::string_view id) {
  id = mime::trim(id);
  if (!id.starts_with("<") || !id.ends_with(">") || id.find('@') == std::string_view::npos)
    return false;
  std::size_t digits = 1;
  while (digits < id.size() && std::isdigit(static_cast<unsigned char>(id[digits]))) ++digits;
  return digits > 1 && id.substr(digits).starts_with(".FML");
}

bool is_fml_notice(const BounceMessage& message) {
  if (!message.headers().has("X-MLServer")) return false;
  const std::string sender = find_address(message.from());
  const std::size_t at = sender.find('@');
  if (at == std::string::npos || !std::string_view(sender).substr(0, at).ends_with("-admin"))
    return false;
  return is_fml_message_id(message.headers().raw("Message-Id"));
}

class Fml final : public Engine {
 public:
  std::string_view name() const override { return "FML"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_fml_notice(message)) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {"Original mail as follows:"});

    // "You are not a member of this mailing list <list@example.org>." names the address.
    std::vector<DeliveryStatus> recipients;
    std::string text_before;
    for (std::string_view line : TextLines(parts.notice)) {
      const std::string_view content = mime::trim(line);
      if (content.empty()) continue;
      const std::size_t open = content.rfind('<');
      if (content.ends_with(">.") && open != std::string_view::npos) {
        DeliveryStatus status;
        status.recipient = find_address(content.substr(open));
        status.diagnosis = text_before + std::string(content);
        text_before.clear();
        if (!status.recipient.empty()) {
          recipients.push_back(std::move(status));
          continue;
        }
      }
      if (recipients.empty())
        text_before.append(content).push_back(' ');
      else
        recipients.back().diagnosis.append(" ").append(content);
    }
    if (recipients.empty()) return false;
    for (DeliveryStatus& status : recipients) {
      status.diagnosis = squeeze_spaces(status.diagnosis);
      status.reason = reason_in_scope(status.diagnosis, "format fml");
      if (status.reason.empty()) status.reason = reason_in_scope(message.subject(), "format fml");
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& fml_engine() {
  static const Fml engine;
  return engine;
}

}  // namespace bg::bounce
