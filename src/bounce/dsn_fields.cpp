#include "bounce/dsn_fields.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The position of the first `byte` among the first sixteen of `text`, or npos when none of them
// is: a field's colon and a type's semicolon come early, and one compare of a block finds them
// where a search calls memchr. A text shorter than a block is searched whole.
std::size_t find_in_first_block(std::string_view text, char byte) {
#if defined(__SSE2__)
  if (text.size() >= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data()));
    const auto found = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(byte))));
    return found != 0 ? static_cast<std::size_t>(__builtin_ctz(found)) : std::string_view::npos;
  }
#endif
  return text.substr(0, 16).find(byte);
}

// `text` without the white space mime::trim drops at its start, or at its end: a part of a value
// trimmed already needs trimming at one end only.
std::string_view trim_start(std::string_view text) {
  while (!text.empty() && mime::is_white_space_or_line_break(text.front())) text.remove_prefix(1);
  return text;
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && mime::is_white_space_or_line_break(text.back())) text.remove_suffix(1);
  return text;
}

// "mx.example.com" from a trimmed value: the host name, without brackets or a trailing dot,
// lowercased into `host`.
void assign_host(std::string& host, std::string_view value) {
  value = first_word(value);
  if (value.size() > 2 && value.front() == '[' && value.back() == ']') value = value.substr(1, value.size() - 2);
  while (!value.empty() && value.back() == '.') value.remove_suffix(1);
  mime::assign_lowercase(host, value);
}

}  // namespace

std::optional<DsnLine> read_dsn_line(std::string_view line) {
  std::size_t colon = find_in_first_block(line, ':');
  if (colon == std::string_view::npos && line.size() > 16) colon = line.find(':', 16);
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
      // The value is trimmed at both ends already: the type is trimmed at its end, the rest at its start.
      if (const std::size_t semicolon = find_in_first_block(value, ';'); semicolon != std::string_view::npos) {
        result.type = trim_end(value.substr(0, semicolon));
        value = trim_start(value.substr(semicolon + 1));
      }
    }
    result.value = value;
    return result;
  }
  return std::nullopt;
}

void apply_dsn_line(const DsnLine& line, DeliveryStatus& status) {
  // The value read_dsn_line gives is trimmed.
  switch (line.field) {
    case DsnField::kReportingMta:
    case DsnField::kReceivedFromMta:
      if (status.lhost.empty()) assign_host(status.lhost, line.value);
      break;
    case DsnField::kArrivalDate:
    case DsnField::kLastAttemptDate:
      status.date = std::string(line.value);
      break;
    case DsnField::kFinalRecipient:
      status.recipient = find_address(line.value);
      if (status.recipient.empty()) status.recipient = line.value;
      break;
    case DsnField::kOriginalRecipient:
    case DsnField::kActualRecipient:
      status.alias = find_address(line.value);
      break;
    case DsnField::kAction:
      mime::assign_lowercase(status.action, first_word(line.value));
      break;
    case DsnField::kStatus:
      status.status = first_word(line.value);
      break;
    case DsnField::kRemoteMta:
      assign_host(status.rhost, line.value);
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
