#include "bounce/original/received.h"

#include <string.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bounce/address.h"
#include "mime/ascii.h"
#include "mime/headers.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

bool is_ipv4(std::string_view text) {
  int groups = 0;
  std::size_t digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (++digits > 3) return false;
    } else if (c == '.') {
      if (digits == 0) return false;
      ++groups;
      digits = 0;
    } else {
      return false;
    }
  }
  return groups == 3 && digits > 0;
}

bool is_ipv6(std::string_view text) {
  if (mime::istarts_with(text, "ipv6:")) text.remove_prefix(5);
  if (text.size() < 2 || text.find(':') == std::string_view::npos) return false;
  for (char c : text)
    if (!(mime::hex_digit_value(c) >= 0 || c == ':' || c == '.')) return false;
  return true;
}

// Where the clauses of a Received line start: the first "from", "by" and "with" written as
// whole words outside parentheses; npos for those absent.
struct Clauses {
  std::size_t from = std::string_view::npos;
  std::size_t by = std::string_view::npos;
  std::size_t with = std::string_view::npos;
};

// What separates words: a space or a tab, and a line break, with which a folded line is read
// as it is, where a fold separates words as the space it unfolds to does.
bool is_break(char c) { return mime::is_white_space_or_line_break(c); }

// Whether `c` can start a keyword: 'f', 'b' or 'w' in either case.
bool starts_keyword(char c) {
  const char lower = static_cast<char>(c | 0x20);
  return lower == 'f' || lower == 'b' || lower == 'w';
}

#if defined(__SSE2__)
// 0xFF for each of the sixteen bytes of `bytes` that is_break() takes, 0 for the others.
__m128i break_lanes(__m128i bytes) {
  return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t'))),
                      _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))));
}
#endif

// Calls `visit(i)` for each parenthesis of `text`, and each break before a byte that can
// start a keyword, in order, until it returns false: the only places where the depth changes or
// a clause can begin. Sixteen bytes are tested at a time: most of a Received line is none of them.
template <typename Visit>
void for_each_clause_byte(std::string_view text, Visit visit) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const char* bytes = text.data();
  // Each block is read with the byte after it, which the last position's test needs.
  for (; i + 17 <= text.size(); i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i next = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i + 1)), _mm_set1_epi8(0x20));
    const __m128i breaks = break_lanes(block);
    const __m128i before_keyword = _mm_or_si128(
        _mm_cmpeq_epi8(next, _mm_set1_epi8('f')),
        _mm_or_si128(_mm_cmpeq_epi8(next, _mm_set1_epi8('b')), _mm_cmpeq_epi8(next, _mm_set1_epi8('w'))));
    const __m128i parentheses = _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('(')), _mm_cmpeq_epi8(block, _mm_set1_epi8(')')));
    for (unsigned mask = static_cast<unsigned>(
             _mm_movemask_epi8(_mm_or_si128(_mm_and_si128(breaks, before_keyword), parentheses)));
         mask != 0; mask &= mask - 1)
      if (!visit(i + static_cast<std::size_t>(__builtin_ctz(mask)))) return;
  }
#endif
  for (; i < text.size(); ++i) {
    const bool marks = text[i] == '(' || text[i] == ')' ||
                       (is_break(text[i]) && i + 1 < text.size() && starts_keyword(text[i + 1]));
    if (marks && !visit(i)) return;
  }
}

// Whether the word at `at` is `keyword` (lowercase letters) in any case: the keyword followed by
// a break or the end of the text. Setting bit 0x20 lowercases a letter and turns no other
// byte into one.
bool is_keyword_at(std::string_view text, std::size_t at, std::string_view keyword) {
  const std::size_t end = at + keyword.size();
  if (end > text.size() || (end < text.size() && !is_break(text[end]))) return false;
  for (std::size_t i = 0; i < keyword.size(); ++i)
    if ((text[at + i] | 0x20) != keyword[i]) return false;
  return true;
}

// The clause a word starting at `at` opens, if it is one of the keywords.
std::size_t* keyword_slot(std::string_view text, std::size_t at, Clauses& clauses) {
  switch (text[at] | 0x20) {
    case 'f': return is_keyword_at(text, at, "from") ? &clauses.from : nullptr;
    case 'b': return is_keyword_at(text, at, "by") ? &clauses.by : nullptr;
    case 'w': return is_keyword_at(text, at, "with") ? &clauses.with : nullptr;
    default: return nullptr;
  }
}

