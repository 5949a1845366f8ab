#pragma once
// ASCII case handling for protocol tokens (header names, media types, parameters), and the
// byte and text searches the parsers run over mail. Mail protocol keywords are ASCII, so
// locale-aware functions would only be slower and wrong.
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <string>
#include <string_view>

namespace bg::mime {

constexpr char to_lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// The value of a hexadecimal digit, or -1.
inline int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  // Bytes equal as written, most of those compared, cost one comparison rather than two foldings.
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] && to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
  return true;
}

inline bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

inline char to_upper_ascii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// The first `byte` in haystack[from, last], or npos.
inline std::size_t find_byte(std::string_view haystack, char byte, std::size_t from, std::size_t last) {
  if (from > last) return std::string_view::npos;
  const void* found = std::memchr(haystack.data() + from, byte, last - from + 1);
  return found == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(found) - haystack.data());
}

#if defined(__SSE2__)
// Sixteen bytes compared with `c`, exactly or ignoring ASCII case. For a letter, setting bit
// 0x20 of each byte folds both of its cases, and only them, onto the lowercase one.
template <bool kCaseless>
inline __m128i equal_bytes(__m128i bytes, char c) {
  const bool letter = to_lower_ascii(c) != to_upper_ascii(c);
  if (!kCaseless || !letter) return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c));
  return _mm_cmpeq_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), _mm_set1_epi8(to_lower_ascii(c)));
}
#endif

// The first `needle` in haystack at or after `from`, or npos. Sixteen candidate positions are
// tested at once by comparing the needle's first, second and last bytes (SSE2, part of every
// x86-64); only positions where all agree are compared in full. The positions left after the last
// whole block are tested as the block that ends at the last of them, its bits before them
// dropped: header values are often too short for more than one block. This needs no set-up, so it
// also suits the many short searches over header values, where memmem's tables cost more than the
// search.
template <bool kCaseless>
inline std::size_t find_by_ends(std::string_view haystack, std::string_view needle, std::size_t from) {
  constexpr std::size_t npos = std::string_view::npos;
  const std::size_t n = needle.size();
  if (from > haystack.size() || n > haystack.size() - from) return npos;
  if (n == 0) return from;
  const auto found_at = [&](std::size_t at) {
    return kCaseless ? iequals(haystack.substr(at, n), needle)
                     : std::memcmp(haystack.data() + at, needle.data(), n) == 0;
  };
  std::size_t i = from;
#if defined(__SSE2__)
  const char* h = haystack.data();
  // The second byte is tested too: with the first and last alone, needles that start with a line
  // break or end with a space ("\nFrom ") would stop at nearly every line.
  const std::size_t second = n > 2 ? 1 : 0;
  const auto candidates_at = [&](std::size_t at) {
    const __m128i at_first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + at));
    const __m128i at_second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + at + second));
    const __m128i at_last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + at + n - 1));
    return static_cast<unsigned>(_mm_movemask_epi8(
        _mm_and_si128(_mm_and_si128(equal_bytes<kCaseless>(at_first, needle[0]), equal_bytes<kCaseless>(at_second, needle[second])),
                      equal_bytes<kCaseless>(at_last, needle[n - 1]))));
  };
  const auto first_found = [&](std::size_t block, unsigned mask) {
    for (; mask != 0; mask &= mask - 1) {
      const std::size_t at = block + static_cast<std::size_t>(__builtin_ctz(mask));
      if (found_at(at)) return at;
    }
    return npos;
  };
  for (; i + (n - 1) + 16 <= haystack.size(); i += 16)
    if (const std::size_t at = first_found(i, candidates_at(i)); at != npos) return at;
  if (haystack.size() >= (n - 1) + 16) {
    const std::size_t last_block = haystack.size() - (n - 1) - 16;
    return first_found(last_block, candidates_at(last_block) & (~0u << (i - last_block)));
  }
#endif
  for (; i + n <= haystack.size(); ++i)
    if (found_at(i)) return i;
  return npos;
}

inline std::size_t find_text(std::string_view haystack, std::string_view needle, std::size_t from = 0) {
  if (needle.size() == 1 && from < haystack.size()) return find_byte(haystack, needle[0], from, haystack.size() - 1);
  return find_by_ends<false>(haystack, needle, from);
}

