// RFC 3464 delivery status notifications from any server, and the last resort for bounces in no
// known format: the message/delivery-status fields when there are some, otherwise the recipient
// and error lines found in the text. Tried after every specific format.
#include <vector>

#include "bounce/address.h"
#include "bounce/dsn_fields.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/mail_delivery_agent.h"
#include "bounce/smtp_codes.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The first letter of `line` in lowercase, or 0 for an empty line: most lines start with no
// marker's first letter, and are then not compared with each marker.
char first_letter(std::string_view line) { return line.empty() ? '\0' : mime::to_lower_ascii(line.front()); }

// Lines after which the delivery report starts, in any case.
bool starts_report(std::string_view line) {
  const char first = first_letter(line);
  if (first != 'c' && first != 't' && first != 'y') return false;
  for (std::string_view marker : {"content-type: message/delivery-status", "content-type: message/x-delivery-status",
                                  "content-type: message/disposition-notification", "content-type: text/plain; charset=",
                                  "the original message was received at ", "this report relates to your message",
                                  "your message could not be delivered",
                                  "your message was not delivered to the following recipients"})
    if (mime::istarts_with(line, marker)) return true;
  return false;
}

// Lines that start the returned original, in any case.
bool starts_original(std::string_view line) {
  const char first = first_letter(line);
  if (first != 'c' && first != 'r') return false;
  if (mime::istarts_with(line, "content-type: message/rfc822") ||
      mime::istarts_with(line, "content-type: text/rfc822-headers"))
    return true;
  return mime::istarts_with(line, "return-path:") && line.find('<') != std::string_view::npos &&
         line.ends_with(">");
}

// An error line in the human-readable part: "550 5.1.1 ..." or "<a@b>: ...".
bool is_error_line(std::string_view line) {
  if (line.size() > 4 && (line[0] == '4' || line[0] == '5') && mime::hex_digit_value(line[1]) >= 0 &&
      line[1] <= '9' && line[2] >= '0' && line[2] <= '9' && (line[3] == ' ' || line[3] == '\t'))
    return true;
  if (line.starts_with("<")) {
    const std::size_t close = line.find('>');
    if (close == std::string_view::npos || line.substr(1, close).find('@') == std::string_view::npos) return false;
    std::size_t after = close + 1;
    if (after < line.size() && line[after] == ':') ++after;
    return after < line.size() && (line[after] == ' ' || line[after] == '\t');
  }
  return false;
}

// Whether the bounce looks like one at all, when it carries no DSN fields.
bool looks_like_bounce(const BounceMessage& message) {
  const std::string from = mime::lowercase(message.from());
  for (std::string_view system : {"postmaster@", "mailer-daemon@", "root@"})
    if (from.find(system) != std::string::npos) return true;
  const std::string subject = mime::lowercase(message.subject());
  for (std::string_view clue : {"delivery failed", "delivery failure", "delivery report", "failure notice",
                                "mail delivery", "mail error", "non-delivery", "returned mail", "undeliverable mail",
                                "warning: "})
    if (subject.find(clue) != std::string::npos) return true;
  const std::string return_path = mime::lowercase(message.headers().raw("Return-Path"));
  return return_path.find("<>") != std::string::npos || return_path.find("mailer-daemon") != std::string::npos;
}

// Lines the fallback reader skips: separators, MIME leftovers, greetings.
bool is_noise(std::string_view lower) {
  if (lower.starts_with("-") && lower.find_first_not_of("-") != std::string_view::npos &&
      lower[lower.find_first_not_of("-")] == '=')
    return true;
  if (mime::trim(lower).empty() || mime::trim(lower).starts_with("--") || lower.starts_with("hi !")) return true;
  for (std::string_view noise : {"content-description: ", "content-disposition: ", "content-transfer-encoding: ",
                                 "content-type: ", "name=", "charset=", ": --------"})
    if (lower.find(noise) != std::string_view::npos) return true;
  return lower.ends_with("--") || lower.starts_with("*");
}

// Lines after which the fallback reader stops: the original message or its announcement.
bool stops_fallback(std::string_view lower) {
  for (std::string_view start : {"content-type: message/delivery-status", "here is a copy of the first part of the message",
                                 "the non-delivered message is attached to this message.", "received:",
                                 "received-from-mta:", "reporting-mta:", "return-path:",
                                 "a copy of the original message below this line:"})
    if (lower.starts_with(start)) return true;
  for (std::string_view inside : {"attachment is a copy of the message", "below is a copy of the original message:",
                                  "below this line is a copy of the message", "message text follows: ",
                                  "original message follows", "the attachment contains the original mail headers",
                                  "unsent message below", "your message reads (in part):"})
    if (lower.find(inside) != std::string_view::npos) return true;
  if (lower.starts_with("*** ") && lower.ends_with(" ***")) return true;
  return lower.starts_with("the first ") && lower.find(" lines ") != std::string_view::npos;
}

