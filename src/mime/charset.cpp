#include "mime/charset.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"

namespace bg::mime {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// A charset parameter without the spaces and quotes some senders leave around it.
std::string_view bare_charset(std::string_view charset) {
  while (!charset.empty() && (charset.front() == ' ' || charset.front() == '"')) charset.remove_prefix(1);
  while (!charset.empty() && (charset.back() == ' ' || charset.back() == '"')) charset.remove_suffix(1);
  return charset;
}

// Names seen in mail that iconv does not know by that spelling.
std::string canonical_charset(std::string_view charset) {
  std::string name = lowercase(bare_charset(charset));
  if (name == "utf8") return "utf-8";
  if (name == "ks_c_5601-1987" || name == "ks_c_5601" || name == "ksc5601") return "cp949";
  if (name == "x-sjis" || name == "shift-jis" || name == "sjis") return "shift_jis";
  if (name == "x-euc-jp") return "euc-jp";
  if (name == "unicode-1-1-utf-7") return "utf-7";  // Microsoft's name for it
  if (name == "iso-2022-jp") return "iso-2022-jp-2";  // a superset that tolerates common extensions
  if (name == "x-unknown" || name == "unknown-8bit" || name == "x-user-defined") return "";
  return name;
}

bool is_plain_utf8_name(std::string_view name) {
  return name.empty() || name == "utf-8" || name == "us-ascii" || name == "ascii";
}

// iconv descriptors are costly to open; keep one per charset and thread. Charset names come
// from the input, so the cache is emptied when it fills rather than grown without bound.
class ConverterCache {
 public:
  explicit ConverterCache(const char* target) : target_(target) {}
  ~ConverterCache() { close_all(); }
  iconv_t get(const std::string& charset) {
    auto it = converters_.find(charset);
    if (it != converters_.end()) return it->second;
    if (converters_.size() >= kCapacity) close_all();
    iconv_t cd = iconv_open(target_, charset.c_str());
    converters_.emplace(charset, cd);
    return cd;
  }

 private:
  static constexpr std::size_t kCapacity = 64;

  const char* target_;

  void close_all() {
    for (auto& [name, cd] : converters_)
      if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
    converters_.clear();
  }

  std::unordered_map<std::string, iconv_t> converters_;
};

thread_local ConverterCache converters("UTF-8");
// To glibc's own code points (WCHAR_T, UCS-4 in the machine's byte order): one step of iconv
// where UTF-8 takes a second, which costs more than the first.
thread_local ConverterCache code_point_converters("WCHAR_T");

// Length of the well-formed UTF-8 sequence at text[i], or 0 when the bytes there form none.
// The ranges are those of the Unicode Standard's table 3-7: overlong forms, surrogates and
// values past U+10FFFF are rejected, so what passes is UTF-8 any reader accepts.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_low = 0xA0;
    if (lead == 0xED) second_high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_low = 0x90;
    if (lead == 0xF4) second_high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size() || byte(1) < second_low || byte(1) > second_high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  return length;
}

// Whether text[i], a byte past ASCII, leads a well-formed two-byte sequence: the most common
// sequences in mail, which Latin, Greek and Cyrillic letters are written in, are told by this
// before the reading of a sequence of any length.
bool starts_two_byte_sequence(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  return lead >= 0xC2 && lead <= 0xDF && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80;
}

// Copies UTF-8, replacing each invalid byte with U+FFFD, when the text before `ascii_end` is
// known to be ASCII and text[ascii_end], if any, not. Valid runs are copied whole; only the bytes past
// ASCII are looked at one sequence at a time, and a run of ASCII is looked for only after a
// sequence followed by one.
void append_sanitized_utf8_after_ascii(std::string_view text, std::size_t ascii_end, std::string& out) {
  std::size_t run_start = 0;
  std::size_t i = ascii_end;
  while (i < text.size()) {
    const std::size_t length = starts_two_byte_sequence(text, i) ? 2 : utf8_sequence_length(text, i);
    if (length == 0) {
      out.append(text.substr(run_start, i - run_start));
      out.append(kReplacement);
      run_start = ++i;
    } else {
      i += length;
    }
    if (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) i = end_of_ascii(text, i);
  }
  out.append(text.substr(run_start));
}

void append_sanitized_utf8(std::string_view text, std::string& out) {
  append_sanitized_utf8_after_ascii(text, end_of_ascii(text, 0), out);
}

