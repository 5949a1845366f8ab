#pragma once
// Local delivery agents (procmail, maildrop, mail.local, Dovecot's LDA, vpopmail, vmailmgr) write
// their own one-line errors into a bounce; when one did, it, not the SMTP server, says why.
#include <string>
#include <string_view>
#include <vector>

#include "bounce/delivery_status.h"

namespace bg::bounce {

struct AgentError {
  std::string agent;    // "procmail", "dovecot"...
  std::string reason;   // from the agent's phrases ([format <agent>] sections); may be empty
  std::string message;  // the agent's line that gave the reason
};

// Looks for an agent's error in `body` of a bounce from `from` (only mail systems write them).
bool find_agent_error(std::string_view from, std::string_view body, AgentError& error);

// When the bounce carries an agent's error, it says why for every recipient: it replaces the
// reason and the diagnosis the format module read.
void apply_agent_error(const AgentError& error, std::vector<DeliveryStatus>& recipients);

}  // namespace bg::bounce
