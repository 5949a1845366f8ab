#include "bounce/engines/ses_status.h"

#include "bounce/smtp_codes.h"

namespace bg::bounce {

namespace {

// "5.0.0", "4.1.0": a status that gives only the class (and perhaps the subject).
bool is_class_only(std::string_view status) {
  return status.size() == 5 && (status[0] == '4' || status[0] == '5') && status[1] == '.' &&
         (status[2] == '0' || status[2] == '1') && status.substr(3) == ".0";
}

// The reply quoted in the diagnosis: '5.2.2 <kijitora@example.jp>... Mailbox Full'.
std::string_view quoted_reply(std::string_view diagnosis) {
  for (std::size_t open = diagnosis.find_first_of("'\""); open != std::string_view::npos;
       open = diagnosis.find_first_of("'\"", open + 1)) {
    const std::string_view rest = diagnosis.substr(open + 1);
    if (rest.size() < 6 || find_status_code(rest.substr(0, 5)) != rest.substr(0, 5)) continue;
    const std::size_t close = rest.find_last_of("'\"");
    if (close != std::string_view::npos) return rest.substr(0, close);
  }
  return diagnosis;
}

}  // namespace

void take_quoted_status(DeliveryStatus& status) {
  if (!is_class_only(status.status)) return;
  if (const std::string code = find_status_code(quoted_reply(status.diagnosis)); !code.empty())
    status.status = code;
}

}  // namespace bg::bounce
