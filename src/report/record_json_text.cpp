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

// Length of the valid UTF-8 sequence at text[i], or 0.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  unsigned minimum = 0;
  if (c >= 0xC2 && c <= 0xDF) length = 2, minimum = 0x80;
  else if ((c & 0xF0) == 0xE0) length = 3, minimum = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) length = 4, minimum = 0x10000;
  else return 0;
  if (i + length > text.size()) return 0;
  unsigned code_point = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return 0;
  return length;
}

// The bytes written into a JSON string as they are: printable ASCII other than '"' and '\\'.
constexpr auto kPlainBytes = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

#if defined(__SSE2__)
// One bit for each of the sixteen bytes at `block` that cannot go into a JSON string as it is.
unsigned special_bytes(const char* block) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
  // Compared as signed bytes, those of 0x80 and above are below the space too.
  const __m128i special =
      _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                   _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
  return static_cast<unsigned>(_mm_movemask_epi8(special));
}
#endif

// The end of the run of bytes from `i` that go into a JSON string as they are, tested sixteen
// bytes at a time.
std::size_t end_of_plain_run(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16)
    if (const unsigned mask = special_bytes(text.data() + i)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
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

// Copies the `length` bytes of `from` to `out`. Most values of a record are short: up to 32
// bytes are moved in two loads and stores, without the call of memcpy, which costs more than
// such a copy itself.
void copy_bytes(char* out, const char* from, std::size_t length) {
  if (length > 32) std::memcpy(out, from, length);
  else if (length >= 16) copy_ends<__uint128_t>(out, from, length);
  else if (length >= 8) copy_ends<std::uint64_t>(out, from, length);
  else if (length >= 4) copy_ends<std::uint32_t>(out, from, length);
  else
    for (std::size_t i = 0; i < length; ++i) out[i] = from[i];
}

// Room for the search of plain_length() to read past the bytes it is given.
constexpr std::size_t kSearchSlack = 16;

// How many of the `length` bytes at `copy` go into a JSON string as they are. The search reads
// up to kSearchSlack bytes past them, whatever they hold, and ignores those: so a string's last
// bytes are tested sixteen at a time too, not one by one.
std::size_t plain_length(const char* copy, std::size_t length) {
#if defined(__SSE2__)
  // A byte to escape found past the end leaves the whole string plain.
  for (std::size_t i = 0; i < length; i += 16)
    if (const unsigned mask = special_bytes(copy + i))
      return std::min(length, i + static_cast<std::size_t>(__builtin_ctz(mask)));
  return length;
#else
  return end_of_plain_run(std::string_view(copy, length), 0);
#endif
}

// The room a string of `length` bytes may take in JSON: each byte escaped as "\u00XX", the
// quotes, and the bytes that the search for bytes to escape may read past them.
constexpr std::size_t longest_json_string(std::size_t length) { return 6 * length + 2 + kSearchSlack; }

// Writes `text` from `from` on at `out`, escaped, and returns the end of what it wrote. Kept
// apart for the few strings that need it, so that the common path stays short.
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
      if (const std::size_t length = utf8_length(text, i)) {
        i += length;
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
  return out;
}

// Writes `text` as a JSON string at `out`, which has room for longest_json_string(); returns
// the end of what it wrote. Most strings need no escape: each is copied whole, and the copy is
// searched for the first byte that needs one, from which on it is written again escaped.
char* write_json_string(char* out, std::string_view text) {
  *out++ = '"';
  copy_bytes(out, text.data(), text.size());
  const std::size_t plain = plain_length(out, text.size());
  out = plain == text.size() ? out + plain : write_escaped(out + plain, text, plain);
  *out++ = '"';
  return out;
}

// The text being written, first into a buffer of this thread's: each value first makes room for
// the longest text it could take, then is written through a pointer, without a size check per
// byte or per piece. finish() appends what was written to the output string. Growing the string
// itself to make room would fill the room with zeros first, which for a string holding many
// records cost more than writing the record.
class JsonText {
 public:
  explicit JsonText(std::string& out) : out_(out) {}

  // Where to write up to `bytes` more. Always inlined: it runs for every value, and is a
  // comparison but for the rare growth.
  [[gnu::always_inline]] char* room(std::size_t bytes) {
    if (scratch_.capacity - used_ < bytes) grow(used_ + bytes);
    return scratch_.bytes.get() + used_;
  }
  void wrote_to(const char* end) { used_ = static_cast<std::size_t>(end - scratch_.bytes.get()); }
  void append(std::string_view text) { wrote_to(copy(room(text.size()), text)); }
  // How much has been written, and the byte written at `offset` of it.
  std::size_t size() const { return used_; }
  char& at(std::size_t offset) { return scratch_.bytes[offset]; }
  void finish() { out_.append(scratch_.bytes.get(), used_); }

  static char* copy(char* out, std::string_view text) {
    std::memcpy(out, text.data(), text.size());
    return out + text.size();
  }

 private:
  struct Scratch {
    std::unique_ptr<char[]> bytes;
    std::size_t capacity = 0;
  };

  void grow(std::size_t needed) {
    const std::size_t capacity = std::max(needed, 2 * scratch_.capacity);
    // Zeroed, not left as it came: the search for bytes to escape reads past a string's end
    // into bytes that may never have been written.
    auto larger = std::make_unique<char[]>(capacity);
    if (used_ > 0) std::memcpy(larger.get(), scratch_.bytes.get(), used_);
    scratch_.bytes = std::move(larger);
    scratch_.capacity = capacity;
  }

  static thread_local Scratch scratch_;
  std::string& out_;
  std::size_t used_ = 0;
};

thread_local JsonText::Scratch JsonText::scratch_;

// Writes a JSON object's fields, each as `,"name":value`. The comma before the first field is
// made the opening brace when the object is closed, so that no field asks whether it is the first.
class ObjectWriter {
 public:
  explicit ObjectWriter(JsonText& text) : text_(text), start_(text.size()) {}
  // Each field is inlined where it is written, where the name is a constant: its length and
  // copy are then worked out by the compiler, not a call of memcpy per name.
  [[gnu::always_inline]] ObjectWriter& key(std::string_view name) {
    text_.wrote_to(write_key(text_.room(name.size() + 4), name));
    return *this;
  }
  [[gnu::always_inline]] ObjectWriter& string(std::string_view name, std::string_view value) {
    char* out = write_key(text_.room(name.size() + 4 + longest_json_string(value.size())), name);
    text_.wrote_to(write_json_string(out, value));
    return *this;
  }
  [[gnu::always_inline]] ObjectWriter& number(std::string_view name, std::int64_t value) {
    char* out = write_key(text_.room(name.size() + 4 + 20), name);
    text_.wrote_to(std::to_chars(out, out + 20, value).ptr);
    return *this;
  }
  [[gnu::always_inline]] ObjectWriter& boolean(std::string_view name, bool value) {
    return word(name, value ? "true" : "false");
  }
  [[gnu::always_inline]] ObjectWriter& strings(std::string_view name, const std::vector<std::string>& values) {
    std::size_t longest = name.size() + 4 + 2;
    for (const std::string& value : values) longest += longest_json_string(value.size()) + 1;
    char* out = write_key(text_.room(longest), name);
    *out++ = '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) *out++ = ',';
      out = write_json_string(out, values[i]);
    }
    *out++ = ']';
    text_.wrote_to(out);
    return *this;
  }
  [[gnu::always_inline]] ObjectWriter& maybe_boolean(std::string_view name, std::optional<bool> value) {
    return word(name, !value ? "null" : *value ? "true" : "false");
  }
  ObjectWriter& original(std::string_view name, const bounce::OriginalMessage& original);
  // Every object written has fields: a record, its original, a Received hop.
  void close() {
    text_.at(start_) = '{';
    text_.append("}");
  }

 private:
  // Writes true, false or null, given as a literal: five bytes are copied whatever the word (a
  // shorter literal's closing zero fills them out), a copy of constant size instead of a call of
  // memcpy, and the end is set after the word.
  [[gnu::always_inline]] ObjectWriter& word(std::string_view name, std::string_view value) {
    char* out = write_key(text_.room(name.size() + 4 + kLongestWord), name);
    std::memcpy(out, value.data(), kLongestWord);
    text_.wrote_to(out + value.size());
    return *this;
  }
  static constexpr std::size_t kLongestWord = 5;  // "false"

  static char* write_key(char* out, std::string_view name) {
    *out++ = ',';
    *out++ = '"';
    out = JsonText::copy(out, name);
    *out++ = '"';
    *out++ = ':';
    return out;
  }

  JsonText& text_;
  const std::size_t start_;  // where the object's first comma goes
};

