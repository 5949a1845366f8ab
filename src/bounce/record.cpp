#include "bounce/record.h"

namespace bg::bounce {

const char* to_string(MessageKind kind) {
  switch (kind) {
    case MessageKind::kNotBounce: return "not_bounce";
    case MessageKind::kBounce: return "bounce";
    case MessageKind::kDelay: return "delay";
    case MessageKind::kDeliveryReport: return "delivery_report";
    case MessageKind::kAutoReply: return "auto_reply";
    case MessageKind::kFeedbackReport: return "feedback_report";
  }
  return "unknown";
}

}  // namespace bg::bounce