// The clauses a reader needs: the search ends once they are found. A reader of the receiving
// host needs the by clause alone, one of the sending host the from clause and the by clause
// that ends it.
enum class Needed { kBy, kFromAndBy, kAll };

Clauses find_clauses(std::string_view text, Needed needed) {
  Clauses clauses;
  int depth = 0;
  // A word starts the text, or follows a break or a closing parenthesis.
  const auto word_at = [&](std::size_t at) {
    if (depth != 0 || at >= text.size()) return;
    std::size_t* slot = keyword_slot(text, at, clauses);
    if (slot != nullptr && *slot == std::string_view::npos) *slot = at;
  };
  word_at(0);
  // Once those needed are found, nothing later can change them.
  const auto all_found = [&] {
    return clauses.by != std::string_view::npos && (needed == Needed::kBy || clauses.from != std::string_view::npos) &&
           (needed != Needed::kAll || clauses.with != std::string_view::npos);
  };
  for_each_clause_byte(text, [&](std::size_t i) {
    if (text[i] == '(') {
      ++depth;
      return true;
    }
    if (text[i] == ')' && depth > 0) --depth;
    word_at(i + 1);
    return !all_found();
  });
  return clauses;
}

// The first of `kBytes` in `text` at or after `pos`, or the end of the text. Host names and
// addresses are read to their end this way: sixteen bytes are tested at a time.
template <char... kBytes>
std::size_t find_first_of(std::string_view text, std::size_t pos) {
#if defined(__SSE2__)
  for (; pos + 16 <= text.size(); pos += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    __m128i found = _mm_setzero_si128();
    ((found = _mm_or_si128(found, _mm_cmpeq_epi8(block, _mm_set1_epi8(kBytes)))), ...);
    if (const int mask = _mm_movemask_epi8(found)) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  while (pos < text.size() && ((text[pos] != kBytes) && ...)) ++pos;
  return pos;
}

std::string_view next_token(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_break(text[pos])) ++pos;
  // A token ends at a break, the ';' before the date, or the '(' of a comment.
  return text.substr(pos, find_first_of<' ', '\t', '\r', '\n', ';', '('>(text, pos) - pos);
}

std::string_view strip_brackets(std::string_view token) {
  while (!token.empty() && (token.front() == '[' || token.front() == '(' || token.front() == '<')) token.remove_prefix(1);
  while (!token.empty() && (token.back() == ']' || token.back() == ')' || token.back() == '>' || token.back() == '.' ||
                            token.back() == ','))
    token.remove_suffix(1);
  return token;
}

std::string_view without_ipv6_tag(std::string_view text) {
  if (mime::istarts_with(text, "ipv6:")) text.remove_prefix(5);
  return text;
}

// The first IP address in `text` written in brackets, or standing alone in parentheses.
std::string_view first_ip(std::string_view text) {
  for (std::size_t i = find_first_of<'[', '('>(text, 0); i < text.size(); i = find_first_of<'[', '('>(text, i + 1)) {
    const char close = text[i] == '[' ? ']' : ')';
    const std::size_t end = text.find(close, i + 1);
    if (end == std::string_view::npos) continue;
    std::string_view inside = mime::trim(text.substr(i + 1, end - i - 1));
    if (const std::size_t colon_port = inside.rfind("]:"); colon_port != std::string_view::npos)
      inside = inside.substr(0, colon_port);
    inside = without_ipv6_tag(inside);
    // "(host [1.2.3.4])": look inside the parentheses' own brackets first.
    if (close == ')') {
      const std::size_t bracket = inside.find('[');
      if (bracket != std::string_view::npos) {
        const std::size_t bracket_end = inside.find(']', bracket);
        if (bracket_end != std::string_view::npos) {
          const std::string_view candidate = without_ipv6_tag(inside.substr(bracket + 1, bracket_end - bracket - 1));
          if (is_ip_address(candidate)) return candidate;
        }
      }
    }
    if (is_ip_address(inside)) return inside;
  }
  return {};
}

#if defined(__SSE2__)
// Which of the sixteen bytes of `text` from `at` are `letter` (lowercase) in either case: setting
// bit 0x20 lowercases a letter and turns no other byte into one.
__m128i letters_at(std::string_view text, std::size_t at, char letter) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
  return _mm_cmpeq_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), _mm_set1_epi8(letter));
}
#endif