void append_hop(const bounce::ReceivedHop& hop, JsonText& text) {
  ObjectWriter(text)
      .string("from_host", hop.from_host)
      .string("from_rdns", hop.from_rdns)
      .string("from_ip", hop.from_ip)
      .string("by_host", hop.by_host)
      .string("protocol", hop.protocol)
      .string("auth_sender", hop.auth_sender)
      .string("date", hop.date)
      .close();
}

ObjectWriter& ObjectWriter::original(std::string_view name, const bounce::OriginalMessage& original) {
  key(name);
  if (!original.present) {
    text_.append("null");
    return *this;
  }
  ObjectWriter object(text_);
  object.string("messageid", original.messageid)
      .string("from", original.from)
      .string("returnpath", original.returnpath)
      .string("to", original.to)
      .string("subject", original.subject)
      .string("date", original.date)
      .string("listid", original.listid)
      .key("received");
  text_.append("[");
  for (std::size_t i = 0; i < original.received.size(); ++i) {
    if (i) text_.append(",");
    append_hop(original.received[i], text_);
  }
  text_.append("]");
  object.strings("dkim_domains", original.dkim_domains)
      .string("x_originating_ip", original.x_originating_ip)
      .string("authentication_results", original.authentication_results)
      .close();
  return *this;
}

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
  JsonText json(out);
  json.wrote_to(write_json_string(json.room(longest_json_string(text.size())), text));
  json.finish();
}

void append_record_json(const bounce::Record& record, std::string& out) {
  JsonText text(out);
  ObjectWriter object(text);
  each_record_field(record, object);
  object.close();
  text.finish();
}

}  // namespace bg::report
