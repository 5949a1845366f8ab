#include "mime/content_type.h"

#include <algorithm>
#include <array>
#include <map>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"
#include "mime/charset.h"
#include "mime/encoded_words.h"
#include "mime/headers.h"
#include "mime/lines.h"

namespace bg::mime {

namespace {

// RFC 2045 token characters: printable ASCII other than the tspecials.
constexpr auto kTokenChars = [] {
  std::array<bool, 256> token{};
  for (int c = '!'; c < 127; ++c)
    token[c] = std::string_view("()<>@,;:\\\"/[]?=").find(static_cast<char>(c)) == std::string_view::npos;
  return token;
}();

bool is_token_char(char c) { return kTokenChars[static_cast<unsigned char>(c)]; }

// Token characters other than the '*' that RFC 2231 writes in the names of split or
// charset-tagged parameters.
constexpr auto kPlainNameChars = [] {
  std::array<bool, 256> plain = kTokenChars;
  plain['*'] = false;
  return plain;
}();

// The length of the run of plain name characters at the start of `name`.
std::size_t plain_name_length(std::string_view name) {
  std::size_t length = 0;
  while (length < name.size() && kPlainNameChars[static_cast<unsigned char>(name[length])]) ++length;
  return length;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_digit_value(text[i + 1]);
      const int low = hex_digit_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// Reads a quoted string starting at s[pos] == '"'; returns the unescaped content and moves pos
// past the closing quote (or to the end when it is missing).
std::string read_quoted(std::string_view s, std::size_t& pos) {
  std::string out;
  ++pos;
  while (pos < s.size()) {
    // Runs without a quote or a backslash, nearly always the whole string, are copied at once.
    const std::size_t special = std::min(find_any(s, "\"\\", pos), s.size());
    out.append(s.substr(pos, special - pos));
    pos = special;
    if (pos == s.size() || s[pos] == '"') break;
    if (pos + 1 < s.size()) ++pos;  // an escaped character: take it as it is
    out.push_back(s[pos]);
    ++pos;
  }
  if (pos < s.size()) ++pos;
  return out;
}

// Reads the parameter value at s[pos] and moves pos past it: the content of a quoted string, or
// the run up to the next ';' trimmed. A quoted string with no escaped character, nearly every
// one, is returned as a view into `s`; `scratch` holds the unescaped text of the others.
std::string_view read_value(std::string_view s, std::size_t& pos, std::string& scratch) {
  if (pos < s.size() && s[pos] == '"') {
    // The closing quote, and a backslash before it, are each found by memchr, which costs less
    // than looking at each of a boundary's forty-odd bytes in turn.
    const std::size_t end = std::min(s.find('"', pos + 1), s.size());
    const std::string_view content = s.substr(pos + 1, end - pos - 1);
    if (content.find('\\') == std::string_view::npos) {
      pos = std::min(end + 1, s.size());
      return content;
    }
    scratch = read_quoted(s, pos);
    return scratch;
  }
  const std::size_t start = pos;
  pos = std::min(s.find(';', pos), s.size());
  return trim(s.substr(start, pos - start));
}

// The first '=' or ';' at or after `pos`, where a parameter's name ends, or the end. Sixteen bytes
// are tested at once while the value holds them, as it does after nearly every name: the value
// that follows, a boundary's forty-odd bytes or a charset's few, is part of the same string.
std::size_t parameter_name_end(std::string_view value, std::size_t pos) {
#if defined(__SSE2__)
  for (; pos + 16 <= value.size(); pos += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(value.data() + pos));
    const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('=')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8(';')));
    if (const int mask = _mm_movemask_epi8(ends); mask != 0)
      return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (pos < value.size() && value[pos] != '=' && value[pos] != ';') ++pos;
  return pos;
}

// Calls visit(name, value) for each "name=value" after the leading token of a header value
// already unfolded onto one line, in order: the name trimmed but as written, the value as
// read_value gives it (valid until the next call). Stops early when visit returns false.
template <typename Visit>
void for_each_parameter(std::string_view value, Visit&& visit) {
  std::string scratch;
  std::size_t pos = value.find(';');
  while (pos != std::string::npos && pos < value.size()) {
    ++pos;  // past ';'
    while (pos < value.size() && (is_space_or_tab(value[pos]) || value[pos] == ';')) ++pos;
    const std::size_t name_start = pos;
    pos = parameter_name_end(value, pos);
    if (pos >= value.size() || value[pos] != '=') continue;
    const std::string_view name = trim(value.substr(name_start, pos - name_start));
    ++pos;  // past '='
    while (pos < value.size() && is_space_or_tab(value[pos])) ++pos;
    const std::string_view parameter_value = read_value(value, pos, scratch);
    if (pos < value.size() && value[pos] != ';') pos = value.find(';', pos);  // where an unquoted value ends already
    if (!visit(name, parameter_value)) return;
  }
}

// The length of the run of token characters at the start of `text`.
std::size_t token_length(std::string_view text) {
  return static_cast<std::size_t>(std::find_if_not(text.begin(), text.end(), is_token_char) - text.begin());
}

bool is_token(std::string_view text) { return !text.empty() && token_length(text) == text.size(); }

// Sets the next of `parameters`, of which `count` are set so far, over the storage an earlier
// parse left there: the parts of one message after another reuse their strings.
void set_parameter(std::vector<Parameter>& parameters, std::size_t& count, std::string_view name,
                   std::string_view decoded_value) {
  if (count == parameters.size()) parameters.emplace_back();
  Parameter& parameter = parameters[count++];
  assign_lowercase(parameter.name, name);
  parameter.value.assign(decoded_value);
}

// The parameters of an unfolded value when none is split into sections or charset-tagged (RFC
// 2231), as nearly none is: each is taken as it is read, the first of a repeated name counting,
// and set over the first `count` of `parameters`. Returns false, leaving `parameters` and
// `count` unspecified, when a name holds the '*' those use.
bool read_plain_parameters(std::string_view value, std::vector<Parameter>& parameters, std::size_t& count) {
  count = 0;
  bool plain = true;
  for_each_parameter(value, [&](std::string_view name, std::string_view text) {
    // One pass tells a plain token name, nearly every one, from the rest.
    if (const std::size_t plain_length = plain_name_length(name); plain_length != name.size() || name.empty()) {
      if (name.find('*', plain_length) != std::string_view::npos) {
        plain = false;
        return false;
      }
      return true;  // not a token
    }
    for (std::size_t i = 0; i < count; ++i)
      if (iequals(parameters[i].name, name)) return true;
    if (needs_no_decoding(text)) set_parameter(parameters, count, name, text);
    else set_parameter(parameters, count, name, decode_encoded_words(text));
    return true;
  });
  return plain;
}

struct RawParameter {
  std::string name;  // without the RFC 2231 section suffix
  int section = -1;  // -1 when not split
  bool extended = false;
  std::string value;
};

// The parameters of an unfolded value, RFC 2231 sections joined in order and charset-tagged
// values decoded.
std::vector<Parameter> read_joined_parameters(std::string_view value) {
  std::vector<RawParameter> raw;
  for_each_parameter(value, [&](std::string_view written_name, std::string_view text) {
    std::string name = lowercase(written_name);
    RawParameter parameter;
    if (!name.empty() && name.back() == '*') {
      parameter.extended = true;
      name.pop_back();
    }
    if (const std::size_t star = name.rfind('*'); star != std::string::npos) {
      const std::string_view digits = std::string_view(name).substr(star + 1);
      if (!digits.empty() && digits.size() < 4 &&
          std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        parameter.section = std::stoi(std::string(digits));
        name.resize(star);
      }
    }
    if (!is_token(name)) return true;
    parameter.name = std::move(name);
    parameter.value = std::string(text);
    raw.push_back(std::move(parameter));
    return true;
  });

  std::map<std::string, std::map<int, const RawParameter*>> sections;
  std::vector<std::string> order;
  for (const RawParameter& parameter : raw) {
    if (!sections.contains(parameter.name)) order.push_back(parameter.name);
    sections[parameter.name].emplace(parameter.section, &parameter);
  }
  std::vector<Parameter> parameters;
  parameters.reserve(order.size());
  for (const std::string& name : order) {
    std::string charset;
    std::string bytes;
    bool first = true;
    for (const auto& [section, parameter] : sections[name]) {
      std::string_view text = parameter->value;
      if (parameter->extended) {
        if (first) {
          // charset'language'value
          const std::size_t quote1 = text.find('\'');
          const std::size_t quote2 = quote1 == std::string_view::npos ? quote1 : text.find('\'', quote1 + 1);
          if (quote2 != std::string_view::npos) {
            charset = std::string(text.substr(0, quote1));
            text = text.substr(quote2 + 1);
          }
        }
        bytes += percent_decode(text);
      } else {
        bytes += text;
      }
      first = false;
    }
    std::string decoded = charset.empty() ? decode_encoded_words(bytes) : to_utf8(bytes, charset);
    parameters.push_back({name, std::move(decoded)});
  }
  return parameters;
}

// The type and subtype written before the first ';' of an unfolded value, which holds no line
// break: "type/subtype" with white space allowed around either token, the subtype followed by
// white space (after which some senders write a comment), ';' or the end; a bare "text" reads as
// text/plain, as most readers do; anything else as `fallback`. Read in one pass over the tokens.
std::pair<std::string_view, std::string_view> written_media_type(
    std::string_view value, std::pair<std::string_view, std::string_view> fallback) {
  const auto skip_white_space = [&](std::size_t at) {
    while (at < value.size() && is_space_or_tab(value[at])) ++at;
    return at;
  };
  const auto token_end = [&](std::size_t at) {
    while (at < value.size() && is_token_char(value[at])) ++at;
    return at;
  };
  const std::size_t type_start = skip_white_space(0);
  const std::size_t type_end = token_end(type_start);
  const std::string_view written_type = value.substr(type_start, type_end - type_start);
  const std::size_t after_type = skip_white_space(type_end);
  if (after_type == value.size() || value[after_type] == ';')
    return iequals(written_type, "text") ? std::pair<std::string_view, std::string_view>{"text", "plain"} : fallback;
  if (value[after_type] != '/' || written_type.empty()) return fallback;
  const std::size_t subtype_start = skip_white_space(after_type + 1);
  const std::size_t subtype_end = token_end(subtype_start);
  const bool subtype_ends =
      subtype_end == value.size() || value[subtype_end] == ';' || is_space_or_tab(value[subtype_end]);
  if (subtype_end == subtype_start || !subtype_ends) return fallback;
  return {written_type, value.substr(subtype_start, subtype_end - subtype_start)};
}

// Sets the parameters of an unfolded value over the first of `parameters`; returns how many.
std::size_t read_parameters(std::string_view unfolded_value, std::vector<Parameter>& parameters) {
  std::size_t count = 0;
  if (read_plain_parameters(unfolded_value, parameters, count)) return count;
  parameters = read_joined_parameters(unfolded_value);
  return parameters.size();
}

}  // namespace

