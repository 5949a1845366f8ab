#pragma once
// The "tag=value; tag=value" records of DKIM keys (RFC 6376 section 3.2), DMARC, MTA-STS,
// TLS-RPT and BIMI.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bg::check {

struct Tag {
  std::string name;   // lowercased
  std::string value;  // surrounding spaces removed
};

struct TagList {
  std::vector<Tag> tags;
  std::vector<std::string> problems;  // malformed pieces and repeated tags, one line each

  // The value of the first tag called `name` (lowercase).
  std::optional<std::string> find(std::string_view name) const;
};

TagList parse_tag_list(std::string_view text);

}  // namespace bg::check
