#include "bounce/dsn_fields.h"

#include <array>

#include "bounce/address.h"
#include "mime/ascii.h"
#include "mime/headers.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

struct FieldName {
  std::string_view name;
  DsnField field;
  DsnScope scope;
};

constexpr FieldName kFields[] = {
    {"reporting-mta", DsnField::kReportingMta, DsnScope::kPerMessage},
    {"received-from-mta", DsnField::kReceivedFromMta, DsnScope::kPerMessage},
    {"arrival-date", DsnField::kArrivalDate, DsnScope::kPerMessage},
    {"final-recipient", DsnField::kFinalRecipient, DsnScope::kPerRecipient},
    {"original-recipient", DsnField::kOriginalRecipient, DsnScope::kPerRecipient},
    {"x-actual-recipient", DsnField::kActualRecipient, DsnScope::kPerRecipient},
    {"action", DsnField::kAction, DsnScope::kPerRecipient},
    {"status", DsnField::kStatus, DsnScope::kPerRecipient},
    {"remote-mta", DsnField::kRemoteMta, DsnScope::kPerRecipient},
    {"diagnostic-code", DsnField::kDiagnosticCode, DsnScope::kPerRecipient},
    {"last-attempt-date", DsnField::kLastAttemptDate, DsnScope::kPerRecipient},
    {"will-retry-until", DsnField::kWillRetryUntil, DsnScope::kPerRecipient},
};

constexpr std::size_t kLongestName = 18;  // "original-recipient", "x-actual-recipient"

// The positions in kFields of the names of each length, at most two (-1 where there are fewer):
// a line's name is compared with those as long as it alone, not with every name in turn.
constexpr auto kFieldsByLength = [] {
  std::array<std::array<int, 2>, kLongestName + 1> table{};
  for (auto& positions : table) positions = {-1, -1};
  for (std::size_t i = 0; i < std::size(kFields); ++i) {
    auto& positions = table.at(kFields[i].name.size());
    if (positions[1] >= 0) throw "more than two DSN field names of one length";
    positions[positions[0] < 0 ? 0 : 1] = static_cast<int>(i);
  }
  return table;
}();

std::string uppercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return out;
}

// "dns; mx.example.com" or "mx.example.com": the host name, without brackets or a trailing dot.
std::string host_of(std::string_view value) {
  value = mime::trim(value);
  if (const std::size_t space = mime::find_any(value, " \t("); space != std::string_view::npos)
    value = value.substr(0, space);
  if (value.size() > 2 && value.front() == '[' && value.back() == ']') value = value.substr(1, value.size() - 2);
  while (!value.empty() && value.back() == '.') value.remove_suffix(1);
  return mime::lowercase(value);
}

}  // namespace

std::optional<DsnLine> read_dsn_line(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const std::string_view name = mime::trim(line.substr(0, colon));
  if (name.size() > kLongestName) return std::nullopt;
  for (const int position : kFieldsByLength[name.size()]) {
    if (position < 0) break;
    const FieldName& known = kFields[position];
    if (!mime::iequals_name(name, known.name)) continue;
    DsnLine result{known.field, known.scope, {}, {}};
    std::string_view value = mime::trim(line.substr(colon + 1));
    const bool typed = known.field != DsnField::kAction && known.field != DsnField::kStatus &&
                       known.field != DsnField::kArrivalDate && known.field != DsnField::kLastAttemptDate &&
                       known.field != DsnField::kWillRetryUntil;
    if (typed) {
      if (const std::size_t semicolon = value.find(';'); semicolon != std::string_view::npos && semicolon < 16) {
        result.type = mime::trim(value.substr(0, semicolon));
        value = mime::trim(value.substr(semicolon + 1));
      }
    }
    result.value = value;
    return result;
  }
  return std::nullopt;
}

void apply_dsn_line(const DsnLine& line, DeliveryStatus& status) {
  switch (line.field) {
    case DsnField::kReportingMta:
    case DsnField::kReceivedFromMta:
      if (status.lhost.empty()) status.lhost = host_of(line.value);
      break;
    case DsnField::kArrivalDate:
    case DsnField::kLastAttemptDate:
      status.date = std::string(line.value);
      break;
    case DsnField::kFinalRecipient:
      status.recipient = find_address(line.value);
      if (status.recipient.empty()) status.recipient = std::string(mime::trim(line.value));
      break;
    case DsnField::kOriginalRecipient:
    case DsnField::kActualRecipient:
      status.alias = find_address(line.value);
      break;
    case DsnField::kAction: {
      std::string action = mime::lowercase(mime::trim(line.value));
      if (const std::size_t space = mime::find_any(action, " \t("); space != std::string::npos) action.resize(space);
      status.action = action;
      break;
    }
    case DsnField::kStatus: {
      std::string_view value = mime::trim(line.value);
      if (const std::size_t space = mime::find_any(value, " \t("); space != std::string_view::npos)
        value = value.substr(0, space);
      status.status = std::string(value);
      break;
    }
    case DsnField::kRemoteMta:
      status.rhost = host_of(line.value);
      break;
    case DsnField::kDiagnosticCode:
      status.spec = uppercase(line.type);
      status.diagnosis = line.value;
      break;
    case DsnField::kWillRetryUntil:
      break;
  }
}

}  // namespace bg::bounce
