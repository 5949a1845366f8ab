#include "mime/encoded_words.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"
#include "mime/charset.h"
#include "mime/lines.h"
#include "mime/transfer_encoding.h"

namespace bg::mime {

namespace {

struct EncodedWord {
  std::string_view charset;
  char encoding = 0;  // 'B' or 'Q'
  std::string_view text;
  std::size_t end = 0;  // offset just past "?="
};

// Finds the "?=" that closes an encoded word. The words of a value are read left to right, so
// each search starts where the last one found its answer: the value is scanned once however
// many unclosed "=?" it holds.
class TerminatorFinder {
 public:
  explicit TerminatorFinder(std::string_view value) : value_(value) {}
  std::size_t find(std::size_t from) {
    if (!searched_ || (found_ != std::string_view::npos && found_ < from)) {
      found_ = value_.find("?=", from);
      searched_ = true;
    }
    return found_;
  }

 private:
  std::string_view value_;
  std::size_t found_ = std::string_view::npos;
  bool searched_ = false;
};

// Recognizes an encoded word starting at value[pos] == '='.
bool read_encoded_word(std::string_view value, std::size_t pos, TerminatorFinder& terminators,
                       EncodedWord& word) {
  if (value.substr(pos, 2) != "=?") return false;
  const std::size_t charset_end = value.find('?', pos + 2);
  if (charset_end == std::string_view::npos || charset_end + 2 >= value.size()) return false;
  if (value[charset_end + 2] != '?') return false;
  const char encoding = value[charset_end + 1];
  if (encoding != 'B' && encoding != 'b' && encoding != 'Q' && encoding != 'q') return false;
  const std::size_t text_start = charset_end + 3;
  const std::size_t text_end = terminators.find(text_start);
  if (text_end == std::string_view::npos) return false;
  std::string_view charset = value.substr(pos + 2, charset_end - pos - 2);
  if (charset.find_first_of(" \t") != std::string_view::npos) return false;
  // RFC 2231 section 5 allows a language after '*': "=?utf-8*en?Q?...?="
  if (const std::size_t star = charset.find('*'); star != std::string_view::npos)
    charset = charset.substr(0, star);
  word.charset = charset;
  word.encoding = static_cast<char>(encoding & ~0x20);
  word.text = value.substr(text_start, text_end - text_start);
  word.end = text_end + 2;
  return true;
}

// For a value of four to sixteen bytes, read as two words at its start and its end that overlap
// or meet: 0 when a byte is past ASCII, 1 when none is and none is a '=', and -1 when one is a
// '=', which leaves the answer to a look at each byte.
template <typename Word>
int plain_ascii_without_equals(std::string_view value) {
  constexpr Word kEach = static_cast<Word>(0x0101010101010101ULL);
  Word first, last;
  std::memcpy(&first, value.data(), sizeof first);
  std::memcpy(&last, value.data() + value.size() - sizeof last, sizeof last);
  if (((first | last) & (0x80 * kEach)) != 0) return 0;
  const auto holds_equals = [&](Word word) {
    const Word differences = word ^ ('=' * kEach);
    return ((differences - kEach) & ~differences & (0x80 * kEach)) != 0;
  };
  return holds_equals(first) || holds_equals(last) ? -1 : 1;
}

}  // namespace

// One pass for both questions, seventeen bytes at a time: each block tested for bytes past ASCII
// and for a '=' followed by a '?', the last block overlapping the one before it. A shorter value
// is looked at byte by byte only when it holds a '='.
bool needs_no_decoding(std::string_view value) {
  const std::size_t size = value.size();
#if defined(__SSE2__)
  if (size >= 17) {
    for (std::size_t i = 0;; i += 16) {
      const std::size_t at = std::min(i, size - 17);
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(value.data() + at));
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(value.data() + at + 1));
      const __m128i opens = _mm_and_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('=')), _mm_cmpeq_epi8(next, _mm_set1_epi8('?')));
      if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(bytes, next), opens)) != 0) return false;
      if (at == size - 17) return true;
    }
  }
#endif
  if (size >= 4 && size <= 16) {  // most parameter values and short headers
    const int plain = size >= 8 ? plain_ascii_without_equals<std::uint64_t>(value)
                                : plain_ascii_without_equals<std::uint32_t>(value);
    if (plain >= 0) return plain == 1;
  }
  for (std::size_t i = 0; i < size; ++i) {
    if (static_cast<unsigned char>(value[i]) >= 0x80) return false;
    if (value[i] == '=' && i + 1 < size && value[i + 1] == '?') return false;
  }
  return true;
}

std::string decode_encoded_words(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  if (!contains_text(value, "=?")) {  // most values hold no encoded word at all
    append_as_utf8(value, "utf-8", out);
    return out;
  }
  // Adjacent words in one charset are decoded together before conversion, because senders
  // split multi-byte characters across words.
  std::string pending_bytes;
  std::string_view pending_charset;
  auto flush_pending = [&] {
    if (!pending_bytes.empty()) append_as_utf8(pending_bytes, pending_charset, out);
    pending_bytes.clear();
  };

  TerminatorFinder terminators(value);
  std::size_t plain_start = 0;
  std::size_t i = 0;
  while (i < value.size()) {
    EncodedWord word;
    if (value[i] != '=' || !read_encoded_word(value, i, terminators, word)) {
      i = value.find('=', i + 1);  // words start with "=?"
      if (i == std::string_view::npos) break;
      continue;
    }
    const std::string_view between = value.substr(plain_start, i - plain_start);
    const bool joins_previous_word = plain_start > 0 && trim(between).empty() && !pending_bytes.empty();
    if (!joins_previous_word || !iequals(word.charset, pending_charset)) flush_pending();
    if (!joins_previous_word) append_as_utf8(between, "utf-8", out);
    pending_charset = word.charset;
    if (word.encoding == 'B') append_base64_decoded(word.text, pending_bytes);
    else append_quoted_printable_decoded(word.text, pending_bytes, true);
    i = word.end;
    plain_start = i;
  }
  flush_pending();
  append_as_utf8(value.substr(plain_start), "utf-8", out);
  return out;
}

}  // namespace bg::mime