// The first byte of `text` at or after `from` that is one of the few `bytes`, or npos. The
// standard find_first_of calls memchr over `bytes` once for every byte of `text`, which costs
// more than the search over the short values it is used on.
inline std::size_t find_any(std::string_view text, std::string_view bytes, std::size_t from = 0) {
  for (std::size_t i = from; i < text.size(); ++i)
    for (char byte : bytes)
      if (text[i] == byte) return i;
  return std::string_view::npos;
}

inline bool contains_text(std::string_view haystack, std::string_view needle) {
  return find_text(haystack, needle) != std::string_view::npos;
}

// Case-insensitive search; returns npos when `needle` is absent.
inline std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0) {
  return find_by_ends<true>(haystack, needle, from);
}

inline bool icontains(std::string_view haystack, std::string_view needle) {
  return ifind(haystack, needle) != std::string_view::npos;
}

// The end of the run of ASCII bytes (below 0x80) that starts at `from`: the position of the
// first byte at or above 0x80, or text.size(). Sixteen bytes are tested at a time: the high bit
// of each is what SSE2's movemask collects. Past a first block, which ends most short runs, four
// blocks are tested at once by the high bits of their OR, since long runs, whole parts of
// English text, are most of what is read; the bytes left after the last whole block are
// tested as the block that ends the text, whose bytes before them are known to be ASCII.
inline std::size_t end_of_ascii(std::string_view text, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  const auto block_at = [&](std::size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
  };
  const auto high_bits = [&](std::size_t at) { return static_cast<unsigned>(_mm_movemask_epi8(block_at(at))); };
  if (i + 16 <= text.size()) {
    if (const unsigned high = high_bits(i); high != 0) return i + static_cast<std::size_t>(__builtin_ctz(high));
    for (i += 16; i + 64 <= text.size(); i += 64) {
      const __m128i any = _mm_or_si128(_mm_or_si128(block_at(i), block_at(i + 16)),
                                       _mm_or_si128(block_at(i + 32), block_at(i + 48)));
      if (_mm_movemask_epi8(any) != 0) break;
    }
    for (; i + 16 <= text.size(); i += 16)
      if (const unsigned high = high_bits(i); high != 0) return i + static_cast<std::size_t>(__builtin_ctz(high));
    if (i == text.size()) return i;
    const std::size_t last = text.size() - 16;
    const unsigned high = high_bits(last);
    return high != 0 ? last + static_cast<std::size_t>(__builtin_ctz(high)) : text.size();
  }
#else
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if ((word & kHighBits) != 0) break;
  }
#endif
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

// Lowercases the `size` bytes at `text` a word at a time: in each byte below 0x80 from 'A' to 'Z',
// told by adding to its low seven bits so that bit 7 marks it at or above 'A' and not above 'Z',
// bit 0x20 is set. Words overlap at the end, which lowercasing twice does not change; texts too
// short for a four-byte word go byte by byte.
inline void lowercase_in_place(char* text, std::size_t size) {
  const auto lower_word_at = [&]<typename Word>(Word, std::size_t at) {
    constexpr Word kEach = static_cast<Word>(0x0101010101010101ULL);
    Word word;
    std::memcpy(&word, text + at, sizeof word);
    const Word low_bits = word & (0x7F * kEach);
    const Word upper = (low_bits + (0x80 - 'A') * kEach) & ~(low_bits + (0x7F - 'Z') * kEach) & ~word & (0x80 * kEach);
    word |= upper >> 2;
    std::memcpy(text + at, &word, sizeof word);
  };
  if (size >= 8) {
    for (std::size_t at = 0; at + 8 < size; at += 8) lower_word_at(std::uint64_t{}, at);
    lower_word_at(std::uint64_t{}, size - 8);
  } else if (size >= 4) {
    lower_word_at(std::uint32_t{}, 0);
    lower_word_at(std::uint32_t{}, size - 4);
  } else {
    for (std::size_t at = 0; at < size; ++at) text[at] = to_lower_ascii(text[at]);
  }
}

inline std::string lowercase(std::string_view s) {
  std::string out(s);
  lowercase_in_place(out.data(), out.size());
  return out;
}

// `s` lowercased into `out`, over the storage `out` already has.
inline void assign_lowercase(std::string& out, std::string_view s) {
  out.assign(s);
  lowercase_in_place(out.data(), out.size());
}

}  // namespace bg::mime
