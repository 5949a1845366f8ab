#include "report/record_json_text.h"

#include <array>
#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The end of the run of bytes from `i` that go into a JSON string as they are. Most strings are
// one such run, tested sixteen bytes at a time.
std::size_t end_of_plain_run(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Compared as signed bytes, those of 0x80 and above are below the space too.
    const __m128i special = _mm_or_si128(_mm_cmplt_epi8(bytes, space),
                                         _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
    if (const int mask = _mm_movemask_epi8(special)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  while (i < text.size() && kPlainBytes[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

void append_number(std::int64_t value, std::string& out) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

// Writes `"name":` (with the comma before it unless it is the first field).
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_.push_back('{'); }
  ObjectWriter& key(std::string_view name) {
    if (!first_) out_.push_back(',');
    first_ = false;
    out_.push_back('"');
    out_.append(name);
    out_.append("\":");
    return *this;
  }
  ObjectWriter& string(std::string_view name, std::string_view value) {
    key(name);
    append_json_string(value, out_);
    return *this;
  }
  ObjectWriter& number(std::string_view name, std::int64_t value) {
    key(name);
    append_number(value, out_);
    return *this;
  }
  ObjectWriter& boolean(std::string_view name, bool value) {
    key(name);
    out_.append(value ? "true" : "false");
    return *this;
  }
  ObjectWriter& strings(std::string_view name, const std::vector<std::string>& values) {
    key(name);
    out_.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) out_.push_back(',');
      append_json_string(values[i], out_);
    }
    out_.push_back(']');
    return *this;
  }
  void close() { out_.push_back('}'); }

 private:
  std::string& out_;
  bool first_ = true;
};

void append_hop(const bounce::ReceivedHop& hop, std::string& out) {
  ObjectWriter(out)
      .string("from_host", hop.from_host)
      .string("from_rdns", hop.from_rdns)
      .string("from_ip", hop.from_ip)
      .string("by_host", hop.by_host)
      .string("protocol", hop.protocol)
      .string("auth_sender", hop.auth_sender)
      .string("date", hop.date)
      .close();
}

void append_original(const bounce::OriginalMessage& original, std::string& out) {
  if (!original.present) {
    out.append("null");
    return;
  }
  ObjectWriter object(out);
  object.string("messageid", original.messageid)
      .string("from", original.from)
      .string("returnpath", original.returnpath)
      .string("to", original.to)
      .string("subject", original.subject)
      .string("date", original.date)
      .string("listid", original.listid)
      .key("received");
  out.push_back('[');
  for (std::size_t i = 0; i < original.received.size(); ++i) {
    if (i) out.push_back(',');
    append_hop(original.received[i], out);
  }
  out.push_back(']');
  object.strings("dkim_domains", original.dkim_domains)
      .string("x_originating_ip", original.x_originating_ip)
      .string("authentication_results", original.authentication_results)
      .close();
}

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes copied as they are
  for (std::size_t i = 0; i < text.size();) {
    i = end_of_plain_run(text, i);
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      if (const std::size_t length = utf8_length(text, i)) {
        i += length;
        continue;
      }
    }
    out.append(text.substr(run, i - run));
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        if (c < 0x20) {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.append(kReplacement);
        }
    }
    run = ++i;
  }
  out.append(text.substr(run));
  out.push_back('"');
}

void append_record_json(const bounce::Record& record, std::string& out) {
  ObjectWriter object(out);
  object.string("recipient", record.recipient)
      .string("addresser", record.addresser)
      .string("deliverystatus", record.deliverystatus)
      .string("replycode", record.replycode)
      .string("action", record.action)
      .string("reason", record.reason)
      .boolean("hardbounce", record.hardbounce)
      .string("diagnosticcode", record.diagnosticcode)
      .string("diagnostictype", record.diagnostictype)
      .string("smtpcommand", record.smtpcommand)
      .string("lhost", record.lhost)
      .string("rhost", record.rhost)
      .string("destination", record.destination)
      .string("senderdomain", record.senderdomain)
      .number("timestamp", record.timestamp)
      .string("timezoneoffset", record.timezoneoffset)
      .string("subject", record.subject)
      .string("messageid", record.messageid)
      .string("listid", record.listid)
      .string("feedbacktype", record.feedbacktype)
      .string("decodedby", record.decodedby)
      .string("origin", record.origin)
      .number("message_index", static_cast<std::int64_t>(record.message_index))
      .string("bounce_to", record.bounce_to)
      .string("kind", bounce::to_string(record.kind))
      .key("sent_by_owner");
  out.append(!record.sent_by_owner ? "null" : *record.sent_by_owner ? "true" : "false");
  object.string("category", record.category).strings("evidence", record.evidence).key("original");
  append_original(record.original, out);
  object.close();
}

}  // namespace bg::report
