#include "report/record_json_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "report/record_fields.h"

namespace bg::report {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr char kHex[] = "0123456789abcdef";

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at text[i], or 0. Past its lead, a sequence's second byte
// alone can make it overlong, a surrogate or above U+10FFFF: its range is checked against the
// lead's, without putting the code point together.
[[gnu::always_inline]] inline std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const std::size_t left = text.size() - i;
  const unsigned char lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF) return left >= 2 && is_continuation(byte(1)) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (left < 3 || !is_continuation(byte(2))) return 0;
    const unsigned char lowest = lead == 0xE0 ? 0xA0 : 0x80, highest = lead == 0xED ? 0x9F : 0xBF;
    return byte(1) >= lowest && byte(1) <= highest ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (left < 4 || !is_continuation(byte(2)) || !is_continuation(byte(3))) return 0;
    const unsigned char lowest = lead == 0xF0 ? 0x90 : 0x80, highest = lead == 0xF4 ? 0x8F : 0xBF;
    return byte(1) >= lowest && byte(1) <= highest ? 4 : 0;
  }
  return 0;
}

// The bytes written into a JSON string as they are: printable ASCII other than '"' and '\\'.
constexpr auto kPlainBytes = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

#if defined(__SSE2__)
// 0xFF for each of the sixteen bytes of `block` that go into a JSON string as they are, 0 for
// the others.
__m128i plain_lanes(__m128i block) {
  // With the bit of value 2 flipped, '"' (0x22) falls among the control bytes, at 0x20 or
  // below, and no other printable byte does: one comparison passes over both, and one more
  // finds the backslash, 0x5C flipped. Compared as signed bytes, those of 0x80 and above are
  // below 0x20 too.
  const __m128i flipped = _mm_xor_si128(block, _mm_set1_epi8(0x02));
  return _mm_andnot_si128(_mm_cmpeq_epi8(flipped, _mm_set1_epi8('\\' ^ 0x02)), _mm_cmpgt_epi8(flipped, _mm_set1_epi8(0x20)));
}

// One bit for each of those lanes.
unsigned lane_bits(__m128i lanes) { return static_cast<unsigned>(_mm_movemask_epi8(lanes)); }

// One bit for each of the sixteen bytes of `block` that cannot go into a JSON string as they are.
unsigned special_bytes(__m128i block) { return lane_bits(plain_lanes(block)) ^ 0xFFFF; }

__m128i load_block(const char* from) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(from)); }

// Copies the sixteen bytes at `from` to `out`; returns plain_lanes() of them.
__m128i copy_block(char* out, const char* from) {
  const __m128i block = load_block(from);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), block);
  return plain_lanes(block);
}
#endif

