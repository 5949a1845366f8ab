#include "mime/content_type.h"

#include <algorithm>
#include <array>
#include <map>

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

struct RawParameter {
  std::string name;  // without the RFC 2231 section suffix
  int section = -1;  // -1 when not split
  bool extended = false;
  std::string value;
};

// The parameters of a header value already unfolded onto one line.
std::vector<Parameter> parameters_of_unfolded(std::string_view value) {
  std::vector<RawParameter> raw;
  raw.reserve(4);  // a media type seldom has more parameters (charset, boundary, name...)
  std::size_t pos = value.find(';');
  while (pos != std::string::npos && pos < value.size()) {
    ++pos;  // past ';'
    while (pos < value.size() && (is_space_or_tab(value[pos]) || value[pos] == ';')) ++pos;
    const std::size_t name_start = pos;
    while (pos < value.size() && value[pos] != '=' && value[pos] != ';') ++pos;
    if (pos >= value.size() || value[pos] != '=') continue;
    std::string name = lowercase(trim(std::string_view(value).substr(name_start, pos - name_start)));
    ++pos;  // past '='
    while (pos < value.size() && is_space_or_tab(value[pos])) ++pos;
    std::string parameter_value;
    if (pos < value.size() && value[pos] == '"') {
      parameter_value = read_quoted(value, pos);
    } else {
      const std::size_t start = pos;
      while (pos < value.size() && value[pos] != ';') ++pos;
      parameter_value = std::string(trim(std::string_view(value).substr(start, pos - start)));
    }
    pos = value.find(';', pos);

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
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) continue;
    parameter.name = std::move(name);
    parameter.value = std::move(parameter_value);
    raw.push_back(std::move(parameter));
  }

  std::vector<Parameter> parameters;
  parameters.reserve(raw.size());
  const bool plain = std::none_of(raw.begin(), raw.end(), [](const RawParameter& parameter) {
    return parameter.extended || parameter.section >= 0;
  });
  if (plain) {  // the common case: nothing to join, and the first of a repeated name counts
    for (RawParameter& parameter : raw) {
      if (find_parameter(parameters, parameter.name) != nullptr) continue;
      parameters.push_back({std::move(parameter.name), needs_no_decoding(parameter.value)
                                                           ? std::move(parameter.value)
                                                           : decode_encoded_words(parameter.value)});
    }
    return parameters;
  }

  // Join RFC 2231 sections in order and decode charset-tagged values.
  std::map<std::string, std::map<int, const RawParameter*>> sections;
  std::vector<std::string> order;
  for (const RawParameter& parameter : raw) {
    if (!sections.contains(parameter.name)) order.push_back(parameter.name);
    sections[parameter.name].emplace(parameter.section, &parameter);
  }
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

}  // namespace

std::vector<Parameter> parse_parameters(std::string_view header_value) {
  std::string scratch;
  return parameters_of_unfolded(unfolded(header_value, scratch));
}

const std::string* find_parameter(const std::vector<Parameter>& parameters, std::string_view name) {
  for (const Parameter& parameter : parameters)
    if (parameter.name == name) return &parameter.value;
  return nullptr;
}

std::string_view ContentType::parameter(std::string_view name) const {
  const std::string* value = find_parameter(parameters, name);
  return value ? std::string_view(*value) : std::string_view();
}

ContentType parse_content_type(std::string_view header_value,
                               std::pair<std::string_view, std::string_view> fallback) {
  ContentType result;
  result.type = fallback.first;
  result.subtype = fallback.second;
  std::string scratch;
  const std::string_view value = unfolded(header_value, scratch);
  const std::string_view media = trim(value.substr(0, value.find(';')));
  const std::size_t slash = media.find('/');
  if (slash != std::string_view::npos) {
    const std::string_view type = trim(media.substr(0, slash));
    std::string_view subtype = trim(media.substr(slash + 1));
    if (const std::size_t space = find_any(subtype, " \t"); space != std::string_view::npos)
      subtype = subtype.substr(0, space);
    if (!type.empty() && !subtype.empty() && std::all_of(type.begin(), type.end(), is_token_char) &&
        std::all_of(subtype.begin(), subtype.end(), is_token_char)) {
      result.type = lowercase(type);
      result.subtype = lowercase(subtype);
    }
  } else if (iequals(media, "text")) {
    result.type = "text";  // a bare "text" is read as text/plain, as most readers do
    result.subtype = "plain";
  }
  result.parameters = parameters_of_unfolded(value);
  return result;
}

}  // namespace bg::mime
