#pragma once
// Which receiving provider (Google, Microsoft, Yahoo...) a reply came from, by data/providers.tsv.
#include <string_view>

namespace bg::bounce {

// The provider whose names match `host` (the remote host), or failing that `domain` (the
// recipient's domain); empty when neither matches.
std::string_view provider_of(std::string_view host, std::string_view domain);

}  // namespace bg::bounce
