#include "bounce/engines/qmail_notice.h"

#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/text_lines.h"
#include "bounce/reason/reason_resolver.h"
#include "bounce/smtp_codes.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

// "<kijitora@example.jp>:" or "To: <kijitora@example.jp>:" alone on its line.
std::string recipient_line(std::string_view line) {
  line = mime::trim(line);
  if (mime::istarts_with(line, "To:")) line = mime::trim(line.substr(3));
  if (!line.starts_with("<") || !line.ends_with(">:")) return {};
  return find_address(line);
}

// The command the remote server refused, from qmail-remote's wording.
std::string command_of(std::string_view diagnosis) {
  struct Clue {
    std::string_view text;
    std::string_view command;
  };
  static constexpr Clue kClues[] = {
      {"but greeting failed.", "CONN"},     {"but my name was rejected.", "EHLO"},
      {"but sender was rejected.", "MAIL"}, {" does not like recipient.", "RCPT"},
      {" failed on DATA command.", "DATA"}, {" failed after I sent the message.", "DATA"}};
  for (const Clue& clue : kClues)
    if (mime::find_text(diagnosis, clue.text) != std::string_view::npos) return std::string(clue.command);
  constexpr std::string_view kProgress = "most progress was ";
  if (const std::size_t at = mime::find_text(diagnosis, kProgress); at != std::string_view::npos)
    return std::string(diagnosis.substr(at + kProgress.size(), 4));
  return {};
}

// The remote host: "Giving up on 192.0.2.1.", "Connected to 192.0.2.1 but ...",
// "remote host 192.0.2.1 said:".
std::string remote_host_of(std::string_view diagnosis) {
  for (std::string_view lead : {"Giving up on ", "Connected to ", "remote host "}) {
    const std::size_t at = mime::find_text(diagnosis, lead);
    if (at == std::string_view::npos) continue;
    std::string_view host = diagnosis.substr(at + lead.size());
    host = host.substr(0, host.find(' '));
    while (!host.empty() && host.back() == '.') host.remove_suffix(1);
    if (!host.empty()) return std::string(host);
  }
  return {};
}

constexpr std::string_view kTooLong = "this message has been in the queue too long.";

// qmail's own verdict: a refused sender or greeting settles it; otherwise its messages in the
// remote host's reply, then in the whole text; a message kept too long expired.
std::string reason_of(const DeliveryStatus& status, std::string_view remote_reply) {
  if (status.command == "MAIL") return "rejected";
  if (status.command == "HELO" || status.command == "EHLO") return "blocked";
  const std::string_view diagnosis = status.diagnosis;
  const bool refused_recipient =
      mime::find_text(diagnosis, " does not like recipient.") != std::string_view::npos;
  if (refused_recipient && diagnosis.ends_with(kTooLong)) return "onhold";
  std::string reason = remote_reply.empty() ? "" : reason_in_scope(remote_reply, "format qmail");
  if (reason.empty()) reason = reason_in_scope(diagnosis, "format qmail");
  if (reason.empty() && mime::find_text(diagnosis, kTooLong) != std::string_view::npos) reason = "expired";
  return reason;
}

}  // namespace

std::vector<DeliveryStatus> read_qmail_notice(std::string_view notice,
                                              bool (*opens_report)(std::string_view line)) {
  std::vector<DeliveryStatus> recipients;
  std::vector<std::string> remote_replies;  // "Remote host said: ..." per recipient
  bool reading = false;
  for (std::string_view line : TextLines(notice)) {
    if (!reading) {
      reading = opens_report(line);
      continue;
    }
    if (mime::trim(line).empty()) continue;
    if (std::string recipient = recipient_line(line); !recipient.empty()) {
      recipients.emplace_back().recipient = std::move(recipient);
      remote_replies.emplace_back();
      continue;
    }
    if (recipients.empty()) continue;
    recipients.back().diagnosis.append(line).push_back(' ');
    if (line.starts_with("Remote host said:")) remote_replies.back() = std::string(line);
  }
  for (std::size_t i = 0; i < recipients.size(); ++i) {
    DeliveryStatus& status = recipients[i];
    status.diagnosis = squeeze_spaces(status.diagnosis);
    status.command = command_of(status.diagnosis);
    status.rhost = remote_host_of(status.diagnosis);
    status.status = find_status_code(status.diagnosis);
    status.reason = reason_of(status, remote_replies[i]);
  }
  return recipients;
}

}  // namespace bg::bounce
