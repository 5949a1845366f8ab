#include "mime/charset.h"

#include <iconv.h>

#include <cerrno>
#include <string>
#include <unordered_map>

#include "mime/ascii.h"

namespace bg::mime {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Names seen in mail that iconv does not know by that spelling.
std::string canonical_charset(std::string_view charset) {
  std::string name = lowercase(charset);
  while (!name.empty() && (name.back() == ' ' || name.back() == '"')) name.pop_back();
  while (!name.empty() && (name.front() == ' ' || name.front() == '"')) name.erase(0, 1);
  if (name == "utf8") return "utf-8";
  if (name == "ks_c_5601-1987" || name == "ks_c_5601" || name == "ksc5601") return "cp949";
  if (name == "x-sjis" || name == "shift-jis" || name == "sjis") return "shift_jis";
  if (name == "x-euc-jp") return "euc-jp";
  if (name == "iso-2022-jp") return "iso-2022-jp-2";  // a superset that tolerates common extensions
  if (name == "x-unknown" || name == "unknown-8bit" || name == "x-user-defined") return "";
  return name;
}

bool is_plain_utf8_name(std::string_view name) {
  return name.empty() || name == "utf-8" || name == "us-ascii" || name == "ascii";
}

// iconv descriptors are costly to open; keep one per charset and thread.
class ConverterCache {
 public:
  ~ConverterCache() {
    for (auto& [name, cd] : converters_)
      if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  }
  iconv_t get(const std::string& charset) {
    auto it = converters_.find(charset);
    if (it != converters_.end()) return it->second;
    iconv_t cd = iconv_open("UTF-8", charset.c_str());
    converters_.emplace(charset, cd);
    return cd;
  }

 private:
  std::unordered_map<std::string, iconv_t> converters_;
};

thread_local ConverterCache converters;

// Length of the valid UTF-8 sequence at text[i], or 0 when the byte there starts none.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size() || (length == 2 && c < 0xC2)) return 0;
  for (std::size_t k = 1; k < length; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  return length;
}

// Copies UTF-8, replacing each invalid byte with U+FFFD.
void append_sanitized_utf8(std::string_view text, std::string& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      out.append(kReplacement);
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
}

void convert(iconv_t cd, std::string_view text, std::string& out) {
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  char* in = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char buffer[4096];
  while (in_left > 0) {
    char* dst = buffer;
    std::size_t dst_left = sizeof buffer;
    const std::size_t result = iconv(cd, &in, &in_left, &dst, &dst_left);
    out.append(buffer, static_cast<std::size_t>(dst - buffer));
    if (result != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    // EILSEQ or EINVAL: an invalid or truncated sequence; mark it and carry on.
    out.append(kReplacement);
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  char* dst = buffer;
  std::size_t dst_left = sizeof buffer;
  iconv(cd, nullptr, nullptr, &dst, &dst_left);  // flush shift state
  out.append(buffer, static_cast<std::size_t>(dst - buffer));
}

bool all_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

void append_as_utf8(std::string_view text, std::string_view charset, std::string& out) {
  const std::string name = canonical_charset(charset);
  // ISO-2022 charsets are 7-bit but still need converting, so they skip the ASCII shortcut.
  const bool stateful = name.starts_with("iso-2022") || name == "utf-7";
  if (!stateful && all_ascii(text)) {
    out.append(text);
    return;
  }
  if (is_plain_utf8_name(name) && (name == "utf-8" || is_valid_utf8(text))) {
    append_sanitized_utf8(text, out);
    return;
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

std::string to_utf8(std::string_view text, std::string_view charset) {
  std::string out;
  out.reserve(text.size());
  append_as_utf8(text, charset, out);
  return out;
}

}  // namespace bg::mime
