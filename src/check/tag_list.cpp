#include "check/tag_list.h"

#include <algorithm>

#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::check {

namespace {

bool is_tag_name(std::string_view name) {
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name.front()))) return false;
  return std::ranges::all_of(
      name, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

}  // namespace

std::optional<std::string> TagList::find(std::string_view name) const {
  const auto tag = std::ranges::find(tags, name, &Tag::name);
  if (tag == tags.end()) return std::nullopt;
  return tag->value;
}

TagList parse_tag_list(std::string_view text) {
  TagList list;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = mime::trim(text.substr(start, end - start));
    start = end + 1;
    if (piece.empty()) continue;
    const std::size_t equals = piece.find('=');
    const std::string_view name =
        equals == std::string_view::npos ? piece : mime::trim(piece.substr(0, equals));
    if (equals == std::string_view::npos || !is_tag_name(name)) {
      list.problems.push_back("'" + std::string(piece) + "' is not a tag=value pair");
      continue;
    }
    Tag tag{mime::lowercase(name), std::string(mime::trim(piece.substr(equals + 1)))};
    if (list.find(tag.name)) {
      list.problems.push_back("the tag '" + tag.name + "' appears twice");
      continue;
    }
    list.tags.push_back(std::move(tag));
  }
  return list;
}

}  // namespace bg::check