// The first position at or after `from` that a test reading `reach` bytes past it marks, or npos.
// `marks_block(start)` tests the sixteen positions from `start` at once, a bit each; those left
// after the last whole block are tested as the block that ends the text, its bits for positions
// before them dropped. `marks(at)` tests one position, for texts shorter than a block.
template <typename MarksBlock, typename Marks>
std::size_t next_marked(std::string_view text, std::size_t from, std::size_t reach,
                        [[maybe_unused]] MarksBlock marks_block, Marks marks) {
  std::size_t at = from;
#if defined(__SSE2__)
  if (text.size() >= reach + 16) {
    for (; at + reach + 16 <= text.size(); at += 16)
      if (const unsigned mask = marks_block(at)) return at + static_cast<std::size_t>(__builtin_ctz(mask));
    const std::size_t last = text.size() - reach - 16;
    if (at + reach >= text.size()) return std::string_view::npos;
    const unsigned mask = marks_block(last) & (~0u << (at - last));
    return mask != 0 ? last + static_cast<std::size_t>(__builtin_ctz(mask)) : std::string_view::npos;
  }
#endif
  for (; at + reach < text.size(); ++at)
    if (marks(at)) return at;
  return std::string_view::npos;
}

// Where a HELO marker may start, at or after `from`: two bytes before an "lo" in any case that
// is followed by '=' or a break, as each marker's is. Most from clauses are short and hold no
// marker, and the "lo" of "localhost" is passed over at once.
std::size_t next_helo_candidate(std::string_view text, std::size_t from) {
  constexpr std::size_t kReach = 4;  // a candidate's last byte, '=' or the break, is this far on
  return next_marked(
      text, from, kReach,
      [&](std::size_t start) {
#if defined(__SSE2__)
        const __m128i last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + start + kReach));
        const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(last, _mm_set1_epi8('=')), break_lanes(last));
        return static_cast<unsigned>(_mm_movemask_epi8(
            _mm_and_si128(_mm_and_si128(letters_at(text, start + 2, 'l'), letters_at(text, start + 3, 'o')), ends)));
#endif
      },
      [&](std::size_t at) {
        return (text[at + 2] | 0x20) == 'l' && (text[at + 3] | 0x20) == 'o' &&
               (text[at + kReach] == '=' || is_break(text[at + kReach]));
      });
}

// Where the next "auth" in any case starts, at or after `from`: every marker of an authenticated
// sender starts with it, and most lines hold none. The blocks are searched for the word's first
// and last letters, and the two between are looked at only where both are in place.
std::size_t next_auth(std::string_view text, std::size_t from) {
  constexpr std::string_view kAuth = "auth";
  constexpr std::size_t kReach = kAuth.size() - 1;
  const auto ends_in_block = [&](std::size_t start) {
#if defined(__SSE2__)
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(letters_at(text, start, 'a'), letters_at(text, start + kReach, 'h'))));
#endif
  };
  const auto auth_at = [&](std::size_t at) { return mime::istarts_with(text.substr(at), kAuth); };
  for (std::size_t at = from; (at = next_marked(text, at, kReach, ends_in_block, auth_at)) != std::string_view::npos; ++at)
    if (auth_at(at)) return at;
  return std::string_view::npos;
}

// Whether `marker` starts at `at` in `text`, in any case; a space that ends it is matched by any
// break, as in a folded line.
bool marker_at(std::string_view text, std::size_t at, std::string_view marker) {
  const std::string_view rest = text.substr(at);
  if (!marker.ends_with(' ')) return mime::istarts_with(rest, marker);
  return rest.size() >= marker.size() && mime::istarts_with(rest, marker.substr(0, marker.size() - 1)) &&
         is_break(rest[marker.size() - 1]);
}

// "helo=NAME" (Exim), "HELO NAME" (qmail) or "ehlo=NAME" inside the from-part, in that order of
// preference, each in any case.
std::string_view helo_name(std::string_view from_part) {
  constexpr std::string_view kMarkers[] = {"helo=", "HELO ", "ehlo="};
  std::size_t found[std::size(kMarkers)] = {std::string_view::npos, std::string_view::npos, std::string_view::npos};
  // Once the first marker is found, no later one can be preferred to it.
  for (std::size_t at = next_helo_candidate(from_part, 0); at != std::string_view::npos && found[0] == std::string_view::npos;
       at = next_helo_candidate(from_part, at + 1)) {
    for (std::size_t marker = 0; marker < std::size(kMarkers); ++marker)
      if (found[marker] == std::string_view::npos && marker_at(from_part, at, kMarkers[marker])) found[marker] = at;
  }
  for (std::size_t marker = 0; marker < std::size(kMarkers); ++marker)
    if (found[marker] != std::string_view::npos)
      return strip_brackets(next_token(from_part, found[marker] + kMarkers[marker].size()));
  return {};
}