// The first word of `text` without the brackets or quotes around it; empty if it holds an '='.
std::string_view first_token(std::string_view text) {
  std::string_view token = text.substr(0, mime::find_any(text, " \t"));
  while (!token.empty() && (token.front() == '<' || token.front() == '"' || token.front() == '\'')) token.remove_prefix(1);
  while (!token.empty() && (token.back() == '>' || token.back() == '"' || token.back() == '\'' || token.back() == ',' ||
                            token.back() == ':'))
    token.remove_suffix(1);
  return token.find('=') == std::string_view::npos ? token : std::string_view();
}

// The recipient named by a line of a bounce in no known format: a line that is just an address,
// or an address after words such as "could not be delivered to:".
std::string recipient_in_line(std::string_view line, std::string_view lower) {
  static constexpr std::string_view kLineLeads[] = {"recipient:", "address: "};
  static constexpr std::string_view kLeads[] = {
      "addressed to ", "could not be delivered to: ", "delivered to ",
      "delivery failed: ", "did not reach the following recipient: ", "error-for: ", "failed recipient: ",
      "failed to deliver to ", "intended recipient: ", "mailbox is full: ", "rcpt to:", "unknown user: ",
      "undeliverable to ", "undeliverable address:", "you sent mail to ", "your message to ",
      "the following recipients returned permanent errors: ", "the following message to "};
  std::string_view candidate;
  const std::string_view trimmed = mime::trim(line);
  if (trimmed.empty()) return {};
  if (trimmed.front() != '"') {
    candidate = trimmed;  // a line that starts with the address
  } else {
    const std::size_t close = trimmed.find('"', 1);
    if (close != std::string_view::npos) candidate = mime::trim(trimmed.substr(close + 1));
  }
  if (!is_address(first_token(candidate))) {
    candidate = {};
    const std::string_view lower_trimmed = mime::trim(lower);
    for (std::string_view lead : kLineLeads)
      if (lower_trimmed.starts_with(lead)) candidate = mime::trim(trimmed.substr(lead.size()));
    for (std::string_view lead : kLeads) {
      if (!candidate.empty()) break;
      const std::size_t at = lower.find(lead);
      if (at == std::string_view::npos) continue;
      candidate = mime::trim(line.substr(at + lead.size()));
      break;
    }
  }
  const std::string_view token = first_token(candidate);
  return is_address(token) ? std::string(token) : std::string();
}

// The text after "(expanded from: <a@b>)" or "(generated from a@b)".
std::string expanded_from(std::string_view line) {
  for (std::string_view lead : {"(expanded from", "(generated from"}) {
    const std::size_t at = mime::ifind(line, lead);
    if (at == std::string_view::npos) continue;
    const std::size_t close = line.find(')', at);
    return find_address(line.substr(at, close == std::string_view::npos ? std::string_view::npos : close - at));
  }
  return {};
}

struct ReportScan {
  std::vector<DeliveryStatus> recipients;
  std::vector<std::string> error_lines;  // per recipient, from the human-readable part
  DeliveryStatus per_message;
  std::string original;
};

ReportScan scan_report(std::string_view body) {
  ReportScan scan;
  bool in_report = false;
  bool in_original = false;
  int blank_lines = 0;
  bool continuing_diagnosis = false;
  std::string pending_alias;

  for (std::size_t pos = 0; pos < body.size();) {
    const mime::Line line = mime::line_at(body, pos);
    pos = line.next;
    // The markers are compared without regard to case, not with a lowercased copy of each line.
    if (!in_report && starts_report(line.text)) {
      in_report = true;
      continue;
    }
    // A Return-Path line only starts the original once the report has begun: above it, it is
    // a header of the bounce itself (in a forwarded bounce, for one).
    if (!in_original && starts_original(line.text) &&
        (in_report || !mime::istarts_with(line.text, "return-path:"))) {
      in_original = true;
      if (mime::istarts_with(line.text, "return-path:")) scan.original.append(line.text).push_back('\n');
      continue;
    }
    if (in_original) {
      if (line.text.empty()) {
        if (++blank_lines > 1) break;
        continue;
      }
      scan.original.append(line.text).push_back('\n');
      continue;
    }
    if (!in_report || line.text.empty()) continue;

    if (continuing_diagnosis && mime::is_space_or_tab(line.text.front())) {
      scan.recipients.back().diagnosis.append(" ").append(mime::trim(line.text));
      continue;
    }
    continuing_diagnosis = false;
    if (const auto field = read_dsn_line(line.text)) {
      if (field->scope == DsnScope::kPerMessage) {
        apply_dsn_line(*field, scan.per_message);
        continue;
      }
      if (field->field == DsnField::kOriginalRecipient) {
        pending_alias = find_address(field->value);
        continue;
      }
      if (field->field == DsnField::kFinalRecipient) {
        std::string recipient = find_address(field->value);
        if (recipient.empty()) recipient = pending_alias;
        if (scan.recipients.empty() || (!scan.recipients.back().recipient.empty() &&
                                        scan.recipients.back().recipient != recipient)) {
          scan.recipients.emplace_back();
          scan.error_lines.emplace_back();
        }
        scan.recipients.back().recipient = recipient;
        if (scan.recipients.back().alias.empty()) scan.recipients.back().alias = pending_alias;
        pending_alias.clear();
        continue;
      }
      if (scan.recipients.empty()) {
        scan.recipients.emplace_back();
        scan.error_lines.emplace_back();
      }
      if (field->field == DsnField::kActualRecipient) {
        if (mime::find_any(field->value, " \t") == std::string::npos) scan.recipients.back().alias = field->value;
        continue;
      }
      if (field->field == DsnField::kStatus && !is_status_code(field->value.substr(0, field->value.find(' ')))) {
        scan.error_lines.back().append(" ").append(field->value);  // "Status: 550 ..." written by a few servers
        continue;
      }
      apply_dsn_line(*field, scan.recipients.back());
      continuing_diagnosis = field->field == DsnField::kDiagnosticCode;
      continue;
    }
    if (line.text.starts_with(" ") || line.text.starts_with("-")) continue;
    if (is_error_line(line.text)) {
      if (scan.recipients.empty()) {
        scan.recipients.emplace_back();
        scan.error_lines.emplace_back();
      }
      scan.error_lines.back() += " " + std::string(line.text);
    }
  }
  return scan;
}

