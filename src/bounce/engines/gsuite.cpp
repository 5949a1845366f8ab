// Google Workspace (G Suite) relaying for a customer's domain: the Gmail notification (From
// mailer-daemon@googlemail.com, Subject "Delivery Status Notification") with X-Gm-Message-State,
// a text headed "** Address not found **" (or "** Message not delivered **") whose last lines
// quote the remote server ("The response from the remote server was: ..."), then a
// message/delivery-status part and the returned message.
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/google_notice.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "bounce/smtp_codes.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// "** Address not found **"
bool is_heading(std::string_view line) {
  return line.size() > 6 && line.starts_with("** ") && line.ends_with(" **");
}

bool is_response_heading(std::string_view line) {
  return line.starts_with("The response from the remote server was:") ||
         line.starts_with("The response was:");
}

// The explanation of the text part: the quoted response when there is one, else the heading.
std::string explanation_of(std::string_view notice) {
  std::string heading;
  std::string response;
  for (std::string_view line : TextLines(notice)) {
    if (line.starts_with("Content-Type: ")) break;
    if (is_heading(line) && heading.empty()) heading = std::string(line);
    if (is_response_heading(line))
      response = std::string(line);
    else if (!response.empty() && !mime::trim(line).empty())
      response.append(" ").append(mime::trim(line));
  }
  return squeeze_spaces(response.empty() ? heading : response);
}

bool is_bare_number(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

class GSuite final : public Engine {
 public:
  std::string_view name() const override { return "GSuite"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_google_delivery_notice(message) || !message.headers().has("X-Gm-Message-State"))
      return false;
    if (!read_report_after(message, {"** "}, result)) return false;
    const std::string explanation = explanation_of(message.body());
    const std::string quoted_status = find_status_code(explanation);
    for (DeliveryStatus& status : result.recipients) {
      if (explanation.empty()) continue;
      if (status.diagnosis.empty() || is_bare_number(status.diagnosis)) {
        status.diagnosis = explanation;
        continue;
      }
      // The text quotes the remote server in full where the report gives only a class.
      const bool unspecific =
          status.status.empty() || status.status == "5.0.0" || status.status == "4.0.0";
      if (unspecific && !quoted_status.empty() && !quoted_status.ends_with(".0.0")) {
        status.status = quoted_status;
        status.diagnosis = explanation;
      }
    }
    return true;
  }
};

}  // namespace

const Engine& gsuite_engine() {
  static const GSuite engine;
  return engine;
}

}  // namespace bg::bounce