// Appends the code points a WCHAR_T converter wrote as UTF-8, each written in place of its four
// bytes, which are never fewer. A value that is no Unicode scalar value becomes U+FFFD; the
// charsets read this way have none.
void append_code_points_as_utf8(std::string_view converted, std::string& out) {
  const std::size_t start = out.size();
  out.resize(start + converted.size());
  char* to = out.data() + start;
  const auto put = [&](std::uint32_t byte) { *to++ = static_cast<char>(byte); };
  for (std::size_t at = 0; at + sizeof(char32_t) <= converted.size(); at += sizeof(char32_t)) {
    char32_t c;
    std::memcpy(&c, converted.data() + at, sizeof c);
    const bool surrogate = (c & 0xFFFFF800) == 0xD800;
    if (c < 0x80) {
      put(c);
    } else if (c < 0x800) {
      put(0xC0 | c >> 6);
      put(0x80 | (c & 0x3F));
    } else if (c < 0x10000 && !surrogate) {
      put(0xE0 | c >> 12);
      put(0x80 | (c >> 6 & 0x3F));
      put(0x80 | (c & 0x3F));
    } else if (c >= 0x10000 && c <= 0x10FFFF) {
      put(0xF0 | c >> 18);
      put(0x80 | (c >> 12 & 0x3F));
      put(0x80 | (c >> 6 & 0x3F));
      put(0x80 | (c & 0x3F));
    } else {
      for (char byte : kReplacement) put(static_cast<unsigned char>(byte));
    }
  }
  out.resize(static_cast<std::size_t>(to - out.data()));
}

// How a converter's output is appended: checked as UTF-8, or encoded from code points.
using AppendConverted = void (*)(std::string_view converted, std::string& out);

// iconv writes whole characters only, so each chunk of its output can be checked on its own.
// The check is needed: glibc accepts junk around charset names ("\xFF\xFFUTF-8" opens UTF-8)
// and its UTF-8 decoder lets code points past U+10FFFF through. The conversion goes on from
// the shift state the last call left.
void convert_run(iconv_t cd, std::string_view text, std::string& out,
                 AppendConverted append_converted = append_sanitized_utf8) {
  char* in = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  alignas(char32_t) char buffer[4096];
  while (in_left > 0) {
    char* dst = buffer;
    std::size_t dst_left = sizeof buffer;
    const std::size_t result = iconv(cd, &in, &in_left, &dst, &dst_left);
    append_converted(std::string_view(buffer, static_cast<std::size_t>(dst - buffer)), out);
    if (result != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    // EILSEQ or EINVAL: an invalid or truncated sequence. Mark it and go on after its first
    // byte; the shift state of a stateful charset still holds for the bytes that follow.
    out.append(kReplacement);
    ++in;
    --in_left;
  }
}

void reset(iconv_t cd) { iconv(cd, nullptr, nullptr, nullptr, nullptr); }

void flush_shift_state(iconv_t cd, std::string& out, AppendConverted append_converted = append_sanitized_utf8) {
  alignas(char32_t) char buffer[4096];
  char* dst = buffer;
  std::size_t dst_left = sizeof buffer;
  iconv(cd, nullptr, nullptr, &dst, &dst_left);
  append_converted(std::string_view(buffer, static_cast<std::size_t>(dst - buffer)), out);
}

void convert(iconv_t cd, std::string_view text, std::string& out) {
  reset(cd);
  convert_run(cd, text, out);
  flush_shift_state(cd, out);
}

// ISO-8859-1's bytes are the first 256 code points: those past ASCII are written here as their
// two bytes of UTF-8, and the runs of ASCII between them copied whole, instead of iconv spending
// tens of instructions on every byte in two steps.
void append_latin1_as_utf8(std::string_view text, std::string& out) {
  std::size_t run_start = 0;
  for (std::size_t i = end_of_ascii(text, 0); i < text.size(); i = end_of_ascii(text, run_start)) {
    out.append(text.substr(run_start, i - run_start));
    const auto byte = static_cast<unsigned char>(text[i]);
    out.push_back(static_cast<char>(0xC0 | byte >> 6));
    out.push_back(static_cast<char>(0x80 | (byte & 0x3F)));
    run_start = i + 1;
  }
  out.append(text.substr(run_start));
}

// ISO-2022-JP is 7-bit: a byte past ASCII is invalid whatever the state, and leaves the state as
// it is. Runs of them, as in EUC-JP text mislabelled ISO-2022-JP (some carriers send it), are
// marked here with a U+FFFD a byte, as iconv's errors would be, rather than by a call of iconv
// for every byte. A byte within reach of an escape sequence (the three after an ESC) is left to
// iconv, which reads such a sequence whole. `cd` converts to code points.
void convert_iso_2022_jp(iconv_t cd, std::string_view text, std::string& out) {
  reset(cd);
  std::size_t run_start = 0;
  std::size_t i = end_of_ascii(text, 0);
  while (i < text.size()) {
    const std::size_t reach = i < 3 ? 0 : i - 3;
    if (text.substr(reach, i - reach).find('\x1B') != std::string_view::npos) {
      i = end_of_ascii(text, i + 1);
      continue;
    }
    convert_run(cd, text.substr(run_start, i - run_start), out, append_code_points_as_utf8);
    for (; i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80; ++i) out.append(kReplacement);
    run_start = i;
    i = end_of_ascii(text, i);
  }
  convert_run(cd, text.substr(run_start), out, append_code_points_as_utf8);
  flush_shift_state(cd, out, append_code_points_as_utf8);
}

// The end of the run of ASCII from `from` that holds no ISO-2022 escape or shift byte. Sixteen
// bytes are tested at a time: a byte past ASCII is below zero as a signed one.
std::size_t end_of_unshifted_ascii(std::string_view text, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i shifts = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\x1B')),
                                        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\x0E')),
                                                     _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\x0F'))));
    const int stops = _mm_movemask_epi8(_mm_or_si128(shifts, _mm_cmplt_epi8(bytes, _mm_setzero_si128())));
    if (stops != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(stops)));
  }
