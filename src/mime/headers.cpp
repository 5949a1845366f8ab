#include "mime/headers.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"
#include "mime/encoded_words.h"
#include "mime/lines.h"

namespace bg::mime {

namespace {

// A field name is printable ASCII other than the colon (RFC 5322 section 3.6.8).
constexpr std::array<bool, 256> kFieldNameChars = [] {
  std::array<bool, 256> table{};
  for (int c = 33; c < 127; ++c) table[c] = c != ':';
  return table;
}();

// The length of the run of field-name bytes at the start of `line`. Most names fit in sixteen
// bytes, which are tested at once: a field-name byte is one above the space and below DEL, other
// than the colon, and compared as signed bytes those of 0x80 and above fall below the space too.
std::size_t field_name_length(std::string_view line) {
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= line.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
    const __m128i outside = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(33)),
                                                      _mm_cmpeq_epi8(bytes, _mm_set1_epi8(127))),
                                         _mm_cmpeq_epi8(bytes, _mm_set1_epi8(':')));
    if (const int ends = _mm_movemask_epi8(outside); ends != 0)
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(ends)));
  }
#endif
  while (i < line.size() && kFieldNameChars[static_cast<unsigned char>(line[i])]) ++i;
  return i;
}

// Where the field that starts `line` has its name end and its colon. The name ends at the first
// byte that cannot be in one, so it never ends in white space.
struct FieldStart {
  std::size_t name_end = 0;
  std::size_t colon = std::string_view::npos;  // npos when the line does not start a field
};

// Always inlined: the parse asks it once for every field, and the compiler, seeing two callers,
// would keep it a call, whose overhead every field would pay.
[[gnu::always_inline]] inline FieldStart field_start(std::string_view line) {
  const std::size_t name_end = field_name_length(line);
  std::size_t i = name_end;
  if (i == 0 || i == line.size()) return {};
  if (line[i] == ':') return {name_end, i};
  // Some mailers write "Name : value"; allow white space between the name and the colon.
  if (!is_space_or_tab(line[i])) return {};
  while (i < line.size() && is_space_or_tab(line[i])) ++i;
  return i < line.size() && line[i] == ':' ? FieldStart{name_end, i} : FieldStart{};
}

// A line starting with "--" may be a MIME boundary delimiter, which always ends a header block.
bool may_be_boundary(std::string_view line) { return line.starts_with("--"); }

// A line that can be neither a field nor a continuation in a well-formed header block.
bool is_malformed_header_line(std::string_view line) {
  return !line.empty() && !may_be_boundary(line) && field_start(line).colon == std::string_view::npos;
}

// Whether `text` holds a line break or a tab, what unfolding changes. Sixteen bytes are tested at
// once, the last sixteen overlapping the block before them, in one pass rather than a search for
// each of the three.
bool holds_break_or_tab(std::string_view text) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const auto any_in = [&](std::size_t at) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    const __m128i found = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')),
                                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r'))),
                                       _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')));
    return _mm_movemask_epi8(found) != 0;
  };
  if (text.size() >= 16) {
    for (; i + 16 <= text.size(); i += 16)
      if (any_in(i)) return true;
    return i < text.size() && any_in(text.size() - 16);
  }
#endif
  for (; i < text.size(); ++i)
    if (text[i] == '\n' || text[i] == '\r' || text[i] == '\t') return true;
  return false;
}

// Widens a field's value to run up to `end`, the end of a later line of the block.
void extend_value(HeaderField& field, const char* end) {
  field.value = std::string_view(field.value.data(), static_cast<std::size_t>(end - field.value.data()));
}

// Whether the word `ascii`, whose bytes are all below 0x80, and the word `other` are equal but
// for ASCII case: they differ only in bit 0x20, and only in bytes where that bit makes a letter.
// A byte of `other` past ASCII differs from its byte of `ascii` in bit 7.
template <typename Word>
bool same_but_case(Word ascii, Word other) {
  // Names are nearly always written in the case they are looked up in.
  if (ascii == other) return true;
  constexpr Word kEach = static_cast<Word>(0x0101010101010101ULL);
  const Word lower = ascii | (0x20 * kEach);
  // Bit 7 of each byte of `lower` in 'a'..'z': above 'a' - 1 and not above 'z', each sum short of
  // a carry into the next byte.
  const Word letters = ((lower + (0x80 - 'a') * kEach) & ~(lower + (0x7F - 'z') * kEach)) & (0x80 * kEach);
  return static_cast<Word>((ascii ^ other) & ~(letters >> 2)) == 0;
}

