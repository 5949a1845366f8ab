#include "dns/domain_name.h"

#include "mime/ascii.h"

namespace bg::dns {

namespace {

constexpr std::size_t kMaxLabelLength = 63;
constexpr std::size_t kMaxNameLength = 253;

std::string_view without_final_dot(std::string_view name) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  return name;
}

bool is_plain_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string normalize_name(std::string_view name) {
  return mime::lowercase(without_final_dot(name));
}

std::vector<std::string_view> split_labels(std::string_view name) {
  name = without_final_dot(name);
  std::vector<std::string_view> labels;
  if (name.empty()) return labels;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    labels.push_back(name.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels;
}

bool is_queryable_name(std::string_view name) {
  const std::string_view bare = without_final_dot(name);
  if (bare.empty() || bare.size() > kMaxNameLength) return false;
  for (const std::string_view label : split_labels(bare))
    if (label.empty() || label.size() > kMaxLabelLength) return false;
  return true;
}

bool is_at_or_below(std::string_view name, std::string_view parent) {
  name = without_final_dot(name);
  parent = without_final_dot(parent);
  if (parent.empty()) return true;
  if (name.size() < parent.size()) return false;
  const std::string_view tail = name.substr(name.size() - parent.size());
  if (!mime::iequals(tail, parent)) return false;
  return name.size() == parent.size() || name[name.size() - parent.size() - 1] == '.';
}

std::string presentation_form(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (is_plain_name_char(c) || c == '.') {
      out.push_back(c);
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out.push_back('\\');
    out.push_back(static_cast<char>('0' + byte / 100));
    out.push_back(static_cast<char>('0' + byte / 10 % 10));
    out.push_back(static_cast<char>('0' + byte % 10));
  }
  return out;
}

std::optional<std::string> read_wire_name(std::string_view rdata, std::size_t& pos) {
  std::string name;
  while (true) {
    if (pos >= rdata.size()) return std::nullopt;
    const auto length = static_cast<unsigned char>(rdata[pos++]);
    if (length == 0) return name;
    if (length > kMaxLabelLength || pos + length > rdata.size()) return std::nullopt;
    if (!name.empty()) name.push_back('.');
    name.append(rdata.substr(pos, length));
    pos += length;
  }
}

}  // namespace bg::dns