#endif
  while (i < text.size() && text[i] != '\x1B' && text[i] != '\x0E' && text[i] != '\x0F' &&
         static_cast<unsigned char>(text[i]) < 0x80)
    ++i;
  return i;
}

// In ISO-2022-JP the ASCII before the first escape, and that after the last return to ASCII
// ("ESC ( B"), reads as itself: only the text between goes through iconv, which spends tens of
// instructions on every byte, and most Japanese notices are English around a Japanese middle.
// A text with the SO or SI shifts of the ISO-2022 family is converted whole, and so is one whose
// last "ESC ( B" may be no escape: after a single shift ("ESC N") its ESC is a character.
void append_iso_2022_jp_as_utf8(iconv_t cd, std::string_view text, std::string& out) {
  if (text.find('\x0E') != std::string_view::npos || text.find('\x0F') != std::string_view::npos) {
    convert_iso_2022_jp(cd, text, out);
    return;
  }
  const std::size_t shifted = end_of_unshifted_ascii(text, 0);
  std::size_t back_in_ascii = text.size();
  if (const std::size_t escape = text.rfind("\x1B(B"); escape != std::string_view::npos) {
    const bool single_shifted = escape >= 2 && text.substr(escape - 2, 2) == "\x1BN";
    if (!single_shifted && end_of_unshifted_ascii(text, escape + 3) == text.size()) back_in_ascii = escape + 3;
  }
  out.append(text.substr(0, shifted));
  if (back_in_ascii > shifted) convert_iso_2022_jp(cd, text.substr(shifted, back_in_ascii - shifted), out);
  out.append(text.substr(back_in_ascii));
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = end_of_ascii(text, 0); i < text.size(); i = end_of_ascii(text, i)) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// Whether ASCII `text` in `charset` reads as the same ASCII. ISO-2022 charsets and UTF-7 are
// 7-bit but shift into other characters: ISO-2022 by an escape sequence or the SO and SI bytes,
// UTF-7 by a '+'. Text without them never leaves ASCII, as the English parts of most Japanese
// bounces do not.
bool ascii_reads_as_itself(std::string_view text, std::string_view charset) {
  charset = bare_charset(charset);
  if (istarts_with(charset, "iso-2022"))
    return text.find('\x1B') == std::string_view::npos && text.find('\x0E') == std::string_view::npos &&
           text.find('\x0F') == std::string_view::npos;
  if (charset.size() >= 5 && iequals(charset.substr(charset.size() - 5), "utf-7"))
    return text.find('+') == std::string_view::npos;
  return true;
}

void append_as_utf8(std::string_view text, std::string_view charset, std::string& out) {
  // The ASCII before the first other byte is measured once, for the check of UTF-8 too.
  const std::size_t ascii_end = end_of_ascii(text, 0);
  if (ascii_end == text.size() && ascii_reads_as_itself(text, charset)) {
    out.append(text);
    return;
  }
  const std::string name = canonical_charset(charset);
  if (is_plain_utf8_name(name) && (name == "utf-8" || is_valid_utf8(text))) {
    append_sanitized_utf8_after_ascii(text, ascii_end, out);
    return;
  }
  if (name == "iso-8859-1") {
    append_latin1_as_utf8(text, out);
    return;
  }
  if (name.starts_with("iso-2022-jp")) {
    if (iconv_t cd = code_point_converters.get(name); cd != reinterpret_cast<iconv_t>(-1)) {
      append_iso_2022_jp_as_utf8(cd, text, out);
      return;
    }
  }
  iconv_t cd = is_plain_utf8_name(name) ? reinterpret_cast<iconv_t>(-1) : converters.get(name);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    if (is_valid_utf8(text)) {
      out.append(text);
      return;
    }
    cd = converters.get("windows-1252");
  }
  convert(cd, text, out);
}

void make_utf8_from(std::string& text, std::size_t start, std::string_view charset) {
  const std::string_view bytes = std::string_view(text).substr(start);
  if (end_of_ascii(bytes, 0) == bytes.size() && ascii_reads_as_itself(bytes, charset)) return;
  // Well-formed UTF-8 labelled so, or not labelled, is converted to itself: it is left where it
  // is rather than copied out to be appended back.
  if (is_plain_utf8_name(canonical_charset(charset)) && is_valid_utf8(bytes)) return;
  const std::string written(bytes);
  text.resize(start);
  append_as_utf8(written, charset, text);
}

std::string to_utf8(std::string_view text, std::string_view charset) {
  std::string out;
  out.reserve(text.size());
  append_as_utf8(text, charset, out);
  return out;
}

}  // namespace bg::mime
