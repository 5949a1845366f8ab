#include "bounce/reason/providers.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "data/embedded_files.h"
#include "data/tsv.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

using ProviderNames = std::pair<std::string_view, std::vector<std::string_view>>;

const std::vector<ProviderNames>& providers() {
  static const std::vector<ProviderNames> table = [] {
    std::vector<ProviderNames> rows;
    for (const data::TsvRow& row : data::read_tsv(data::embedded_file("providers.tsv"))) {
      if (row.size() < 2) continue;
      std::vector<std::string_view> names;
      std::string_view list = row[1];
      while (!list.empty()) {
        const std::size_t space = list.find(' ');
        if (space != 0) names.push_back(list.substr(0, space));
        if (space == std::string_view::npos) break;
        list.remove_prefix(space + 1);
      }
      rows.emplace_back(row[0], std::move(names));
    }
    return rows;
  }();
  return table;
}

// A name of the table, without its leading dot; `row` is its provider's row.
struct ProviderName {
  std::size_t row;
  bool subdomains_only;  // written with a leading dot
};

struct CaselessHash {
  std::size_t operator()(std::string_view text) const {
    std::size_t hash = 14695981039346656037ULL;  // FNV-1a
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(mime::to_lower_ascii(c))) * 1099511628211ULL;
    return hash;
  }
};

struct CaselessEqual {
  bool operator()(std::string_view a, std::string_view b) const { return mime::iequals(a, b); }
};

using NameIndex = std::unordered_map<std::string_view, std::vector<ProviderName>, CaselessHash, CaselessEqual>;

// Every name of the table, found by the host or domain it names: a host is looked up by itself
// and each of its parent domains, a handful of lookups instead of a comparison with every name.
const NameIndex& name_index() {
  static const NameIndex index = [] {
    NameIndex names;
    for (std::size_t row = 0; row < providers().size(); ++row) {
      for (std::string_view name : providers()[row].second) {
        const bool subdomains_only = name.starts_with('.');
        if (subdomains_only) name.remove_prefix(1);
        if (!name.empty()) names[name].push_back({row, subdomains_only});
      }
    }
    return names;
  }();
  return index;
}

// The first provider in table order with a name that `host` ends with: "example.com" matches
// itself and its subdomains, ".example.com" its subdomains only.
std::string_view match(std::string_view host) {
  if (host.empty()) return {};
  std::size_t first_row = providers().size();
  for (std::string_view domain = host;;) {
    if (const auto found = name_index().find(domain); found != name_index().end()) {
      // A subdomain has a label before the domain: more than the dot that ends it.
      const bool below = host.size() > domain.size() + 1;
      for (const ProviderName& name : found->second)
        if (!name.subdomains_only || below) first_row = std::min(first_row, name.row);
    }
    const std::size_t dot = domain.find('.');
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return first_row < providers().size() ? providers()[first_row].first : std::string_view();
}

}  // namespace

std::string_view provider_of(std::string_view host, std::string_view domain) {
  const std::string_view by_host = match(host);
  return by_host.empty() ? match(domain) : by_host;
}

}  // namespace bg::bounce
