#include "bounce/mail_delivery_agent.h"

#include <vector>

#include "bounce/reason/reason_resolver.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

struct AgentSignature {
  std::string_view agent;
  std::string_view line_start;  // how the agent's error line begins
};

constexpr AgentSignature kAgents[] = {
    {"mail.local", "mail.local: "}, {"procmail", "procmail: "},  {"maildrop", "maildrop: "},
    {"vpopmail", "vdelivermail: "}, {"vmailmgr", "vdeliver: "},
};

// Dovecot's LDA: "Your message to <a@b> was automatically rejected:"
bool is_dovecot_rejection(std::string_view line) {
  return line.starts_with("Your message to ") && line.ends_with(" was automatically rejected:");
}

}  // namespace

bool find_agent_error(std::string_view from, std::string_view body, AgentError& error) {
  const std::string sender = mime::lowercase(mime::trim(from));
  if (!sender.starts_with("mail delivery subsystem") && !sender.starts_with("mailer-daemon") &&
      !sender.starts_with("postmaster"))
    return false;

  std::vector<std::string_view> lines;  // the agent's paragraph
  std::string_view agent;
  for (std::size_t pos = 0; pos < body.size();) {
    const mime::Line line = mime::line_at(body, pos);
    pos = line.next;
    if (agent.empty()) {
      if (line.text.empty()) continue;
      if (is_dovecot_rejection(line.text)) agent = "dovecot";
      for (const AgentSignature& signature : kAgents)
        if (line.text.starts_with(signature.line_start)) agent = signature.agent;
      if (agent.empty()) continue;
    }
    lines.push_back(line.text);
    if (line.text.empty()) break;
  }
  if (agent.empty()) return false;

  error.agent = std::string(agent);
  const std::string scope = "format " + error.agent;
  for (std::string_view line : lines) {
    const std::string reason = reason_in_scope(line, scope);
    if (reason.empty()) continue;
    error.reason = reason;
    error.message = std::string(line);
    break;
  }
  return true;
}

void apply_agent_error(const AgentError& error, std::vector<DeliveryStatus>& recipients) {
  for (DeliveryStatus& status : recipients) {
    status.reason = error.reason.empty() ? "undefined" : error.reason;
    if (!error.message.empty()) status.diagnosis = error.message;
    status.command.clear();
  }
}

}  // namespace bg::bounce