// The fallback for bounces that carry no DSN fields at all.
std::vector<DeliveryStatus> scan_plain_text(std::string_view body) {
  std::vector<DeliveryStatus> recipients;
  DeliveryStatus current;
  for (std::size_t pos = 0; pos < body.size();) {
    const mime::Line line = mime::line_at(body, pos);
    pos = line.next;
    const std::string lower = mime::lowercase(line.text);
    if (starts_original(lower) || stops_fallback(lower)) break;
    if (line.text.empty() || is_noise(lower)) continue;
    if (const std::string address = recipient_in_line(line.text, lower); !address.empty()) {
      if (!current.recipient.empty() && current.recipient != address) recipients.push_back(std::move(current));
      if (current.recipient != address) current = DeliveryStatus{};
      current.recipient = address;
    } else if (const std::string alias = expanded_from(line.text); !alias.empty()) {
      current.alias = alias;
    }
    current.diagnosis.append(" ").append(line.text);
  }
  if (!current.recipient.empty()) recipients.push_back(std::move(current));
  return recipients;
}

class Rfc3464 final : public Engine {
 public:
  std::string_view name() const override { return "RFC3464"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    ReportScan scan = scan_report(message.body());
    drop_unnamed(scan.recipients);
    bool found = !scan.recipients.empty();
    if (!found && looks_like_bounce(message)) {
      scan.recipients = scan_plain_text(message.body());
      scan.error_lines.assign(scan.recipients.size(), {});
      found = !scan.recipients.empty();
    }
    if (!found) {
      // A bounce that names no recipient still names it in the returned original's To.
      if (scan.original.empty()) return false;
      mime::Headers original;
      original.parse(scan.original);
      const std::string to = find_address(original.raw("To"));
      if (to.empty()) return false;
      scan.recipients.emplace_back();
      scan.recipients.back().recipient = to;
    }
    scan.error_lines.resize(scan.recipients.size());

    for (std::size_t i = 0; i < scan.recipients.size(); ++i) {
      DeliveryStatus& status = scan.recipients[i];
      if (status.lhost.empty()) status.lhost = scan.per_message.lhost;
      if (status.date.empty()) status.date = scan.per_message.date;
      const std::string& errors = scan.error_lines[i];
      if (status.diagnosis.empty() || status.diagnosis.starts_with("-") || status.diagnosis.ends_with("__"))
        if (!errors.empty()) status.diagnosis = errors;
      status.diagnosis = squeeze_spaces(status.diagnosis);
      if (status.status.empty()) status.status = find_status_code(status.diagnosis);
      for (std::string_view command : {"RCPT", "MAIL", "DATA"})
        if (status.diagnosis.find(" " + std::string(command) + " command") != std::string::npos)
          status.command = std::string(command);
    }
    // A local delivery agent's error, when the bounce quotes one, says why for every recipient.
    if (AgentError agent; find_agent_error(message.from(), message.body(), agent))
      apply_agent_error(agent, scan.recipients);
    result.recipients = std::move(scan.recipients);
    result.original = std::move(scan.original);
    return true;
  }
};

}  // namespace

const Engine& rfc3464_engine() {
  static const Rfc3464 engine;
  return engine;
}

}  // namespace bg::bounce
