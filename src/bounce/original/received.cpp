#include "bounce/original/received.h"

#include <string>

#include "bounce/address.h"
#include "mime/ascii.h"
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

Clauses find_clauses(std::string_view text) {
  Clauses clauses;
  int depth = 0;
  const auto is_break = [](char c) { return c == ' ' || c == '\t'; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    else if (text[i] == ')' && depth > 0) --depth;
    if (depth != 0) continue;
    const bool word_start = i == 0 || is_break(text[i - 1]) || text[i - 1] == ')';
    if (!word_start) continue;
    std::size_t end = i;
    while (end < text.size() && end - i < 5 && !is_break(text[end])) ++end;
    if (end < text.size() && !is_break(text[end])) continue;  // longer than any keyword
    const std::string_view word = text.substr(i, end - i);
    std::size_t* slot = mime::iequals(word, "from") ? &clauses.from
                        : mime::iequals(word, "by") ? &clauses.by
                        : mime::iequals(word, "with") ? &clauses.with
                                                      : nullptr;
    if (slot != nullptr && *slot == std::string_view::npos) *slot = i;
  }
  return clauses;
}

std::string_view next_token(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  std::size_t end = pos;
  while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != ';' && text[end] != '(') ++end;
  return text.substr(pos, end - pos);
}

std::string strip_brackets(std::string_view token) {
  while (!token.empty() && (token.front() == '[' || token.front() == '(' || token.front() == '<')) token.remove_prefix(1);
  while (!token.empty() && (token.back() == ']' || token.back() == ')' || token.back() == '>' || token.back() == '.' ||
                            token.back() == ','))
    token.remove_suffix(1);
  return std::string(token);
}

// The first IP address in `text` written in brackets, or standing alone in parentheses.
std::string first_ip(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '[' && text[i] != '(') continue;
    const char close = text[i] == '[' ? ']' : ')';
    const std::size_t end = text.find(close, i + 1);
    if (end == std::string_view::npos) continue;
    std::string_view inside = mime::trim(text.substr(i + 1, end - i - 1));
    if (const std::size_t colon_port = inside.rfind("]:"); colon_port != std::string_view::npos)
      inside = inside.substr(0, colon_port);
    if (mime::istarts_with(inside, "ipv6:")) inside.remove_prefix(5);
    // "(host [1.2.3.4])": look inside the parentheses' own brackets first.
    if (close == ')') {
      const std::size_t bracket = inside.find('[');
      if (bracket != std::string_view::npos) {
        const std::size_t bracket_end = inside.find(']', bracket);
        if (bracket_end != std::string_view::npos) {
          std::string_view candidate = inside.substr(bracket + 1, bracket_end - bracket - 1);
          if (mime::istarts_with(candidate, "ipv6:")) candidate.remove_prefix(5);
          if (is_ip_address(candidate)) return std::string(candidate);
        }
      }
    }
    if (is_ip_address(inside)) return std::string(inside);
  }
  return {};
}

// "helo=NAME" (Exim) or "HELO NAME" (qmail) inside the from-part.
std::string helo_name(std::string_view from_part) {
  for (std::string_view marker : {"helo=", "HELO ", "ehlo="}) {
    const std::size_t at = mime::ifind(from_part, marker);
    if (at == std::string_view::npos) continue;
    return strip_brackets(next_token(from_part, at + marker.size()));
  }
  return {};
}

std::string authenticated_sender(std::string_view text) {
  // Every marker starts with "auth"; most lines have none, and one search tells.
  const std::size_t first_auth = mime::ifind(text, "auth");
  if (first_auth == std::string_view::npos) return {};
  text.remove_prefix(first_auth);
  for (std::string_view marker : {"authenticated sender:", "authenticated as ", "authenticated user ", "auth=", "authenticated-id"}) {
    const std::size_t at = mime::ifind(text, marker);
    if (at == std::string_view::npos) continue;
    std::size_t from = at + marker.size();
    while (from < text.size() && (text[from] == ' ' || text[from] == '=' || text[from] == ':')) ++from;
    std::string_view rest = text.substr(from);
    const std::string address = find_address(rest.substr(0, rest.find_first_of(")")));
    if (!address.empty()) return address;
    const std::string token = strip_brackets(next_token(rest, 0));
    if (!token.empty() && !mime::iequals(token, "bits=0")) return token;
  }
  return {};
}

