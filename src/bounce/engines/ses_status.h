#pragma once
// Amazon SES (and WorkMail, which sends through it) writes a class-only Status ("5.0.0",
// "5.1.0") and quotes the remote server's reply in the Diagnostic-Code:
//   smtp; 5.1.0 - Unknown address error 550-'5.2.2 <kijitora@example.jp>... Mailbox Full'
// The quoted reply's code is the one that says what happened.
#include "bounce/delivery_status.h"

namespace bg::bounce {

// Replaces a class-only status with the code of the quoted reply, or else with the first code
// of the diagnosis.
void take_quoted_status(DeliveryStatus& status);

}  // namespace bg::bounce
