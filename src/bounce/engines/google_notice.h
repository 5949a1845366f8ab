#pragma once
// What every bounce Google's mail servers write has in common, whether for Gmail, Google Groups
// or Google Workspace: From "Mail Delivery Subsystem <mailer-daemon@googlemail.com>" and Subject
// "Delivery Status Notification (Failure)" or "(Delay)".
#include "bounce/bounce_message.h"

namespace bg::bounce {

inline bool is_google_delivery_notice(const BounceMessage& message) {
  return message.from().find("<mailer-daemon@googlemail.com>") != std::string::npos &&
         message.subject().find("Delivery Status Notification") != std::string::npos;
}

}  // namespace bg::bounce