// The sender a line says was authenticated, as written in it.
std::string_view authenticated_sender(std::string_view text) {
  constexpr std::string_view kMarkers[] = {"authenticated sender:", "authenticated as ", "authenticated user ", "auth=",
                                           "authenticated-id"};
  // Each marker starts with "auth": the first place of each is found in one pass over the "auth"s.
  std::size_t found[std::size(kMarkers)];
  std::fill(std::begin(found), std::end(found), std::string_view::npos);
  for (std::size_t at = next_auth(text, 0); at != std::string_view::npos; at = next_auth(text, at + 1))
    for (std::size_t marker = 0; marker < std::size(kMarkers); ++marker)
      if (found[marker] == std::string_view::npos && mime::istarts_with(text.substr(at), kMarkers[marker]))
        found[marker] = at;
  for (std::size_t marker = 0; marker < std::size(kMarkers); ++marker) {
    if (found[marker] == std::string_view::npos) continue;
    std::size_t from = found[marker] + kMarkers[marker].size();
    while (from < text.size() && (text[from] == ' ' || text[from] == '=' || text[from] == ':')) ++from;
    std::string_view rest = text.substr(from);
    const std::string_view address = address_in(rest.substr(0, rest.find(')')));
    if (!address.empty()) return address;
    const std::string_view token = strip_brackets(next_token(rest, 0));
    if (!token.empty() && !mime::iequals(token, "bits=0")) return token;
  }
  return {};
}

// The address in the first parenthesized group that holds one: "(name [IP])" or "([IP])".
std::string_view ip_in_parentheses(std::string_view from_part) {
  for (std::size_t open = from_part.find('('); open != std::string_view::npos; open = from_part.find('(', open + 1)) {
    const std::size_t close = from_part.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view group = from_part.substr(open + 1, close - open - 1);
    const std::size_t bracket = group.find('[');
    if (bracket == std::string_view::npos) continue;
    const std::size_t bracket_end = group.find(']', bracket);
    const std::string_view candidate = without_ipv6_tag(group.substr(
        bracket + 1, bracket_end == std::string_view::npos ? std::string_view::npos : bracket_end - bracket - 1));
    if (is_ip_address(candidate)) return candidate;
  }
  return {};
}

// Postfix and Sendmail write the name they looked up beside the IP: "(NAME [IP])". As written:
// the hop keeps it lowercased.
std::string_view looked_up_name(std::string_view from_part) {
  const std::size_t open = from_part.find('(');
  if (open == std::string_view::npos) return {};
  const std::size_t bracket = from_part.find('[', open);
  const std::size_t close = from_part.find(')', open);
  if (bracket == std::string_view::npos || close == std::string_view::npos || bracket > close) return {};
  const std::string_view name = mime::trim(from_part.substr(open + 1, bracket - open - 1));
  if (name.empty() || std::any_of(name.begin(), name.end(), is_break) || mime::iequals(name, "unknown") ||
      name.find('.') == std::string_view::npos)
    return {};
  return name;
}

// The line without its date: the part before the last ';'. The date is kept unfolded.
std::string_view without_date(std::string_view text, std::string* date) {
  const void* semicolon = text.empty() ? nullptr : ::memrchr(text.data(), ';', text.size());
  if (semicolon == nullptr) return text;
  const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(semicolon) - text.data());
  if (date != nullptr) {
    // Most dates are on one line, and are copied as they are; a folded one is unfolded into a
    // string each thread keeps first.
    thread_local std::string scratch;
    date->assign(mime::unfolded(mime::trim(text.substr(at + 1)), scratch));
  }
  return text.substr(0, at);
}

// The text of the from clause, up to the by clause or the end; none when the line has no from.
std::optional<std::string_view> from_part_of(std::string_view text, const Clauses& clauses) {
  const std::size_t from_at = clauses.from;
  const std::size_t by_at = clauses.by;
  if (from_at == std::string_view::npos) return std::nullopt;
  const std::size_t from_end = by_at != std::string_view::npos && by_at > from_at ? by_at : text.size();
  return text.substr(from_at + 4, from_end - from_at - 4);
}

