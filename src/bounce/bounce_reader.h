#pragma once
// Reads messages from a mailbox: decides what each is and, for a bounce (or a delay warning,
// delivery report, auto-reply or feedback report), appends one record per recipient. Keeps its
// buffers between messages, so a stream of ordinary mail costs no allocation per message.
#include <span>
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
  std::size_t records = 0;  // how many records the message gave
};

class BounceReader {
 public:
  // Reads one message.
  ReadOutcome read(const mailbox::RawMessage& raw, std::vector<Record>& records);
  // Reads a run of messages, with one outcome per message in `outcomes`. The reasons of all
  // their records are decided at the end, one after another: each is a pass of the phrase
  // databases, which stay in the cache between passes that follow each other, and not
  // between passes with a message's parsing in between.
  void read_all(std::span<const mailbox::RawMessage> messages, std::vector<Record>& records,
                std::vector<ReadOutcome>& outcomes);

 private:
  // Reads one message, leaving its records' reasons undecided.
  ReadOutcome read_undecided(const mailbox::RawMessage& raw, std::vector<Record>& records);

  mime::Headers top_headers_;
  std::string normalized_;
  BounceMessage message_;
  SharedText origin_;  // the path of the last bounce read
};

}  // namespace bg::bounce
