#include "mime/html_text.h"

#include <cstdint>

#include "mime/ascii.h"

namespace bg::mime {

namespace {

void append_utf8(std::uint32_t code_point, std::string& out) {
  if (code_point == 0 || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
    code_point = 0xFFFD;
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Decodes the entity at html[pos] == '&'; returns the characters consumed, 0 if none.
std::size_t decode_entity(std::string_view html, std::size_t pos, std::string& out) {
  const std::size_t end = html.find(';', pos);
  if (end == std::string_view::npos || end - pos > 10) return 0;
  const std::string_view name = html.substr(pos + 1, end - pos - 1);
  if (name.size() > 1 && name[0] == '#') {
    std::uint32_t value = 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    for (std::size_t i = hex ? 2 : 1; i < name.size(); ++i) {
      const int digit = hex ? hex_digit_value(name[i]) : (name[i] >= '0' && name[i] <= '9' ? name[i] - '0' : -1);
      if (digit < 0) return 0;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      if (value > 0x10FFFF) return 0;
    }
    append_utf8(value, out);
    return end - pos + 1;
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [entity, text] : kNamed) {
    if (iequals(name, entity)) {
      out.append(text);
      return end - pos + 1;
    }
  }
  return 0;
}

bool breaks_line(std::string_view tag_name) {
  static constexpr std::string_view kBlocks[] = {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4",
                                                 "table", "blockquote", "pre", "hr", "ul", "ol"};
  for (std::string_view block : kBlocks)
    if (iequals(tag_name, block)) return true;
  return false;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  std::size_t pos = 0;
  while (pos < html.size()) {
    const char c = html[pos];
    if (c == '<') {
      const std::size_t close = html.find('>', pos);
      if (close == std::string_view::npos) break;
      std::string_view tag = html.substr(pos + 1, close - pos - 1);
      if (tag.starts_with("!--")) {
        const std::size_t comment_end = html.find("-->", pos);
        pos = comment_end == std::string_view::npos ? html.size() : comment_end + 3;
        continue;
      }
      const bool closing = !tag.empty() && tag.front() == '/';
      if (closing) tag.remove_prefix(1);
      const std::size_t name_end = tag.find_first_of(" \t\r\n/");
      const std::string_view name = tag.substr(0, name_end);
      if (!closing && (iequals(name, "script") || iequals(name, "style") || iequals(name, "head"))) {
        const std::string end_tag = "</" + lowercase(name);
        const std::size_t skip = ifind(html, end_tag, close);
        pos = skip == std::string_view::npos ? html.size() : html.find('>', skip);
        pos = pos == std::string_view::npos ? html.size() : pos + 1;
        continue;
      }
      if (breaks_line(name)) out.push_back('\n');
      pos = close + 1;
      continue;
    }
    if (c == '&') {
      if (const std::size_t used = decode_entity(html, pos, out)) {
        pos += used;
        continue;
      }
    }
    if (c == '\r' || c == '\n') {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
      ++pos;
      continue;
    }
    out.push_back(c);
    ++pos;
  }
  return out;
}

}  // namespace bg::mime
