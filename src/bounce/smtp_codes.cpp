#include "bounce/smtp_codes.h"

#include <array>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"

namespace bg::bounce {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads "C.SSS.DDD" at text[pos]; returns its length or 0.
std::size_t status_code_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || (text[pos] != '2' && text[pos] != '4' && text[pos] != '5')) return 0;
  std::size_t i = pos + 1;
  for (int group = 0; group < 2; ++group) {
    if (i >= text.size() || text[i] != '.') return 0;
    ++i;
    const std::size_t digits_start = i;
    while (i < text.size() && is_digit(text[i]) && i - digits_start < 3) ++i;
    if (i == digits_start) return 0;
  }
  return i - pos;
}

// Where a code may start, at or after `from`: a class digit ('2', '4' or '5', or `wanted_class`
// alone when given), then a dot for a status code ("5.") or a digit for a reply code ("55"),
// then a digit. npos when there is none. Codes are read several times per record, and most of a
// reply is none of these: sixteen positions are tested at a time.
std::size_t next_code_start(std::string_view text, std::size_t from, char wanted_class, bool dotted) {
  const auto is_class = [&](char c) {
    return wanted_class != 0 ? c == wanted_class : c == '2' || c == '4' || c == '5';
  };
  std::size_t i = from;
#if defined(__SSE2__)
  const auto digits = [](__m128i bytes) {
    return _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
  };
  const auto equal = [](__m128i bytes, char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
  for (; i + 2 + 16 <= text.size(); i += 16) {
    const char* at = text.data() + i;
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 1));
    const __m128i third = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 2));
    const __m128i classes = wanted_class != 0
                                ? equal(first, wanted_class)
                                : _mm_or_si128(equal(first, '2'), _mm_or_si128(equal(first, '4'), equal(first, '5')));
    const __m128i starts =
        _mm_and_si128(_mm_and_si128(classes, dotted ? equal(second, '.') : digits(second)), digits(third));
    if (const int mask = _mm_movemask_epi8(starts)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i + 2 < text.size(); ++i)
    if (is_class(text[i]) && (dotted ? text[i + 1] == '.' : is_digit(text[i + 1])) && is_digit(text[i + 2])) return i;
  return std::string_view::npos;
}

// A code must stand alone: not inside a longer dotted number such as an IP address or 1.2.3.4.
bool stands_alone(std::string_view text, std::size_t pos, std::size_t length) {
  if (pos > 0) {
    const char before = text[pos - 1];
    if (is_digit(before) || before == '.' || is_letter(before)) return false;
  }
  const std::size_t end = pos + length;
  if (end < text.size()) {
    const char after = text[end];
    if (is_digit(after)) return false;
    if (after == '.' && end + 1 < text.size() && is_digit(text[end + 1])) return false;
    if (is_letter(after)) return false;
  }
  return true;
}

// The reply codes SMTP servers use (RFC 5321, RFC 3463, RFC 4954, RFC 7504...); other numbers
// in reply texts are not codes. Kept as one bit per number from 0 to 999: replies are searched
// for codes several times per record.
constexpr auto kReplyCodes = [] {
  std::array<bool, 1000> known{};
  for (int code : {250, 251, 252, 253, 421, 422, 430, 432, 450, 451, 452, 453, 454, 455, 458, 459, 471, 500, 501,
                   502, 503, 504, 521, 523, 524, 525, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556, 557})
    known[static_cast<std::size_t>(code)] = true;
  return known;
}();

// `code` is three digits.
bool is_reply_code(std::string_view code) {
  return kReplyCodes[static_cast<std::size_t>((code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0'))];
}

// Whether `text` holds "x-unix;", in any case, the mark of a local program's error. It is found
// from its semicolon, which few replies hold, each one found with memchr, where a search for the
// whole mark tests every position of the text.
bool names_local_program(std::string_view text) {
  constexpr std::string_view kMark = "x-unix;";
  constexpr std::size_t kBefore = kMark.size() - 1;  // the bytes before the semicolon
  for (std::size_t at = text.find(';', kBefore); at != std::string_view::npos; at = text.find(';', at + 1))
    if (mime::iequals(text.substr(at - kBefore, kBefore), kMark.substr(0, kBefore))) return true;
  return false;
}

}  // namespace

bool is_status_code(std::string_view code) {
  return !code.empty() && status_code_length(code, 0) == code.size();
}

std::string find_status_code(std::string_view text) {
  std::string fallback;
  for (std::size_t pos = next_code_start(text, 0, 0, true); pos != std::string_view::npos;
       pos = next_code_start(text, pos + 1, 0, true)) {
    const std::size_t length = status_code_length(text, pos);
    if (length == 0 || !stands_alone(text, pos, length)) continue;
    const std::string_view code = text.substr(pos, length);
    // A success code (2.x.x) only counts when nothing better is in the text.
    if (code[0] == '2') {
      if (fallback.empty()) fallback = std::string(code);
      continue;
    }
    return std::string(code);
  }
  return fallback;
}

std::string find_reply_code(std::string_view text, char preferred_class) {
  // One pass over the codes of every class, which keeps the first in case none is preferred.
  std::string_view found;
  for (std::size_t pos = next_code_start(text, 0, 0, false); pos != std::string_view::npos;
       pos = next_code_start(text, pos + 1, 0, false)) {
    if (pos > 0 && (is_digit(text[pos - 1]) || text[pos - 1] == '.' || is_letter(text[pos - 1])))
      continue;
    const std::size_t end = pos + 3;
    if (end < text.size() && (is_digit(text[end]) || text[end] == '.' ||
                              is_letter(text[end])))
      continue;
    const std::string_view code = text.substr(pos, 3);
    if (!is_reply_code(code)) continue;
    if (found.empty()) found = code;
    if (preferred_class == 0 || code[0] == preferred_class) {
      found = code;
      break;
    }
  }
  // Only a text that holds a code is searched for the mark of a local program's error.
  if (found.empty() || names_local_program(text)) return {};
  return std::string(found);
}

}  // namespace bg::bounce
