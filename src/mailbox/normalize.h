#pragma once
// Brings a message into the one shape the MIME parser reads: LF line endings and no mbox
// quoting. Only messages that are parsed in depth pass through here.
#include <string>
#include <string_view>

#include "mailbox/message_source.h"

namespace bg::mailbox {

// Returns the message with CRLF and lone CR turned into LF and, for mbox messages, one '>'
// removed from lines matching ">+From ". When nothing needs changing the result is a view of
// the message itself; otherwise it is written into `scratch` (reused between calls).
std::string_view normalize(const RawMessage& message, std::string& scratch);

}  // namespace bg::mailbox
