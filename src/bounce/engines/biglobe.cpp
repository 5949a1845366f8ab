// BIGLOBE (and the Japanese cable providers on its platform: inacatv, tmtv, ttv): From
// postmaster@biglobe.ne.jp, Subject "Returned mail: ...". "----- The following addresses had
// delivery problems -----", the addresses, then "----- Non-delivered information -----" and
// BIGLOBE's explanation ([format biglobe] in data/reasons).
#include <cctype>

#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

bool is_biglobe_report(const BounceMessage& message) {
  if (!message.subject().starts_with("Returned mail:")) return false;
  constexpr std::string_view kPostmaster = "postmaster@";
  const std::string_view from = message.sender();
  if (!from.starts_with(kPostmaster)) return false;
  for (std::string_view domain : {"biglobe.ne.jp", "inacatv.ne.jp", "tmtv.ne.jp", "ttv.ne.jp"})
    if (from.substr(kPostmaster.size()) == domain) return true;
  return false;
}

class Biglobe final : public Engine {
 public:
  std::string_view name() const override { return "Biglobe"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_biglobe_report(message)) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part});
    const auto problems = text_after_line(
        parts.notice, {"----- The following addresses had delivery problems -----"});
    if (!problems) return false;
    for (std::string_view line : TextLines(*problems)) {
      const std::string_view text = mime::trim(line);
      if (text.empty()) continue;
      if (is_address(text)) {
        result.recipients.emplace_back();
        result.recipients.back().recipient = std::string(text);
      } else if (!result.recipients.empty() &&
                 std::isalnum(static_cast<unsigned char>(line.front()))) {
        // Decorations ("-----", indented lines) are not part of the explanation.
        result.recipients.back().diagnosis.append(text).push_back(' ');
      }
    }
    return keep_named_recipients(result, parts.original);
  }
};

}  // namespace

const Engine& biglobe_engine() {
  static const Biglobe engine;
  return engine;
}

}  // namespace bg::bounce