template <typename Word>
Word word_at(const char* text) {
  Word word;
  std::memcpy(&word, text, sizeof word);
  return word;
}

// Whether the words at `a` and `b` are equal but for ASCII case: 1 when they are, 0 when not, -1
// when either holds a byte past ASCII, which the caller compares byte by byte.
template <typename Word>
int same_but_case_at(const char* a, const char* b) {
  const Word x = word_at<Word>(a);
  const Word y = word_at<Word>(b);
  if (((x | y) & (0x80 * static_cast<Word>(0x0101010101010101ULL))) != 0) return -1;
  return same_but_case(x, y) ? 1 : 0;
}

// The `size` bytes at `field_name` and at `name`, all of them ASCII at `field_name`, compared a
// word at a time, the last word overlapping the one before it.
template <typename Word>
bool same_words_but_case(const char* field_name, const char* name, std::size_t size) {
  for (std::size_t at = 0; at + sizeof(Word) < size; at += sizeof(Word))
    if (!same_but_case(word_at<Word>(field_name + at), word_at<Word>(name + at))) return false;
  return same_but_case(word_at<Word>(field_name + size - sizeof(Word)), word_at<Word>(name + size - sizeof(Word)));
}

// Whether a field's name is `name` but for ASCII case. The parse leaves only printable ASCII in a
// field's name, so unlike iequals_name this needs no look for bytes past ASCII, and names of two
// or three bytes are compared as two two-byte words rather than byte by byte.
bool field_is_named(std::string_view field_name, std::string_view name) {
  const std::size_t n = name.size();
  if (field_name.size() != n) return false;
  if (n >= 8) return same_words_but_case<std::uint64_t>(field_name.data(), name.data(), n);
  if (n >= 4) return same_words_but_case<std::uint32_t>(field_name.data(), name.data(), n);
  if (n >= 2) return same_words_but_case<std::uint16_t>(field_name.data(), name.data(), n);
  return n == 0 || same_but_case<std::uint8_t>(field_name[0], name[0]);
}

}  // namespace

// A word at a time: names of eight bytes or more as eight-byte words, the last one overlapping
// the one before it, and names of four to seven bytes as two four-byte words that overlap. A name
// with a byte past ASCII, which field names do not hold, and a shorter one go byte by byte.
bool iequals_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const std::size_t n = a.size();
  int same = 1;
  if (n >= 8) {
    for (std::size_t i = 0; same == 1 && i < n; i += 8) {
      const std::size_t at = std::min(i, n - 8);
      same = same_but_case_at<std::uint64_t>(a.data() + at, b.data() + at);
    }
  } else if (n >= 4) {
    same = same_but_case_at<std::uint32_t>(a.data(), b.data());
    if (same == 1) same = same_but_case_at<std::uint32_t>(a.data() + n - 4, b.data() + n - 4);
  } else {
    same = -1;
  }
  return same < 0 ? iequals(a, b) : same == 1;
}

std::size_t Headers::parse(std::string_view message) {
  body_offset_ = parse_block<true>(message);
  return body_offset_;
}

std::size_t Headers::parse_fields(std::string_view message) {
  body_offset_ = parse_block<false>(message);
  return body_offset_;
}

