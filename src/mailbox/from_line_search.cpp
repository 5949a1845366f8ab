#include "mailbox/from_line_search.h"

#if defined(__x86_64__)
#include <immintrin.h>
#define BG_FROM_SEARCH_X86 1
#endif

namespace bg::mailbox {

namespace {

bool is_pair_at(std::string_view text, std::size_t at, char line_break) {
  return text[at] == 'F' && (text[at - 1] == line_break || text[at - 1] == '>');
}

// Byte by byte from `at` (at least 1) to the end: the fallback, and the tail of the vector kernels.
std::size_t search_bytes(std::string_view text, std::size_t at, char line_break, bool& saw_carriage_return) {
  for (; at < text.size(); ++at) {
    if (text[at] == '\r') saw_carriage_return = true;
    if (is_pair_at(text, at, line_break)) return at;
  }
  return std::string_view::npos;
}

#if BG_FROM_SEARCH_X86
// Each block of bytes at `at` is compared, and so is the block one byte before it: a lane where
// the first holds an F and the second a line break or '>' is a pair.
std::size_t search_sse2(std::string_view text, std::size_t at, char line_break, bool& saw_carriage_return) {
  const char* bytes = text.data();
  const __m128i f = _mm_set1_epi8('F'), quote = _mm_set1_epi8('>'), cr = _mm_set1_epi8('\r');
  const __m128i breaks = _mm_set1_epi8(line_break);
  for (; at + 16 <= text.size(); at += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
    const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at - 1));
    const __m128i after_break = _mm_or_si128(_mm_cmpeq_epi8(before, breaks), _mm_cmpeq_epi8(before, quote));
    const unsigned pairs =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(after_break, _mm_cmpeq_epi8(block, f))));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(block, cr)) != 0) saw_carriage_return = true;
    if (pairs != 0) return at + static_cast<std::size_t>(__builtin_ctz(pairs));
  }
  return search_bytes(text, at, line_break, saw_carriage_return);
}

[[gnu::target("avx2")]] std::size_t search_avx2(std::string_view text, std::size_t at, char line_break,
                                                bool& saw_carriage_return) {
  const char* bytes = text.data();
  const __m256i f = _mm256_set1_epi8('F'), quote = _mm256_set1_epi8('>'), cr = _mm256_set1_epi8('\r');
  const __m256i breaks = _mm256_set1_epi8(line_break);
  for (; at + 32 <= text.size(); at += 32) {
    const __m256i block = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + at));
    const __m256i before = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + at - 1));
    const __m256i after_break =
        _mm256_or_si256(_mm256_cmpeq_epi8(before, breaks), _mm256_cmpeq_epi8(before, quote));
    const unsigned pairs =
        static_cast<unsigned>(_mm256_movemask_epi8(_mm256_and_si256(after_break, _mm256_cmpeq_epi8(block, f))));
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, cr)) != 0) saw_carriage_return = true;
    if (pairs != 0) return at + static_cast<std::size_t>(__builtin_ctz(pairs));
  }
  return search_sse2(text, at, line_break, saw_carriage_return);
}
#endif

}  // namespace

bool can_run(FromSearchKernel kernel) {
  switch (kernel) {
    case FromSearchKernel::bytes:
      return true;
#if BG_FROM_SEARCH_X86
    case FromSearchKernel::sse2:
      return true;
    case FromSearchKernel::avx2:
      return __builtin_cpu_supports("avx2");
#else
    default:
      return false;
#endif
  }
  return false;
}

FromSearchKernel fastest_from_search_kernel() {
  static const FromSearchKernel fastest = can_run(FromSearchKernel::avx2)   ? FromSearchKernel::avx2
                                          : can_run(FromSearchKernel::sse2) ? FromSearchKernel::sse2
                                                                            : FromSearchKernel::bytes;
  return fastest;
}

std::size_t find_f_after_break_or_quote(std::string_view text, std::size_t from, char line_break,
                                        bool& saw_carriage_return, FromSearchKernel kernel) {
  const std::size_t at = from == 0 ? 1 : from;
  switch (kernel) {
#if BG_FROM_SEARCH_X86
    case FromSearchKernel::avx2:
      return search_avx2(text, at, line_break, saw_carriage_return);
    case FromSearchKernel::sse2:
      return search_sse2(text, at, line_break, saw_carriage_return);
#endif
    default:
      return search_bytes(text, at, line_break, saw_carriage_return);
  }
}

}  // namespace bg::mailbox
