#pragma once
// Reads one message from a mailbox: decides what it is and, for a bounce (or a delay warning,
// delivery report, auto-reply or feedback report), appends one record per recipient. Keeps its
// buffers between messages, so a stream of ordinary mail costs no allocation per message.
#include <string>
#include <vector>

#include "bounce/bounce_message.h"
#include "bounce/record.h"
#include "mailbox/message_source.h"
#include "mime/headers.h"

namespace bg::bounce {

struct ReadOutcome {
  bool malformed = false;  // not readable as mail at all: no header block
  MessageKind kind = MessageKind::kNotBounce;
};

class BounceReader {
 public:
  ReadOutcome read(const mailbox::RawMessage& raw, std::vector<Record>& records);

 private:
  mime::Headers top_headers_;
  std::string normalized_;
  BounceMessage message_;
  SharedText origin_;  // the path of the last bounce read
};

}  // namespace bg::bounce
