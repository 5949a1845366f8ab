#include "bounce/engines/exim_replies.h"

#include "bounce/reason/reason_resolver.h"
#include "mime/ascii.h"

namespace bg::bounce {

std::string exim_command(std::string_view diagnosis) {
  static constexpr std::string_view kLeads[] = {"SMTP error from remote mail server after ",
                                                "SMTP error from remote mailer after ",
                                                "LMTP error after "};
  for (std::string_view lead : kLeads) {
    const std::size_t at = mime::ifind(diagnosis, lead);
    if (at == std::string_view::npos) continue;
    std::string_view rest = diagnosis.substr(at + lead.size());
    if (mime::istarts_with(rest, "initial connection")) return "CONN";
    if (mime::istarts_with(rest, "end of ")) rest.remove_prefix(7);
    std::string command;
    for (char c : rest.substr(0, 4))
      command.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    return command;
  }
  return {};
}

std::string exim_remote_host(std::string_view diagnosis) {
  std::size_t at = 0;
  while ((at = diagnosis.find("host ", at)) != std::string_view::npos) {
    const bool word_start = at == 0 || diagnosis[at - 1] == ' ';
    at += 5;
    if (!word_start) continue;
    const std::string_view rest = diagnosis.substr(at);
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos || space == 0) continue;
    if (rest.substr(space + 1).starts_with("[")) return mime::lowercase(rest.substr(0, space));
  }
  return {};
}

void read_exim_reply(DeliveryStatus& status, std::string_view sender_refused) {
  if (status.command.empty()) status.command = exim_command(status.diagnosis);
  if (status.rhost.empty()) status.rhost = exim_remote_host(status.diagnosis);
  if (!status.reason.empty()) return;
  if (status.command == "HELO" || status.command == "EHLO")
    status.reason = "blocked";
  else if (status.command == "MAIL")
    status.reason = std::string(sender_refused);
  else
    status.reason = reason_in_scope(status.diagnosis, "format exim");
}

}  // namespace bg::bounce
