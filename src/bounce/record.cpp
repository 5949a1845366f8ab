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

Evidence::Evidence(std::initializer_list<std::string_view> facts) {
  for (std::string_view fact : facts) add({fact});
}

void Evidence::add(std::initializer_list<std::string_view> pieces) {
  std::size_t length = 0;
  for (std::string_view piece : pieces) length += piece.size();
  char length_bytes[kLengthBytes];
  std::memcpy(length_bytes, &length, kLengthBytes);
  text_.append(length_bytes, kLengthBytes);
  for (std::string_view piece : pieces) text_ += piece;
  ++count_;
}

}  // namespace bg::bounce
