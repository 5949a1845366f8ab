// Yandex.Mail: From mailer-daemon@yandex.ru, an X-Yandex-Uniq header, a Russian Subject. A
// Russian paragraph, then Postfix's notice ("This is the mail system at host yandex.ru.") with
// "(in reply to RCPT TO command)" after each reply, and a message/delivery-status part.
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

constexpr std::string_view kOpening = "This is the mail system at host yandex.ru.";

// The commands named by "(in reply to RCPT TO command)", in the order the replies come.
std::vector<std::string> commands_in(std::string_view notice) {
  std::vector<std::string> commands;
  for (std::string_view line : TextLines(notice)) {
    if (line.starts_with("Content-Type: ")) break;
    const std::size_t at = line.find("(in reply to ");
    if (at == std::string_view::npos) continue;
    std::string_view rest = line.substr(at + 13);
    if (rest.starts_with("end of ")) rest.remove_prefix(7);
    commands.emplace_back(rest.substr(0, 4));
  }
  return commands;
}

class Yandex final : public Engine {
 public:
  std::string_view name() const override { return "Yandex"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!message.headers().has("X-Yandex-Uniq")) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    if (mime::trim(message.headers().raw("From")) != "mailer-daemon@yandex.ru") return false;
    if (!read_report_after(message, {kOpening}, result)) return false;
    const std::vector<std::string> commands =
        commands_in(*text_after_line(message.body(), {kOpening}));
    for (std::size_t i = 0; i < result.recipients.size() && i < commands.size(); ++i)
      result.recipients[i].command = commands[i];
    return true;
  }
};

}  // namespace

const Engine& yandex_engine() {
  static const Yandex engine;
  return engine;
}

}  // namespace bg::bounce
