#pragma once
// What a format module reads out of a bounce, before the reason and the rest of the record are
// worked out: one DeliveryStatus per failed recipient, and the returned original's headers.
#include <string>
#include <vector>

#include "bounce/record.h"

namespace bg::bounce {

struct DeliveryStatus {
  std::string recipient;
  std::string alias;         // Original-Recipient, or the address it was expanded from
  std::string action;        // failed, delayed, delivered...
  std::string status;        // enhanced status code as written
  std::string replycode;     // SMTP reply code as written
  std::string diagnosis;     // the server's reply or the reporter's explanation
  std::string spec;          // diagnostic type: SMTP, X-Unix...
  std::string command;       // SMTP command the failure answered
  std::string lhost;         // reporting host
  std::string rhost;         // remote host
  std::string date;          // when it failed, as written
  std::string reason;        // set when the format itself says (its own codes or phrases)
  std::string feedbacktype;  // ARF reports
};

struct EngineResult {
  std::vector<DeliveryStatus> recipients;
  std::string original;  // the returned original message's header block, where included
  MessageKind kind = MessageKind::kBounce;

  // Back to as made, keeping the room already allocated, so that one result can serve module
  // after module.
  void clear() {
    recipients.clear();
    original.clear();
    kind = MessageKind::kBounce;
  }
};

}  // namespace bg::bounce