// The end of the run of bytes from `i` that go into a JSON string as they are, tested sixteen
// bytes at a time.
std::size_t end_of_plain_run(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16)
    if (const unsigned mask = special_bytes(load_block(text.data() + i)))
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
#endif
  while (i < text.size() && kPlainBytes[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// Copies the `length` bytes of `from` to `out`, sizeof(Word) <= length <= 2 * sizeof(Word), as
// a word from each end: the two overlap where the length is less than twice the word.
template <typename Word>
void copy_ends(char* out, const char* from, std::size_t length) {
  Word head, tail;
  std::memcpy(&head, from, sizeof(Word));
  std::memcpy(&tail, from + length - sizeof(Word), sizeof(Word));
  std::memcpy(out, &head, sizeof(Word));
  std::memcpy(out + length - sizeof(Word), &tail, sizeof(Word));
}

// Room for the search of copy_plain() to read past the bytes it copies.
constexpr std::size_t kSearchSlack = 16;

// Copies `text` to `out` and returns how many of its first bytes go into a JSON string as they
// are. The values of a record are short, and a call of memcpy would cost more than their copy:
// one of sixteen bytes or more is copied in blocks of sixteen, tested two at a time as they
// pass, the last block ending at the string's end over bytes already found plain; a shorter
// one is copied as a word from each end, and its copy tested as one block, reading up to
// kSearchSlack bytes past it, whatever they hold, and ignoring those.
std::size_t copy_plain(char* out, std::string_view text) {
  const std::size_t length = text.size();
  const char* from = text.data();
#if defined(__SSE2__)
  if (length >= 16) {
    const std::size_t last = length - 16;
    std::size_t i = 0;
    // Two blocks at a time while both start before the last, tested together.
    for (; i + 16 < last; i += 32) {
      const __m128i first = copy_block(out + i, from + i);
      const __m128i second = copy_block(out + i + 16, from + i + 16);
      if (lane_bits(_mm_and_si128(first, second)) != 0xFFFF)
        return i + static_cast<std::size_t>(__builtin_ctz(~(lane_bits(first) | lane_bits(second) << 16)));
    }
    if (i < last) {
      const unsigned mask = lane_bits(copy_block(out + i, from + i)) ^ 0xFFFF;
      if (mask) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    }
    const unsigned mask = lane_bits(copy_block(out + last, from + last)) ^ 0xFFFF;
    return mask ? last + static_cast<std::size_t>(__builtin_ctz(mask)) : length;
  }
  if (length >= 8) copy_ends<std::uint64_t>(out, from, length);
  else if (length >= 4) copy_ends<std::uint32_t>(out, from, length);
  else
    for (std::size_t i = 0; i < length; ++i) out[i] = from[i];
  // A byte to escape found past the end leaves the whole string plain.
  const unsigned mask = special_bytes(load_block(out));
  return mask ? std::min(length, static_cast<std::size_t>(__builtin_ctz(mask))) : length;
#else
  std::memcpy(out, from, length);
  return end_of_plain_run(text, 0);
#endif
}

// The room a string of `length` bytes may take in JSON: each byte escaped as "\u00XX", the
// quotes, and the bytes that the search for bytes to escape may read past them.
constexpr std::size_t longest_json_string(std::size_t length) { return 6 * length + 2 + kSearchSlack; }

// Writes `text` from `from` on at `out`, escaped, and the closing quote; returns the end of what
// it wrote. Kept apart for the few strings that need it, so that the common path stays short.
[[gnu::noinline]] char* write_escaped(char* out, std::string_view text, std::size_t from) {
  std::size_t run = from;  // start of the bytes copied as they are
  const auto copy_run = [&](std::size_t end) {
    std::memcpy(out, text.data() + run, end - run);
    out += end - run;
  };
  for (std::size_t i = from; i < text.size();) {
    i = end_of_plain_run(text, i);
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Text in a script past ASCII is sequence after sequence: each is read straight after the
      // one before, without a search for plain bytes between them.
      if (std::size_t length = utf8_length(text, i)) {
        do i += length;
        while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80 && (length = utf8_length(text, i)));
        continue;
      }
    }
    copy_run(i);
    const auto escape = [&](std::string_view escaped) {
      std::memcpy(out, escaped.data(), escaped.size());
      out += escaped.size();
    };
    switch (c) {
      case '"': escape("\\\""); break;
      case '\\': escape("\\\\"); break;
      case '\n': escape("\\n"); break;
      case '\r': escape("\\r"); break;
      case '\t': escape("\\t"); break;
      case '\b': escape("\\b"); break;
      case '\f': escape("\\f"); break;
      default:
        if (c < 0x20) {
          escape("\\u00");
          *out++ = kHex[c >> 4];
          *out++ = kHex[c & 0xF];
        } else {
          escape(kReplacement);
        }
    }
    run = ++i;
  }
  copy_run(text.size());
  *out++ = '"';
  return out;
}

// Writes `text` as a JSON string at `out`, which has room for longest_json_string(); returns
// the end of what it wrote. Most strings need no escape: each is copied whole, searched for the
// first byte that needs one as it is copied, and written again escaped from that byte on.
char* write_json_string(char* out, std::string_view text) {
  *out++ = '"';
  const std::size_t plain = copy_plain(out, text);
  // Called last, the escaping is a jump, and the common path saves no registers for it.
  if (plain < text.size()) return write_escaped(out + plain, text, plain);
  out += plain;
  *out++ = '"';
  return out;
}

