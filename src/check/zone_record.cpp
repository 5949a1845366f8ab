#include "check/zone_record.h"

namespace bg::check {

namespace {

constexpr std::size_t kMaxStringBytes = 255;

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string txt_record(std::string_view owner, std::string_view text) {
  std::string line = std::string(owner) + ". TXT";
  while (!text.empty()) {
    std::size_t cut = std::min(text.size(), kMaxStringBytes);
    if (cut < text.size()) {
      const std::size_t space = text.rfind(' ', cut - 1);
      if (space != std::string_view::npos && space > cut / 2) cut = space + 1;
    }
    line += " " + quoted(text.substr(0, cut));
    text.remove_prefix(cut);
  }
  return line;
}

}  // namespace bg::check
