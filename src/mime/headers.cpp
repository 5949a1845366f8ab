#include "mime/headers.h"

#include "mime/ascii.h"
#include "mime/encoded_words.h"
#include "mime/lines.h"

namespace bg::mime {

namespace {

// A field name is printable ASCII other than the colon (RFC 5322 section 3.6.8). Returns the
// position of the colon, or npos when the line does not start a field.
std::size_t field_colon(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == ':') return i == 0 ? std::string_view::npos : i;
    if (c <= ' ' || c >= 127) {
      // Some mailers write "Name : value"; allow white space between the name and the colon.
      if (is_space_or_tab(line[i]) && i > 0) {
        std::size_t j = i;
        while (j < line.size() && is_space_or_tab(line[j])) ++j;
        if (j < line.size() && line[j] == ':') return j;
      }
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

}  // namespace

bool iequals_name(std::string_view a, std::string_view b) { return iequals(a, b); }

std::size_t Headers::parse(std::string_view message) {
  fields_.clear();
  std::size_t pos = 0;
  if (message.starts_with("From ")) pos = line_at(message, 0).next;

  while (pos < message.size()) {
    const Line line = line_at(message, pos);
    if (line.text.empty()) return line.next;  // the blank line that ends the block

    if (is_space_or_tab(line.text[0])) {
      if (!fields_.empty()) {
        // A continuation: widen the previous value to the end of this line.
        HeaderField& last = fields_.back();
        last.value = std::string_view(last.value.data(),
                                      static_cast<std::size_t>(line.text.data() + line.text.size() -
                                                               last.value.data()));
        pos = line.next;
        continue;
      }
      if (trim(line.text).empty()) return line.next;  // white space only: treat as blank
      pos = line.next;  // stray continuation before any field
      continue;
    }

    const std::size_t colon = field_colon(line.text);
    if (colon == std::string_view::npos) return pos;  // not a header: the body starts here

    std::string_view name = line.text.substr(0, colon);
    while (!name.empty() && is_space_or_tab(name.back())) name.remove_suffix(1);
    std::string_view value = line.text.substr(colon + 1);
    while (!value.empty() && is_space_or_tab(value.front())) value.remove_prefix(1);
    if (value.empty()) value = std::string_view(line.text.data() + line.text.size(), 0);
    fields_.push_back({name, value});
    pos = line.next;
  }
  return message.size();
}

std::string_view Headers::raw(std::string_view name) const {
  for (const HeaderField& field : fields_)
    if (iequals(field.name, name)) return field.value;
  return {};
}

bool Headers::has(std::string_view name) const {
  for (const HeaderField& field : fields_)
    if (iequals(field.name, name)) return true;
  return false;
}

std::string Headers::text(std::string_view name) const {
  return decode_encoded_words(unfold(raw(name)));
}

std::string unfold(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == '\r' || c == '\n') {
      while (!out.empty() && is_space_or_tab(out.back())) out.pop_back();
      while (i < raw.size() && (raw[i] == '\r' || raw[i] == '\n' || is_space_or_tab(raw[i]))) ++i;
      if (!out.empty() && i < raw.size()) out.push_back(' ');
      continue;
    }
    out.push_back(c == '\t' ? ' ' : c);
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace bg::mime
