// Mail.Ru: From mailer-daemon@corp.mail.ru (or another mail.ru host), Message-ID at mail.ru or
// smailru.net, a Russian Subject followed by ". Mail failure." or Exim's English one. The notice
// is written twice, in Russian and then in English as Exim writes it: each recipient indented on
// a line of its own, then "SMTP error from remote mail server after RCPT TO:<...>: host
// mx.example.jp [192.0.2.1]: 550 ...". Returned after "------ This is a copy of the message,
// including all the headers. ------".
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/exim_replies.h"
#include "bounce/engines/failed_recipients.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

bool is_mail_ru_report(const BounceMessage& message) {
  // The Message-ID's end first: looking it up costs less than searching the whole From, and the
  // domain before the mailer-daemon, which most bounces come from.
  const std::string_view id = mime::trim(message.headers().raw("Message-ID"));
  if (!id.ends_with(".mail.ru>") && !id.ends_with(".smailru.net>") && !id.ends_with("@mail.ru>")) return false;
  const std::string& from = message.from();
  return mime::icontains(from, "mail.ru") && mime::icontains(from, "mailer-daemon@");
}

// "  kijitora@example.jp": an indented address alone on its line.
std::string recipient_of(std::string_view line) {
  if (line.empty() || !mime::is_space_or_tab(line.front())) return {};
  const std::string_view text = mime::trim(line);
  return is_address(text) ? std::string(text) : std::string();
}

class MailRu final : public Engine {
 public:
  std::string_view name() const override { return "MailRu"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_mail_ru_report(message)) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(
        message.body(),
        {"------ This is a copy of the message, including all the headers. ------"});
    // The English part, which Exim wrote.
    const std::string_view english =
        text_after_line(parts.notice,
                        {"This message was created automatically by mail delivery software."})
            .value_or(std::string_view());
    for (std::string_view line : TextLines(english)) {
      if (const std::string address = recipient_of(line); !address.empty()) {
        result.recipients.emplace_back();
        result.recipients.back().recipient = address;
      } else if (!result.recipients.empty() && !mime::trim(line).empty()) {
        result.recipients.back().diagnosis.append(" ").append(mime::trim(line));
      }
    }
    if (result.recipients.empty()) {
      // Only the X-Failed-Recipients header names them.
      for (const std::string& address : failed_recipients(message)) {
        result.recipients.emplace_back();
        result.recipients.back().recipient = address;
      }
    }
    for (DeliveryStatus& status : result.recipients) {
      status.diagnosis = std::string(mime::trim(status.diagnosis));
      read_exim_reply(status, "rejected");
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& mail_ru_engine() {
  static const MailRu engine;
  return engine;
}

}  // namespace bg::bounce
