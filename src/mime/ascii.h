#pragma once
// ASCII case handling for protocol tokens (header names, media types, parameters). Mail
// protocol keywords are ASCII, so locale-aware functions would only be slower and wrong.
#include <string>
#include <string_view>

namespace bg::mime {

inline char to_lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// The value of a hexadecimal digit, or -1.
inline int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
  return true;
}

inline bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Case-insensitive search; returns npos when `needle` is absent.
inline std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0) {
  if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
  const char first = to_lower_ascii(needle[0]);
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (to_lower_ascii(haystack[i]) == first && iequals(haystack.substr(i, needle.size()), needle))
      return i;
  }
  return std::string_view::npos;
}

inline bool icontains(std::string_view haystack, std::string_view needle) {
  return ifind(haystack, needle) != std::string_view::npos;
}

inline std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower_ascii(c);
  return out;
}

}  // namespace bg::mime