template <bool kIndexNames>
std::size_t Headers::parse_block(std::string_view message) {
  fields_.clear();
  names_.clear();
  // Room for a typical header block at once, rather than growing through six reallocations.
  if (fields_.capacity() == 0) fields_.reserve(32);
  ended_by_blank_line_ = false;
  std::size_t pos = 0;
  if (message.starts_with("From ")) pos = line_at(message, 0).next;

  while (pos < message.size()) {
    const std::string_view rest = message.substr(pos);
    if (is_white_space_or_line_break(rest[0])) {
      const Line line = line_at(message, pos);
      if (line.text.empty()) {
        ended_by_blank_line_ = true;
        return line.next;
      }
      if (!fields_.empty()) {
        extend_value(fields_.back(), line.text.data() + line.text.size());
        pos = line.next;
        continue;
      }
      if (trim(line.text).empty()) {  // white space only: read as the blank line
        ended_by_blank_line_ = true;
        return line.next;
      }
      pos = line.next;  // stray continuation before any field
      continue;
    }
    if (may_be_boundary(rest)) return pos;

    // The name stops at the line's end, if not before: a field's line is searched for its end
    // only from its value on, its name being read once.
    const FieldStart field = field_start(rest);
    if (field.colon == std::string_view::npos) {
      // Some gateways strip the indentation of folded lines. Lines that cannot start a field
      // are read as such folding when the block goes on after them with a field or the blank
      // line; otherwise the block has ended without a blank line and they start the body.
      Line last = line_at(message, pos);
      std::size_t after = last.next;
      while (after < message.size()) {
        const Line next = line_at(message, after);
        const bool folded = is_malformed_header_line(next.text) ||
                            (!next.text.empty() && is_space_or_tab(next.text[0]));
        if (!folded) break;
        last = next;
        after = next.next;
      }
      if (after >= message.size() || may_be_boundary(line_at(message, after).text)) return pos;
      // With no field to continue, the lines are malformed fields and are skipped.
      if (!fields_.empty()) extend_value(fields_.back(), last.text.data() + last.text.size());
      pos = after;
      continue;
    }

    const std::string_view name = rest.substr(0, field.name_end);
    std::size_t value_start = pos + field.colon + 1;
    while (value_start < message.size() && is_space_or_tab(message[value_start])) ++value_start;
    const Line value = line_at(message, value_start);
    fields_.push_back({name, value.text});
    if constexpr (kIndexNames) names_.add(name);
    pos = value.next;
  }
  return message.size();
}

std::size_t Headers::first_named(std::string_view name, std::uint8_t slot) const {
  const std::size_t first = names_.first(slot);
  return field_is_named(fields_[first].name, name) ? first : next_named(name, slot, first + 1);
}

std::size_t Headers::next_named(std::string_view name, std::uint8_t slot, std::size_t from) const {
  for (std::size_t i = names_.next(slot, from); i != std::string_view::npos; i = names_.next(slot, i + 1))
    if (field_is_named(fields_[i].name, name)) return i;
  return std::string_view::npos;
}

std::string Headers::text(std::string_view name) const {
  std::string out;
  text_into(name, out);
  return out;
}

void Headers::text_into(std::string_view name, std::string& out) const { text_of_value_into(raw(name), out); }

void text_of_value_into(std::string_view raw, std::string& out) {
  const std::string_view value = unfolded(raw, out);
  if (!needs_no_decoding(value)) out = decode_encoded_words(value);
  else if (value.data() != out.data()) out.assign(value);  // it needed no unfolding
}

std::string unfold(std::string_view raw) {
  std::string out;
  unfold_into(raw, out);
  return out;
}

std::string_view unfolded(std::string_view raw, std::string& scratch) {
  if (!holds_break_or_tab(raw) && !raw.ends_with(' ')) return raw;
  unfold_into(raw, scratch);
  return scratch;
}

void unfold_into(std::string_view raw, std::string& out) {
  out.clear();
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    // Each line is copied whole; only the breaks between lines need a look.
    const std::size_t line_end = find_line_end(raw, i);
    out.append(raw, i, line_end - i);
    if (line_end == raw.size()) break;
    while (!out.empty() && is_space_or_tab(out.back())) out.pop_back();
    i = line_end;
    while (i < raw.size() && is_white_space_or_line_break(raw[i])) ++i;
    if (!out.empty() && i < raw.size()) out.push_back(' ');
  }
  // Tabs are rare inside a line: found with memchr rather than by a look at every byte.
  for (std::size_t tab = out.find('\t'); tab != std::string::npos; tab = out.find('\t', tab + 1)) out[tab] = ' ';
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

}  // namespace bg::mime
