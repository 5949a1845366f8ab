// Office 365 (Exchange Online): Subject "Undeliverable: ...", sent from *.prod.outlook.com with
// the X-MS-Exchange-* headers. The text names each recipient and the reply in its section for
// administrators ("Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; ...'") or,
// in the newer layout, under "Original Message Details" and "Error Details"; a
// message/delivery-status part usually follows. Its status codes have meanings of their own
// ([format office365] in data/reasons).
#include "bounce/address.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/exchange_diagnostics.h"
#include "bounce/engines/report_sections.h"
#include "bounce/engines/text_lines.h"
#include "bounce/smtp_codes.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The domain every host of Exchange Online is in, as names_exchange_online looks for it.
const ReceivedMarkers kExchangeOnlineDomain = declare_received_markers({".outlook.com"}, MarkerCase::kCaseless);

// Whether `text` ends with `suffix`, in any ASCII case.
bool iends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && mime::iequals(text.substr(text.size() - suffix.size()), suffix);
}

// Whether `text` names a host of Exchange Online: "*.prod.outlook.com",
// "*.outbound.protection.outlook.com". Both end in ".outlook.com", the one text searched for.
bool names_exchange_online(std::string_view text) {
  constexpr std::string_view kDomain = ".outlook.com";
  for (std::size_t at = mime::ifind(text, kDomain); at != std::string_view::npos;
       at = mime::ifind(text, kDomain, at + 1)) {
    const std::string_view before = text.substr(0, at);
    if (iends_with(before, ".prod") || iends_with(before, ".outbound.protection"))
      return true;
  }
  return false;
}

bool is_office365_report(const BounceMessage& message) {
  int clues = 0;
  if (message.subject().find("Undeliverable:") != std::string::npos) ++clues;
  // Each lookup is given its name as a literal, whose slot is then computed when compiling: most
  // of these headers are absent, and the lookup of an absent name is a bit test.
  const mime::Headers& headers = message.headers();
  for (bool present :
       {headers.has("X-MS-Exchange-Message-Is-Ndr"), headers.has("X-Microsoft-Antispam-PRVS"),
        headers.has("X-Exchange-Antispam-Report-Test"),
        headers.has("X-Exchange-Antispam-Report-CFA-Test"),
        headers.has("X-MS-Exchange-CrossTenant-OriginalArrivalTime"),
        headers.has("X-MS-Exchange-CrossTenant-FromEntityHeader"),
        headers.has("X-MS-Exchange-Transport-CrossTenantHeadersStamped")})
    if (present) ++clues;
  // The last two clues are the costliest to look for: only when they can still make two.
  if (clues >= 2) return true;
  // Without a clue so far, the Message-ID and a Received header must both name Exchange Online:
  // neither is searched when no Received header holds its domain.
  const bool received_names_domain = message.received_mentioning(kExchangeOnlineDomain) > 0;
  if (clues == 0 && !received_names_domain) return false;
  if (names_exchange_online(headers.raw("Message-ID"))) ++clues;
  if (clues == 0 || !received_names_domain) return clues >= 2;
  for (std::string_view value : message.received())
    if (names_exchange_online(value)) return true;
  return clues >= 2;
}

// Whether the text opens the way Office 365 reports do, in either layout.
bool has_office365_notice(std::string_view body) {
  for (std::string_view line : TextLines(body)) {
    if (line.starts_with("Delivery has failed to these recipients or groups:") ||
        line.starts_with("Original Message Details") ||
        line.starts_with("Diagnostic information for administrators:"))
      return true;
    if (line.ends_with(" rejected your message to the following email addresses:") ||
        line.ends_with(" rejected your message to the following e-mail addresses:"))
      return true;
  }
  return false;
}

// The newer layout: "Recipient Address: kijitora@example.org" under "Original Message Details",
// "Reported error: 550 5.1.10 ..." under "Error Details".
std::vector<ExchangeRecipient> read_message_details(std::string_view text) {
  std::vector<ExchangeRecipient> recipients;
  for (std::string_view raw : TextLines(text)) {
    const std::string_view line = mime::trim(raw);
    if (starts_exchange_original(line) || line.starts_with("Message Hops") ||
        line.starts_with("Content-Type: "))
      break;
    if (line.starts_with("Recipient Address:")) {
      const std::string address = find_address(line);
      if (!address.empty()) recipients.push_back({address, {}, {}});
    } else if (line.starts_with("Reported error:") && !recipients.empty()) {
      recipients.back().replies.emplace_back(mime::trim(line.substr(15)));
    }
  }
  return recipients;
}

const ExchangeRecipient* text_for(const std::vector<ExchangeRecipient>& entries,
                                  std::string_view recipient) {
  for (const ExchangeRecipient& entry : entries)
    if (mime::iequals(entry.address, recipient)) return &entry;
  return entries.size() == 1 ? &entries.front() : nullptr;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    if (!text.empty()) text.push_back(' ');
    text.append(line);
  }
  return text;
}

class Office365 final : public Engine {
 public:
  std::string_view name() const override { return "Office365"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!is_office365_report(message)) return false;

    const std::string_view body = message.body();
    // Every message delivered to an Office 365 mailbox carries the headers; only the notice's
    // own wording tells its reports from other servers' bounces that arrive there.
    if (!has_office365_notice(body)) return false;
    ExchangeDiagnostics diagnostics = read_exchange_diagnostics(body);
    if (diagnostics.recipients.empty()) {
      if (const auto details = text_after_line(body, {"Original Message Details"}))
        diagnostics.recipients = read_message_details(*details);
    }
    std::vector<DeliveryStatus> recipients =
        read_fields_after(body, {"Content-Type: message/delivery-status"});
    if (recipients.empty()) {
      for (const ExchangeRecipient& entry : diagnostics.recipients) {
        recipients.emplace_back();
        recipients.back().recipient = entry.address;
      }
    }
    if (recipients.empty()) return false;

    for (DeliveryStatus& status : recipients) {
      // The text holds the whole reply; the delivery-status part often a shortened copy.
      if (const ExchangeRecipient* text = text_for(diagnostics.recipients, status.recipient)) {
        if (!text->replies.empty()) status.diagnosis = joined(text->replies);
        if (status.rhost.empty()) status.rhost = text->remote_host;
      }
      if (!diagnostics.generating_server.empty()) status.lhost = diagnostics.generating_server;
      if (status.status.empty() || status.status.ends_with(".0.0")) {
        if (const std::string code = find_status_code(status.diagnosis); !code.empty())
          status.status = code;
      }
      if (status.diagnosis.find("unknown recipient or mailbox unavailable ->") != std::string::npos)
        status.command = "RCPT";
    }
    result.recipients = std::move(recipients);
    result.original =
        std::string(split_at_original(body, {kRfc822Part, kRfc822HeadersPart,
                                             kExchangeOriginalEnglish, "Original Message Headers"})
                        .original);
    return true;
  }
};

}  // namespace

const Engine& office365_engine() {
  static const Office365 engine;
  return engine;
}

}  // namespace bg::bounce