// The name the from clause gives the sending host: its HELO name, or its first word where that
// is a name and the HELO name says less. A host that said hello with an address has no name,
// and is written as that address in brackets when the receiver saw another (`seen`).
void write_sending_host(std::string_view first, bool first_is_ip, std::string_view helo, std::string_view seen,
                        std::string& host) {
  if (first_is_ip) {
    if (helo.empty() && !seen.empty()) host.append("[").append(first).append("]");
    else host = helo;
  } else {
    host = helo.empty() ? first : (mime::iequals(first, "unknown") ? helo : first);
  }
}

// What the from clause says of the sending host: its name, address and looked-up name.
void read_from_clause(std::string_view text, const Clauses& clauses, ReceivedHop& hop) {
  const std::optional<std::string_view> clause = from_part_of(text, clauses);
  if (!clause) return;
  const std::string_view from_part = *clause;
  const std::string_view first = strip_brackets(next_token(from_part, 0));
  const std::string_view helo = helo_name(from_part);
  if (is_ip_address(first)) {
    // "from [192.168.1.23] (host.example.net [81.2.69.160])": the first address is what the
    // client said hello with (behind NAT, a private one); the receiver's own view of the
    // connection is in the parentheses, and that is the address that counts.
    const std::string_view seen = ip_in_parentheses(from_part);
    hop.from_ip = seen.empty() ? first : seen;
    write_sending_host(first, true, helo, seen, hop.from_host);
  } else {
    write_sending_host(first, false, helo, {}, hop.from_host);
    hop.from_ip = first_ip(from_part);
    // Exim writes the looked-up name first and the HELO after: "from NAME ([IP]) (helo=X)".
    if (!helo.empty() && !mime::iequals(first, "unknown")) mime::assign_lowercase(hop.from_rdns, first);
  }
  if (hop.from_rdns.empty()) mime::assign_lowercase(hop.from_rdns, looked_up_name(from_part));
}

std::string_view by_host(std::string_view text, const Clauses& clauses) {
  if (clauses.by == std::string_view::npos) return {};
  return strip_brackets(next_token(text, clauses.by + 2));
}

}  // namespace

bool is_ip_address(std::string_view text) { return is_ipv4(text) || is_ipv6(text); }

ReceivedHop parse_received(std::string_view value) {
  ReceivedHop hop;
  parse_received(value, hop);
  return hop;
}

void parse_received(std::string_view value, ReceivedHop& hop) {
  const std::string_view text = without_date(mime::trim(value), &hop.date);
  const Clauses clauses = find_clauses(text, Needed::kAll);
  read_from_clause(text, clauses, hop);
  hop.by_host = by_host(text, clauses);
  if (const std::size_t with_at = clauses.with; with_at != std::string_view::npos) {
    const std::string_view protocol = strip_brackets(next_token(text, with_at + 4));
    // Microsoft writes "with Microsoft SMTP Server": keep the words that name the protocol.
    hop.protocol = mime::iequals(protocol, "microsoft") ? "Microsoft SMTP Server" : protocol;
  }
  // The words of an authenticated sender's markers may be split by a fold: a line that holds
  // "auth", which most do not, is read for them unfolded.
  if (next_auth(value, 0) != std::string_view::npos) {
    std::string unfolded;
    hop.auth_sender = authenticated_sender(mime::unfolded(value, unfolded));
  }
}

std::string received_by_host(std::string_view value) {
  const std::string_view text = without_date(mime::trim(value), nullptr);
  return std::string(by_host(text, find_clauses(text, Needed::kBy)));
}

std::string received_from_host(std::string_view value) {
  const std::string_view text = without_date(mime::trim(value), nullptr);
  const std::optional<std::string_view> clause = from_part_of(text, find_clauses(text, Needed::kFromAndBy));
  if (!clause) return {};
  const std::string_view from_part = *clause;
  // Only the name: the addresses and the looked-up name that read_from_clause also finds are
  // left unread, and the address in parentheses is looked for only where the name depends on it.
  const std::string_view first = strip_brackets(next_token(from_part, 0));
  const std::string_view helo = helo_name(from_part);
  const bool first_is_ip = is_ip_address(first);
  std::string host;
  write_sending_host(first, first_is_ip, helo, first_is_ip && helo.empty() ? ip_in_parentheses(from_part) : "", host);
  return host;
}

}  // namespace bg::bounce
