#pragma once
// The per-recipient error text of Exim, and of the services that reuse its wording (MXLogic):
// "SMTP error from remote mail server after RCPT TO:<...>: host mx.example.jp [192.0.2.1]:
// 550 ...". Says which command the remote server answered, which host it was, and what Exim's
// own messages (data/reasons, [format exim]) mean.
#include <string>
#include <string_view>

#include "bounce/delivery_status.h"

namespace bg::bounce {

// The command named by "SMTP error from remote mail server after ..." or "LMTP error after ...":
// RCPT, MAIL, DATA, EHLO...; CONN for "after initial connection"; empty when none is named.
std::string exim_command(std::string_view diagnosis);

// The remote host of "host mx.example.jp [192.0.2.1]"; empty when none is named.
std::string exim_remote_host(std::string_view diagnosis);

// Fills `status.command`, `status.rhost` (when unset) and `status.reason` from its diagnosis:
// a refused greeting means blocked, a refused sender `sender_refused` (Exim and MXLogic judge it
// differently), anything else what Exim's own messages say.
void read_exim_reply(DeliveryStatus& status, std::string_view sender_refused);

}  // namespace bg::bounce
