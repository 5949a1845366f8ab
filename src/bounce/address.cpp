#include "bounce/address.h"

#include <string.h>

#include <array>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The characters of an address's local part and domain, as tables: find_address runs over
// every reply and header that may hold an address. Both take letters, digits and 8-bit bytes
// (internationalized addresses, RFC 6531), and some punctuation each.
constexpr std::array<bool, 256> address_chars(std::string_view punctuation) {
  std::array<bool, 256> table{};
  for (int c = 0x80; c < 0x100; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (char c : punctuation) table[static_cast<unsigned char>(c)] = true;
  return table;
}

constexpr std::array<bool, 256> kLocalChars = address_chars("!#$%&'*+-/=?^_`{|}~.");
constexpr std::array<bool, 256> kDomainChars = address_chars("-.[]:_");

bool is_local_char(char c) { return kLocalChars[static_cast<unsigned char>(c)]; }
bool is_domain_char(char c) { return kDomainChars[static_cast<unsigned char>(c)]; }

#if defined(__SSE2__)
// The same tables, for sixteen bytes at once: bit i is set when bytes[i] may be in a local part,
// or in a domain. Compared as signed bytes, those of 0x80 and above are the negative ones.
__m128i in_range(__m128i bytes, char low, char high) {
  return _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(static_cast<char>(low - 1))),
                       _mm_cmplt_epi8(bytes, _mm_set1_epi8(static_cast<char>(high + 1))));
}

__m128i equal(__m128i bytes, char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); }

unsigned local_bytes(const char* at) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  // Printable ASCII but the specials of RFC 5322 (section 3.2.3) and the space.
  const __m128i specials = _mm_or_si128(
      _mm_or_si128(_mm_or_si128(equal(bytes, '"'), equal(bytes, ',')), _mm_or_si128(equal(bytes, '>'), equal(bytes, '@'))),
      _mm_or_si128(in_range(bytes, '(', ')'), _mm_or_si128(in_range(bytes, ':', '<'), in_range(bytes, '[', ']'))));
  const __m128i local = _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_setzero_si128()),
                                     _mm_andnot_si128(specials, in_range(bytes, '!', '~')));
  return static_cast<unsigned>(_mm_movemask_epi8(local));
}

unsigned domain_bytes(const char* at) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  // Setting bit 0x20 lowercases a letter and makes no other byte one.
  const __m128i letters = in_range(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), 'a', 'z');
  const __m128i punctuation = _mm_or_si128(_mm_or_si128(in_range(bytes, '-', '.'), equal(bytes, '_')),
                                           _mm_or_si128(equal(bytes, '['), equal(bytes, ']')));
  // The digits and the ':' that follows them in ASCII are one range.
  const __m128i domain = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(bytes, _mm_setzero_si128()), letters),
                                      _mm_or_si128(in_range(bytes, '0', ':'), punctuation));
  return static_cast<unsigned>(_mm_movemask_epi8(domain));
}
#endif

// Where the run of local-part bytes that ends just before `at` starts. Sixteen bytes are tested
// at a time, going back, and the first sixteen of the text hold what is left, those at or after
// `at` dropped: the local part is mostly a block or less.
std::size_t local_part_start(std::string_view text, std::size_t at) {
#if defined(__SSE2__)
  for (; at >= 16; at -= 16)
    if (const unsigned outside = ~local_bytes(text.data() + at - 16) & 0xFFFFu)
      return at - 16 + static_cast<std::size_t>(32 - __builtin_clz(outside));
  if (at > 0 && text.size() >= 16) {
    const unsigned outside = ~local_bytes(text.data()) & ((1u << at) - 1);
    return outside != 0 ? static_cast<std::size_t>(32 - __builtin_clz(outside)) : 0;
  }
#endif
  while (at > 0 && is_local_char(text[at - 1])) --at;
  return at;
}

// Where the run of domain bytes that starts at `from` ends: sixteen bytes are tested at a time,
// and the last sixteen of the text hold what is left, those before `from` dropped.
std::size_t domain_end(std::string_view text, std::size_t from) {
#if defined(__SSE2__)
  for (; from + 16 <= text.size(); from += 16)
    if (const unsigned outside = ~domain_bytes(text.data() + from) & 0xFFFFu)
      return from + static_cast<std::size_t>(__builtin_ctz(outside));
  if (from < text.size() && text.size() >= 16) {
    const std::size_t last = text.size() - 16;
    const unsigned outside = ~domain_bytes(text.data() + last) & (0xFFFFu << (from - last)) & 0xFFFFu;
    return outside != 0 ? last + static_cast<std::size_t>(__builtin_ctz(outside)) : text.size();
  }
#endif
  while (from < text.size() && is_domain_char(text[from])) ++from;
  return from;
}

}  // namespace

// The local part, the '@' and the domain are one run of the text's bytes, so the address is a
// view of them rather than a string put together.
std::string_view address_in(std::string_view text) {
  std::size_t at = text.find('@');
  while (at != std::string_view::npos) {
    std::size_t start = local_part_start(text, at);
    // A quoted local part: "john doe"@example.com
    if (start == at && at >= 2 && text[at - 1] == '"') {
      const std::size_t open = text.rfind('"', at - 2);
      if (open != std::string_view::npos) start = open;
    }
    std::size_t end = domain_end(text, at + 1);
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == ':' || text[end - 1] == ']')) {
      if (text[end - 1] == ']' && text.substr(at + 1, end - at - 1).find('[') != std::string_view::npos) break;
      --end;
    }
    while (start < at && text[start] == '.') ++start;
    if (start < at && end > at + 1) return text.substr(start, end - start);
    at = text.find('@', at + 1);
  }
  return {};
}

std::string find_address(std::string_view text) { return std::string(address_in(text)); }

bool is_address(std::string_view text) {
  text = mime::trim(text);
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= text.size()) return false;
  return address_in(text) == text;
}

std::string_view domain_part(std::string_view address) {
  const void* at = address.empty() ? nullptr : ::memrchr(address.data(), '@', address.size());
  if (at == nullptr) return {};
  std::string_view domain = address.substr(static_cast<std::size_t>(static_cast<const char*>(at) - address.data()) + 1);
  while (!domain.empty() && (domain.back() == '>' || domain.back() == '.')) domain.remove_suffix(1);
  return domain;
}

std::string domain_of(std::string_view address) { return mime::lowercase(domain_part(address)); }

bool is_mailer_daemon(std::string_view text) {
  static constexpr std::string_view kSystemNames[] = {
      "mailer-daemon", "postmaster", "mail delivery", "mail administrator", "mail.delivery", "mailer daemon",
      "mail-daemon", "delivery subsystem", "mail system", "mailerdaemon", "maildaemon", "mdaemon", "post_master"};
  for (std::string_view name : kSystemNames)
    if (mime::icontains(text, name)) return true;
  return false;
}

}  // namespace bg::bounce
