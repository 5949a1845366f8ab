#pragma once
// Line handling shared by the header and MIME scanners. Mail arrives with LF, CRLF or CR-only
// line endings; these helpers treat all three alike so callers never special-case them.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace bg::mime {

// One line of a buffer: its text without the ending, and where the next line starts.
struct Line {
  std::string_view text;
  std::size_t next = 0;
};

// The position of the first '\n' or '\r' at or after `pos`, or data.size(). Eight bytes are
// tested at a time: a byte equal to the one sought leaves a zero byte after the XOR, and the
// classic has-zero-byte test finds it.
inline std::size_t find_line_end(std::string_view data, std::size_t pos) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  const std::size_t size = data.size();
  for (; pos + 8 <= size; pos += 8) {
    std::uint64_t word;
    std::memcpy(&word, data.data() + pos, 8);
    const std::uint64_t lf = word ^ (kOnes * '\n');
    const std::uint64_t cr = word ^ (kOnes * '\r');
    if ((((lf - kOnes) & ~lf) | ((cr - kOnes) & ~cr)) & kHighs) break;
  }
  while (pos < size && data[pos] != '\n' && data[pos] != '\r') ++pos;
  return pos;
}

// Returns the line that starts at `pos` (pos < data.size()).
inline Line line_at(std::string_view data, std::size_t pos) {
  const std::size_t end = find_line_end(data, pos);
  const std::size_t size = data.size();
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