// The text being written, first into a buffer of this thread's: room is made for the longest
// text a record could take, then the record is written through a pointer, without a size check
// per byte, per piece or per value. finish() appends what was written to the output string.
// Growing the string itself to make room would fill the room with zeros first, which for a
// string holding many records cost more than writing the record.
class JsonText {
 public:
  explicit JsonText(std::string& out) : out_(out) {}

  // Where to write up to `bytes`.
  char* room(std::size_t bytes) {
    if (scratch_.capacity < bytes) grow(bytes);
    return scratch_.bytes.get();
  }
  // Appends what was written, up to `end`, to the output string.
  void finish(const char* end) {
    out_.append(scratch_.bytes.get(), static_cast<std::size_t>(end - scratch_.bytes.get()));
  }

 private:
  struct Scratch {
    std::unique_ptr<char[]> bytes;
    std::size_t capacity = 0;
  };

  static void grow(std::size_t needed) {
    // Zeroed, not left as it came: the search for bytes to escape reads past a string's end
    // into bytes that may never have been written.
    scratch_.capacity = std::max(needed, 2 * scratch_.capacity);
    scratch_.bytes = std::make_unique<char[]>(scratch_.capacity);
  }

  static thread_local Scratch scratch_;
  std::string& out_;
};

thread_local JsonText::Scratch JsonText::scratch_;

constexpr std::size_t kLongestWord = 5;  // "false"
constexpr std::size_t kLongestNumber = 20;

// The room a field's name takes with its comma, quotes and colon.
constexpr std::size_t key_length(std::string_view name) { return name.size() + 4; }

// The fields of a hop of the original's Received chain and of the original, in the order they
// are written: each is passed to `fields` as record_fields.h passes a record's, and the chain to
// hops(name, const std::vector<bounce::ReceivedHop>&).
template <class Fields>
void each_hop_field(const bounce::ReceivedHop& hop, Fields& fields) {
  fields.string("from_host", hop.from_host);
  fields.string("from_rdns", hop.from_rdns);
  fields.string("from_ip", hop.from_ip);
  fields.string("by_host", hop.by_host);
  fields.string("protocol", hop.protocol);
  fields.string("auth_sender", hop.auth_sender);
  fields.string("date", hop.date);
}

template <class Fields>
void each_original_field(const bounce::OriginalMessage& original, Fields& fields) {
  fields.string("messageid", original.messageid);
  fields.string("from", original.from);
  fields.string("returnpath", original.returnpath);
  fields.string("to", original.to);
  fields.string("subject", original.subject);
  fields.string("date", original.date);
  fields.string("listid", original.listid);
  fields.hops("received", original.received);
  fields.strings("dkim_domains", original.dkim_domains);
  fields.string("x_originating_ip", original.x_originating_ip);
  fields.string("authentication_results", original.authentication_results);
}

// Adds up the longest text each field may take, so that the room for a whole record is made
// once.
class LongestJson {
 public:
  std::size_t bytes() const { return bytes_; }

  void string(std::string_view name, std::string_view value) {
    bytes_ += key_length(name) + longest_json_string(value.size());
  }
  void number(std::string_view name, std::int64_t) { bytes_ += key_length(name) + kLongestNumber; }
  void boolean(std::string_view name, bool) { bytes_ += key_length(name) + kLongestWord; }
  void maybe_boolean(std::string_view name, std::optional<bool>) { bytes_ += key_length(name) + kLongestWord; }
  template <class Strings>
  void strings(std::string_view name, const Strings& values) {
    bytes_ += key_length(name) + 2;
    for (std::string_view value : values) bytes_ += longest_json_string(value.size()) + 1;
  }
  void hops(std::string_view name, const std::vector<bounce::ReceivedHop>& hops) {
    bytes_ += key_length(name) + 2;
    for (const bounce::ReceivedHop& hop : hops) {
      bytes_ += kObjectBytes + 1;
      each_hop_field(hop, *this);
    }
  }
  void original(std::string_view name, const bounce::OriginalMessage& original) {
    bytes_ += key_length(name) + kObjectBytes;  // or "null"
    each_original_field(original, *this);
  }