// The address in the first parenthesized group that holds one: "(name [IP])" or "([IP])".
std::string ip_in_parentheses(std::string_view from_part) {
  for (std::size_t open = from_part.find('('); open != std::string_view::npos; open = from_part.find('(', open + 1)) {
    const std::size_t close = from_part.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view group = from_part.substr(open + 1, close - open - 1);
    const std::size_t bracket = group.find('[');
    if (bracket == std::string_view::npos) continue;
    const std::size_t bracket_end = group.find(']', bracket);
    std::string_view candidate = group.substr(bracket + 1, bracket_end == std::string_view::npos ? std::string_view::npos
                                                                                                : bracket_end - bracket - 1);
    if (mime::istarts_with(candidate, "ipv6:")) candidate.remove_prefix(5);
    if (is_ip_address(candidate)) return std::string(candidate);
  }
  return {};
}

// Postfix and Sendmail write the name they looked up beside the IP: "(NAME [IP])".
std::string looked_up_name(std::string_view from_part) {
  const std::size_t open = from_part.find('(');
  if (open == std::string_view::npos) return {};
  const std::size_t bracket = from_part.find('[', open);
  const std::size_t close = from_part.find(')', open);
  if (bracket == std::string_view::npos || close == std::string_view::npos || bracket > close) return {};
  const std::string_view name = mime::trim(from_part.substr(open + 1, bracket - open - 1));
  if (name.empty() || name.find(' ') != std::string_view::npos || mime::iequals(name, "unknown") ||
      name.find('.') == std::string_view::npos)
    return {};
  return mime::lowercase(name);
}

}  // namespace

bool is_ip_address(std::string_view text) { return is_ipv4(text) || is_ipv6(text); }

ReceivedHop parse_received(std::string_view value) {
  ReceivedHop hop;
  std::string_view text = mime::trim(value);
  if (const std::size_t semicolon = text.rfind(';'); semicolon != std::string_view::npos) {
    hop.date = std::string(mime::trim(text.substr(semicolon + 1)));
    text = text.substr(0, semicolon);
  }

  const Clauses clauses = find_clauses(text);
  const std::size_t from_at = clauses.from;
  const std::size_t by_at = clauses.by;
  if (from_at != std::string_view::npos) {
    const std::size_t from_end = by_at != std::string_view::npos && by_at > from_at ? by_at : text.size();
    const std::string_view from_part = text.substr(from_at + 4, from_end - from_at - 4);
    const std::string first = strip_brackets(next_token(from_part, 0));
    const std::string helo = helo_name(from_part);
    if (is_ip_address(first)) {
      // "from [192.168.1.23] (host.example.net [81.2.69.160])": the first address is what the
      // client said hello with (behind NAT, a private one); the receiver's own view of the
      // connection is in the parentheses, and that is the address that counts.
      const std::string seen = ip_in_parentheses(from_part);
      hop.from_ip = seen.empty() ? first : seen;
      hop.from_host = helo.empty() && !seen.empty() ? "[" + first + "]" : helo;
    } else {
      hop.from_host = helo.empty() ? first : (mime::iequals(first, "unknown") ? helo : first);
      hop.from_ip = first_ip(from_part);
      // Exim writes the looked-up name first and the HELO after: "from NAME ([IP]) (helo=X)".
      if (!helo.empty() && !mime::iequals(first, "unknown")) hop.from_rdns = mime::lowercase(first);
    }
    if (hop.from_rdns.empty()) hop.from_rdns = looked_up_name(from_part);
  }
  if (by_at != std::string_view::npos) hop.by_host = strip_brackets(next_token(text, by_at + 2));
  if (const std::size_t with_at = clauses.with; with_at != std::string_view::npos) {
    hop.protocol = strip_brackets(next_token(text, with_at + 4));
    // Microsoft writes "with Microsoft SMTP Server": keep the words that name the protocol.
    if (mime::iequals(hop.protocol, "microsoft")) hop.protocol = "Microsoft SMTP Server";
  }
  hop.auth_sender = authenticated_sender(value);
  return hop;
}

}  // namespace bg::bounce
