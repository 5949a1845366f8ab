#pragma once
// Line handling shared by the header and MIME scanners. Mail arrives with LF, CRLF or CR-only
// line endings; these helpers treat all three alike so callers never special-case them.
#include <cstddef>
#include <string_view>

namespace bg::mime {

// One line of a buffer: its text without the ending, and where the next line starts.
struct Line {
  std::string_view text;
  std::size_t next = 0;
};

// Returns the line that starts at `pos` (pos < data.size()).
inline Line line_at(std::string_view data, std::size_t pos) {
  std::size_t end = pos;
  const std::size_t size = data.size();
  while (end < size && data[end] != '\n' && data[end] != '\r') ++end;
  std::size_t next = end;
  if (next < size) {
    if (data[next] == '\r' && next + 1 < size && data[next + 1] == '\n') next += 2;
    else next += 1;
  }
  return {data.substr(pos, end - pos), next};
}

inline bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

}  // namespace bg::mime