 private:
  static constexpr std::size_t kObjectBytes = 2;  // the braces
  std::size_t bytes_ = kObjectBytes;
};

// Writes a JSON object's fields, each as `,"name":value`, into room made for them all. The comma
// before the first field is made the opening brace when the object is closed, so that no field
// asks whether it is the first. Each field is inlined where it is written, where the name is a
// constant: its length and copy are then worked out by the compiler, not a call of memcpy per
// name.
class ObjectWriter {
 public:
  explicit ObjectWriter(char* out) : start_(out), out_(out) {}

  // An empty value, a quarter of them, is written in place: the call would cost more.
  [[gnu::always_inline]] void string(std::string_view name, std::string_view value) {
    char* out = write_key(out_, name);
    out_ = value.empty() ? copy(out, "\"\"") : write_json_string(out, value);
  }
  [[gnu::always_inline]] void number(std::string_view name, std::int64_t value) {
    char* out = write_key(out_, name);
    out_ = std::to_chars(out, out + kLongestNumber, value).ptr;
  }
  [[gnu::always_inline]] void boolean(std::string_view name, bool value) { word(name, value ? "true" : "false"); }
  [[gnu::always_inline]] void maybe_boolean(std::string_view name, std::optional<bool> value) {
    word(name, !value ? "null" : *value ? "true" : "false");
  }
  template <class Strings>
  [[gnu::always_inline]] void strings(std::string_view name, const Strings& values) {
    char* out = write_key(out_, name);
    *out++ = '[';
    const char* const first = out;
    for (std::string_view value : values) {
      if (out != first) *out++ = ',';
      out = write_json_string(out, value);
    }
    *out++ = ']';
    out_ = out;
  }
  void hops(std::string_view name, const std::vector<bounce::ReceivedHop>& hops) {
    char* out = write_key(out_, name);
    *out++ = '[';
    for (std::size_t i = 0; i < hops.size(); ++i) {
      if (i) *out++ = ',';
      ObjectWriter hop(out);
      each_hop_field(hops[i], hop);
      out = hop.close();
    }
    *out++ = ']';
    out_ = out;
  }
  void original(std::string_view name, const bounce::OriginalMessage& original) {
    char* out = write_key(out_, name);
    if (!original.present) {
      out_ = copy(out, "null");
      return;
    }
    ObjectWriter object(out);
    each_original_field(original, object);
    out_ = object.close();
  }
  // Every object written has fields: a record, its original, a Received hop. Returns the end of
  // the object.
  char* close() {
    *start_ = '{';
    *out_ = '}';
    return out_ + 1;
  }

 private:
  // Writes true, false or null, given as a literal: five bytes are copied whatever the word (a
  // shorter literal's closing zero fills them out), a copy of constant size instead of a call of
  // memcpy, and the end is set after the word.
  [[gnu::always_inline]] void word(std::string_view name, std::string_view value) {
    char* out = write_key(out_, name);
    std::memcpy(out, value.data(), kLongestWord);
    out_ = out + value.size();
  }

  static char* copy(char* out, std::string_view text) {
    std::memcpy(out, text.data(), text.size());
    return out + text.size();
  }

  static char* write_key(char* out, std::string_view name) {
    *out++ = ',';
    *out++ = '"';
    out = copy(out, name);
    *out++ = '"';
    *out++ = ':';
    return out;
  }

  char* const start_;  // where the object's first comma goes
  char* out_;
};

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
  JsonText json(out);
  json.finish(write_json_string(json.room(longest_json_string(text.size())), text));
}

std::size_t longest_record_json(const bounce::Record& record) {
  LongestJson longest;
  each_record_field(record, longest);
  return longest.bytes();
}

char* write_record_json(const bounce::Record& record, char* out) {
  ObjectWriter object(out);
  each_record_field(record, object);
  return object.close();
}

void append_record_json(const bounce::Record& record, std::string& out) {
  JsonText text(out);
  text.finish(write_record_json(record, text.room(longest_record_json(record))));
}

}  // namespace bg::report
