#include "check/spf_macros.h"

#include <algorithm>
#include <ctime>
#include <vector>

#include "mime/ascii.h"

namespace bg::check {

namespace {

constexpr std::string_view kDelimiters = ".-+,/_=";
constexpr std::size_t kMaxDomainLength = 253;

bool is_letter_allowed(char letter, MacroUse use) {
  const char lower = mime::to_lower_ascii(letter);
  if (std::string_view("slodipvh").find(lower) != std::string_view::npos) return true;
  return use == MacroUse::explanation &&
         std::string_view("crt").find(lower) != std::string_view::npos;
}

// One %{...} macro: the letter, how many right-hand parts to keep, reversal and delimiters.
struct Macro {
  char letter = 0;
  std::size_t keep = 0;  // 0: all parts
  bool reverse = false;
  std::string delimiters;
};

// Reads the macro whose '{' is at text[pos]; moves pos past the '}'. nullopt when malformed.
std::optional<Macro> read_macro(std::string_view text, std::size_t& pos, MacroUse use) {
  Macro macro;
  ++pos;  // past '{'
  if (pos >= text.size() || !is_letter_allowed(text[pos], use)) return std::nullopt;
  macro.letter = text[pos++];
  const std::size_t digits_start = pos;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  if (pos > digits_start) {
    // A count is at least 1; counts beyond the possible number of parts mean all of them.
    const std::string_view digits = text.substr(digits_start, pos - digits_start);
    if (digits.find_first_not_of('0') == std::string_view::npos) return std::nullopt;
    macro.keep = digits.size() > 3 ? 1000 : std::stoul(std::string(digits));
  }
  if (pos < text.size() && mime::to_lower_ascii(text[pos]) == 'r') {
    macro.reverse = true;
    ++pos;
  }
  while (pos < text.size() && kDelimiters.find(text[pos]) != std::string_view::npos)
    macro.delimiters.push_back(text[pos++]);
  if (pos >= text.size() || text[pos] != '}') return std::nullopt;
  ++pos;
  return macro;
}

bool is_macro_literal(char c, MacroUse use) {
  const auto byte = static_cast<unsigned char>(c);
  if (use == MacroUse::explanation && c == ' ') return true;
  return byte >= 0x21 && byte <= 0x7e && c != '%';
}

bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string url_escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    if (is_unreserved(c)) {
      out.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    }
  }
  return out;
}

// %{i} of an IPv6 address: its 32 nibbles, dot-separated, most significant first. The suite and
// the reference implementations print them in capitals.
std::string forward_nibbles(const dns::IpAddress& ip) {
  const std::string reversed = ip.reversed_labels();
  std::string out;
  for (auto c = reversed.rbegin(); c != reversed.rend(); ++c)
    out.push_back(*c >= 'a' && *c <= 'f' ? static_cast<char>(*c - 32) : *c);
  return out;
}

std::string macro_value(char letter, const MacroValues& values) {
  switch (mime::to_lower_ascii(letter)) {
    case 's':
      return values.sender;
    case 'l':
      return values.local_part;
    case 'o':
      return values.sender_domain;
    case 'd':
      return values.domain;
    case 'i':
      return values.ip.is_v4() ? values.ip.to_string() : forward_nibbles(values.ip);
    case 'p':
      return values.validated_name ? values.validated_name() : "unknown";
    case 'v':
      return values.ip.is_v4() ? "in-addr" : "ip6";
    case 'h':
      return values.helo;
    case 'c':
      return values.ip.to_string();
    case 'r':
      return "unknown";
    case 't':
      return std::to_string(std::time(nullptr));
  }
  return "";
}

std::string apply_transformers(const std::string& value, const Macro& macro) {
  std::string_view delimiters = macro.delimiters;
  if (delimiters.empty()) delimiters = ".";
  std::vector<std::string_view> parts;
  std::string_view rest = value;
  while (true) {
    const std::size_t split = rest.find_first_of(delimiters);
    parts.push_back(rest.substr(0, split));
    if (split == std::string_view::npos) break;
    rest.remove_prefix(split + 1);
  }
  if (macro.reverse) std::ranges::reverse(parts);
  const std::size_t first =
      macro.keep == 0 || macro.keep >= parts.size() ? 0 : parts.size() - macro.keep;
  std::string out;
  for (std::size_t i = first; i < parts.size(); ++i) {
    if (i > first) out += '.';
    out += parts[i];
  }
  return out;
}

// Walks `text` once: checks it and, when `values` is given, expands it into `out`.
std::optional<std::size_t> scan(std::string_view text, MacroUse use, const MacroValues* values,
                                std::string* out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c != '%') {
      if (!is_macro_literal(c, use)) return pos;
      if (out) out->push_back(c);
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    if (pos + 1 >= text.size()) return start;
    const char next = text[pos + 1];
    if (next == '%' || next == '_' || next == '-') {
      if (out) *out += next == '%' ? "%" : next == '_' ? " " : "%20";
      pos += 2;
      continue;
    }
    if (next != '{') return start;
    ++pos;
    const std::optional<Macro> macro = read_macro(text, pos, use);
    if (!macro) return start;
    if (values && out) {
      const std::string expanded = apply_transformers(macro_value(macro->letter, *values), *macro);
      const bool upper = macro->letter >= 'A' && macro->letter <= 'Z';
      *out += upper ? url_escape(expanded) : expanded;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> macro_syntax_error(std::string_view text, MacroUse use) {
  return scan(text, use, nullptr, nullptr);
}

bool ends_in_macro(std::string_view text) {
  bool last_was_macro = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    last_was_macro = text[pos] == '%' && pos + 1 < text.size();
    if (!last_was_macro)
      ++pos;
    else if (text[pos + 1] == '{')
      pos = std::min(text.find('}', pos), text.size() - 1) + 1;
    else
      pos += 2;
  }
  return last_was_macro;
}

std::optional<std::string> expand_macros(std::string_view text, const MacroValues& values,
                                         MacroUse use) {
  std::string out;
  if (scan(text, use, &values, &out)) return std::nullopt;
  return out;
}

std::string truncate_domain(std::string name) {
  while (name.size() > kMaxDomainLength) {
    const std::size_t dot = name.find('.');
    if (dot == std::string::npos) return name;
    name.erase(0, dot + 1);
  }
  return name;
}

}  // namespace bg::check
