#include "bounce/dsn_fields.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "bounce/address.h"
#include "mime/ascii.h"
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

// The known names are written in lowercase letters and dashes, and none is shorter than four bytes.
constexpr bool kNamesAreLowercaseWords = [] {
  for (const FieldName& known : kFields) {
    if (known.name.size() < 4) return false;
    for (char c : known.name)
      if (c != '-' && (c < 'a' || c > 'z')) return false;
  }
  return true;
}();
static_assert(kNamesAreLowercaseWords);

// Whether the word of `name` at `at` is the one of `known` there, in any case. Setting bit 0x20
// lowercases a capital and makes no other byte a lowercase letter; it is set where `known` has a
// letter (whose bit 0x40, shifted, marks it), and a dash is compared as it is.
template <typename Word>
bool same_word(std::string_view name, std::string_view known, std::size_t at) {
  Word written;
  Word wanted;
  std::memcpy(&written, name.data() + at, sizeof(Word));
  std::memcpy(&wanted, known.data() + at, sizeof(Word));
  const Word letters = (wanted >> 1) & static_cast<Word>(0x2020202020202020ULL);
  return (written | letters) == wanted;
}

// Whether `name` is the known name of its length in any case: a word at a time, the last one
// overlapping the one before, instead of byte by byte.
bool is_known_name(std::string_view name, std::string_view known) {
  const std::size_t size = known.size();
  if (size < 8) return same_word<std::uint32_t>(name, known, 0) && same_word<std::uint32_t>(name, known, size - 4);
  for (std::size_t at = 0; at + 8 < size; at += 8)
    if (!same_word<std::uint64_t>(name, known, at)) return false;
  return same_word<std::uint64_t>(name, known, size - 8);
}

std::string uppercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return out;
}

// `value` up to its first space, tab or '(', where a comment or more words begin: one test of
// each byte, where a search for any of the three compares every byte with each in turn.
std::string_view first_word(std::string_view value) {
  const auto word_end = std::find_if(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\t' || c == '('; });
  return value.substr(0, static_cast<std::size_t>(word_end - value.begin()));
}

// "dns; mx.example.com" or "mx.example.com": the host name, without brackets or a trailing dot.
std::string host_of(std::string_view value) {
  value = first_word(mime::trim(value));
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
    if (!is_known_name(name, known.name)) continue;
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
    case DsnField::kAction:
      status.action = mime::lowercase(first_word(mime::trim(line.value)));
      break;
    case DsnField::kStatus:
      status.status = std::string(first_word(mime::trim(line.value)));
      break;
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