std::vector<Parameter> parse_parameters(std::string_view header_value) {
  std::string scratch;
  std::vector<Parameter> parameters;
  parameters.resize(read_parameters(unfolded(header_value, scratch), parameters));
  return parameters;
}

const std::string* find_parameter(std::span<const Parameter> parameters, std::string_view name) {
  for (const Parameter& parameter : parameters)
    if (parameter.name == name) return &parameter.value;
  return nullptr;
}

std::string_view ContentType::parameter(std::string_view name) const {
  const std::string* value = find_parameter(parameters(), name);
  return value ? std::string_view(*value) : std::string_view();
}

ContentType parse_content_type(std::string_view header_value,
                               std::pair<std::string_view, std::string_view> fallback) {
  std::string scratch;
  ContentType result;
  parse_unfolded_content_type_into(unfolded(header_value, scratch), result, fallback);
  return result;
}

void parse_unfolded_content_type_into(std::string_view unfolded_value, ContentType& out,
                                      std::pair<std::string_view, std::string_view> fallback) {
  const std::pair<std::string_view, std::string_view> type = written_media_type(unfolded_value, fallback);
  assign_lowercase(out.type, type.first);
  assign_lowercase(out.subtype, type.second);
  out.parameter_count_ = read_parameters(unfolded_value, out.parameters_);
}

}  // namespace bg::mime
