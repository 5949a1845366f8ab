#pragma once
// Line handling shared by the header and MIME scanners. Mail arrives with LF, CRLF or CR-only
// line endings; these helpers treat all three alike so callers never special-case them.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bg::mime {

// One line of a buffer: its text without the ending, and where the next line starts.
struct Line {
  std::string_view text;
  std::size_t next = 0;
};

// The position of the first '\n' or '\r' at or after `pos`, or data.size(). Sixteen bytes are
// tested at a time (SSE2, part of every x86-64), and the first match in a block is found from
// its bit mask; the last bytes of data of sixteen bytes or more as the block that ends it, its
// bits before `pos` dropped. Eight at a time elsewhere, with the classic has-zero-byte test.
inline std::size_t find_line_end(std::string_view data, std::size_t pos) {
  const std::size_t size = data.size();
#if defined(__SSE2__)
  const auto ends_in_block = [&](std::size_t at) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data.data() + at));
    return static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')))));
  };
  for (; pos + 16 <= size; pos += 16)
    if (const unsigned ends = ends_in_block(pos); ends != 0) return pos + static_cast<std::size_t>(__builtin_ctz(ends));
  if (pos < size && size >= 16) {
    const unsigned ends = ends_in_block(size - 16) >> (pos - (size - 16));
    return ends != 0 ? pos + static_cast<std::size_t>(__builtin_ctz(ends)) : size;
  }
#else
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  for (; pos + 8 <= size; pos += 8) {
    std::uint64_t word;
    std::memcpy(&word, data.data() + pos, 8);
    const std::uint64_t lf = word ^ (kOnes * '\n');
    const std::uint64_t cr = word ^ (kOnes * '\r');
    if ((((lf - kOnes) & ~lf) | ((cr - kOnes) & ~cr)) & kHighs) break;
  }
#endif
  while (pos < size && data[pos] != '\n' && data[pos] != '\r') ++pos;
  return pos;
}

// Returns the line that starts at `pos` (pos <= data.size(); at the end, an empty line). The view
// is made from the pointer rather than by substr, whose range check would cost a branch per line.
inline Line line_at(std::string_view data, std::size_t pos) {
  const std::size_t end = find_line_end(data, pos);
  const std::size_t size = data.size();
  std::size_t next = end;
  if (next < size) {
    if (data[next] == '\r' && next + 1 < size && data[next + 1] == '\n') next += 2;
    else next += 1;
  }
  return {std::string_view(data.data() + pos, end - pos), next};
}

inline bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

// Whether `c` is a space, a tab or a line break: one comparison and one bit of a mask, rather
// than four comparisons for the bytes that are none of them, nearly all that are looked at.
inline bool is_white_space_or_line_break(char c) {
  constexpr std::uint64_t kWhite = std::uint64_t{1} << ' ' | std::uint64_t{1} << '\t' | std::uint64_t{1} << '\r' |
                                   std::uint64_t{1} << '\n';
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' && (kWhite >> byte & 1) != 0;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_white_space_or_line_break(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_white_space_or_line_break(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace bg::mime
