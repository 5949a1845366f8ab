#pragma once
// The fields of a delivery status notification (RFC 3464, RFC 6533): "Final-Recipient: rfc822;
// a@b", "Status: 5.1.1", "Diagnostic-Code: smtp; 550 ...". Read line by line by every format that
// carries them, standard or not.
#include <optional>
#include <string>
#include <string_view>

#include "bounce/delivery_status.h"

namespace bg::bounce {

enum class DsnScope { kPerMessage, kPerRecipient };

enum class DsnField {
  kReportingMta,
  kReceivedFromMta,
  kArrivalDate,
  kFinalRecipient,
  kOriginalRecipient,
  kActualRecipient,
  kAction,
  kStatus,
  kRemoteMta,
  kDiagnosticCode,
  kLastAttemptDate,
  kWillRetryUntil,
};

struct DsnLine {
  DsnField field;
  DsnScope scope;
  // Views into the line read: a field is applied as soon as it is read, so nothing is copied
  // until a value is kept.
  std::string_view type;   // the part before ';' as written ("rfc822", "dns", "smtp"); may be empty
  std::string_view value;  // the part after it, trimmed
};

// Reads one unfolded line as a DSN field; nullopt when it is not one. The result views `line`.
std::optional<DsnLine> read_dsn_line(std::string_view line);

// Stores the value of a per-recipient field (or a per-message one that applies to every
// recipient) into `status`: Final-Recipient into recipient, Diagnostic-Code into diagnosis and
// spec, Remote-MTA into rhost, and so on.
void apply_dsn_line(const DsnLine& line, DeliveryStatus& status);

}  // namespace bg::bounce
