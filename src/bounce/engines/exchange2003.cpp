// Microsoft Exchange Server 5.5 to 2003 (Internet Mail Service): Subject "Undeliverable: ...",
// X-MS-Embedded-Report or X-Mailer "Internet Mail Service (5.5.x)". A "Your message" block
// (To, Subject, Sent), then "did not reach the following recipient(s):" with one
// "address on date" line per recipient and an "MSEXCH:IMS:... (000C05A6) Unknown Recipient" line
// whose code says why ([format exchange2003] in data/reasons).
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "bounce/reason/reason_resolver.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

const ReceivedMarkers kInternetMailServiceRelays = declare_received_markers({" with Internet Mail Service ("});

bool is_exchange2003_report(const BounceMessage& message) {
  const mime::Headers& headers = message.headers();
  if (headers.has("X-MS-Embedded-Report")) return true;
  const std::string_view mailer = mime::trim(headers.raw("X-Mailer"));
  if (mailer.starts_with("Internet Mail Service (") ||
      mailer.starts_with("Microsoft Exchange Server Internet Mail Connector"))
    return true;
  if (mime::trim(headers.raw("X-MimeOLE")).starts_with("Produced By Microsoft Exchange"))
    return true;
  return message.received_mentioning(kInternetMailServiceRelays) > 0;
}

// "kijitora@example.co.jp on Thu, 29 Apr 2007 16:51:51 -0500" or
// "Kijitora Cat (SMTP=kijitora@example.com) on 4/29/99 9:19:59 AM": the recipient.
std::string recipient_of(std::string_view line) {
  const std::size_t on = line.find(" on ");
  if (on == std::string_view::npos) return {};
  std::string_view before = mime::trim(line.substr(0, on));
  if (const std::size_t smtp = mime::ifind(before, "SMTP="); smtp != std::string_view::npos)
    before = before.substr(smtp + 5);
  while (!before.empty() && (before.back() == ')' || before.back() == '>')) before.remove_suffix(1);
  return is_address(before) ? std::string(before) : std::string();
}

// The "Your message" block: "  To: ...", "  Subject: ...", "  Sent: ...".
struct YourMessage {
  std::string to, subject, sent;

  void read(std::string_view line) {
    const std::string_view text = mime::trim(line);
    for (auto [label, field] : {std::pair{std::string_view("To:"), &to},
                                std::pair{std::string_view("Subject:"), &subject},
                                std::pair{std::string_view("Sent:"), &sent}})
      if (text.starts_with(label) && field->empty())
        *field = std::string(mime::trim(text.substr(label.size())));
  }

  // Header lines standing in for the original, when it was not returned.
  std::string as_headers() const {
    std::string headers;
    if (!to.empty()) headers += "To: " + to + "\n";
    if (!subject.empty()) headers += "Subject: " + subject + "\n";
    if (!sent.empty()) headers += "Date: " + sent + "\n";
    return headers;
  }
};

struct Recipient {
  DeliveryStatus status;
  std::string other_lines;     // "The recipient name is not recognized" and the like
  bool code_complete = false;  // the MSEXCH line and its wrapped continuation have been read
};

class Exchange2003 final : public Engine {
 public:
  std::string_view name() const override { return "Exchange2003"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_exchange2003_report(message)) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part});

    const auto report = text_after_line(parts.notice, {"Your message"});
    if (!report) return false;
    YourMessage your_message;
    std::vector<Recipient> recipients;
    bool listing = false;
    for (std::string_view line : TextLines(*report)) {
      if (!listing) {
        listing = mime::trim(line).starts_with("did not reach the following recipient");
        if (!listing) your_message.read(line);
        continue;
      }
      if (const std::string address = recipient_of(line); !address.empty()) {
        recipients.emplace_back();
        recipients.back().status.recipient = address;
        continue;
      }
      if (recipients.empty() || mime::trim(line).empty()) continue;
      Recipient& current = recipients.back();
      std::string& diagnosis = current.status.diagnosis;
      if (mime::trim(line).starts_with("MSEXCH:")) {
        diagnosis = std::string(mime::trim(line));
      } else if (!diagnosis.empty() && !current.code_complete) {
        // The MSEXCH line wrapped: "... (000C05A6)" then "Unknown Recipient".
        diagnosis.append(" ").append(mime::trim(line));
        current.code_complete = true;
      } else if (diagnosis.empty()) {
        current.other_lines.append(" ").append(mime::trim(line));
      }
    }
    if (recipients.empty()) return false;

    for (Recipient& recipient : recipients) {
      DeliveryStatus& status = recipient.status;
      // Without a known MSEXCH code, the explanation before it says more.
      if (reason_in_scope(status.diagnosis, "format exchange2003").empty())
        status.diagnosis = recipient.other_lines + " " + status.diagnosis;
      result.recipients.push_back(std::move(status));
    }
    result.original =
        parts.original.empty() ? your_message.as_headers() : std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& exchange2003_engine() {
  static const Exchange2003 engine;
  return engine;
}

}  // namespace bg::bounce
