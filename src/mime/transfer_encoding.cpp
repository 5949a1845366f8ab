#include "mime/transfer_encoding.h"

#include <array>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::mime {

namespace {

constexpr std::uint8_t kNotBase64 = 0xFF;

constexpr std::array<std::uint8_t, 256> make_base64_table() {
  std::array<std::uint8_t, 256> table{};
  for (auto& entry : table) entry = kNotBase64;
  constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i)
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::uint8_t>(i);
  return table;
}

constexpr auto kBase64 = make_base64_table();

// The bytes that end a run quoted-printable decoding copies as it is: escapes, and line ends
// (in a body, where white space before them is dropped) or the underscore that stands for a
// space (in a header).
bool ends_run(char c, bool in_header) {
  return c == '=' || (in_header ? c == '_' : (c == '\n' || c == '\r'));
}

// Copies the run that starts at `i` to `to` and returns where it ends: the first byte that
// ends_run(), or the end. Sixteen bytes are searched and copied at a time (SSE2), each block
// stored whole, the bytes after the run's end too: they land in room the decoder has made and
// writes over later, since its output never runs ahead of its input.
std::size_t copy_run(std::string_view encoded, std::size_t i, bool in_header, char* to) {
  const char* const from = encoded.data() + i;
#if defined(__SSE2__)
  const __m128i equals = _mm_set1_epi8('=');
  const __m128i first_end = _mm_set1_epi8(in_header ? '_' : '\n');
  const __m128i second_end = _mm_set1_epi8(in_header ? '_' : '\r');
  for (; i + 16 <= encoded.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(encoded.data() + i));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to + (encoded.data() + i - from)), bytes);
    const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(bytes, equals),
                                      _mm_or_si128(_mm_cmpeq_epi8(bytes, first_end), _mm_cmpeq_epi8(bytes, second_end)));
    if (const int mask = _mm_movemask_epi8(ends); mask != 0)
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < encoded.size() && !ends_run(encoded[i], in_header); ++i) to[encoded.data() + i - from] = encoded[i];
  return i;
}

}  // namespace

// Three bytes come of every four letters: the bytes are written into room made for them at once.
void append_base64_decoded(std::string_view encoded, std::string& out) {
  const std::size_t start = out.size();
  out.resize(start + encoded.size() / 4 * 3 + 2);
  char* const first = out.data() + start;
  char* to = first;
  std::uint32_t accumulator = 0;
  int bits = 0;
  for (char c : encoded) {
    if (c == '=') break;  // padding: the data is over
    const std::uint8_t value = kBase64[static_cast<unsigned char>(c)];
    if (value == kNotBase64) continue;
    accumulator = (accumulator << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *to++ = static_cast<char>((accumulator >> bits) & 0xFF);
    }
  }
  out.resize(start + static_cast<std::size_t>(to - first));
}

namespace {

// Decodes `encoded` to `to`, which has room for encoded.size() bytes (the decoded text is never
// longer), and returns the end of what was written.
char* decode_quoted_printable(std::string_view encoded, bool in_header, char* to) {
  std::size_t i = 0;
  const std::size_t size = encoded.size();
  while (i < size) {
    const char c = encoded[i];
    if (c == '=') {
      if (i + 2 < size) {
        const int high = hex_digit_value(encoded[i + 1]);
        const int low = hex_digit_value(encoded[i + 2]);
        if (high >= 0 && low >= 0) {
          *to++ = static_cast<char>(high * 16 + low);
          i += 3;
          continue;
        }
      }
      // A soft line break: '=' then optional white space then the line ending.
      std::size_t j = i + 1;
      while (j < size && is_space_or_tab(encoded[j])) ++j;
      if (j == size) break;
      if (encoded[j] == '\r' || encoded[j] == '\n') {
        if (encoded[j] == '\r' && j + 1 < size && encoded[j + 1] == '\n') ++j;
        i = j + 1;
        continue;
      }
      *to++ = '=';  // not an escape: keep it as written
      ++i;
      continue;
    }
    if (c == '_' && in_header) {
      *to++ = ' ';
      ++i;
      continue;
    }
    const std::size_t end = copy_run(encoded, i, in_header, to);
    char* const run_start = to;
    to += end - i;
    // White space before a line ending was added in transport (RFC 2045 6.7 rule 3).
    if (!in_header && (end == size || encoded[end] != '='))
      while (to != run_start && is_space_or_tab(to[-1])) --to;
    i = end;
    if (i < size && !in_header && encoded[i] != '=') *to++ = encoded[i++];  // the line ending
  }
  return to;
}

}  // namespace

// Every escape, soft line break and white space dropped lies within a line, so whole lines
// decode alone: they are decoded a stretch at a time into a buffer and appended from there,
// which costs less than zero-filling room in `out` for the whole text first. A line longer than
// the buffer is decoded into such room.
void append_quoted_printable_decoded(std::string_view encoded, std::string& out, bool in_header) {
  std::array<char, 4096> decoded;
  out.reserve(out.size() + encoded.size());
  while (!encoded.empty()) {
    std::string_view lines = encoded;
    if (lines.size() > decoded.size()) {
      const std::size_t last_line_end = encoded.substr(0, decoded.size()).rfind('\n');
      if (last_line_end == std::string_view::npos) break;
      lines = encoded.substr(0, last_line_end + 1);
    }
    const char* const end = decode_quoted_printable(lines, in_header, decoded.data());
    out.append(decoded.data(), static_cast<std::size_t>(end - decoded.data()));
    encoded.remove_prefix(lines.size());
  }
  if (encoded.empty()) return;
  const std::size_t start = out.size();
  out.resize(start + encoded.size());
  out.resize(static_cast<std::size_t>(decode_quoted_printable(encoded, in_header, out.data() + start) - out.data()));
}

bool is_identity_encoding(std::string_view encoding) {
  const std::string_view name = trim(encoding);
  return !iequals(name, "base64") && !iequals(name, "quoted-printable");
}

void append_transfer_decoded(std::string_view body, std::string_view encoding, std::string& out) {
  const std::string_view name = trim(encoding);
  if (iequals(name, "base64")) {
    append_base64_decoded(body, out);
  } else if (iequals(name, "quoted-printable")) {
    append_quoted_printable_decoded(body, out);
  } else {
    out.append(body);
  }
}

}  // namespace bg::mime
