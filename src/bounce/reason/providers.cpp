#include "bounce/reason/providers.h"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bounce/reason/name_index.h"
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

constexpr std::size_t kNoRow = std::numeric_limits<std::size_t>::max();

// The first rows whose providers have a name, once its leading dot is taken off: written
// plainly it matches the domain itself and its subdomains, with the dot its subdomains only.
struct NameRows {
  std::size_t plain = kNoRow;
  std::size_t subdomains_only = kNoRow;
};

// Every name of the table, each once and without its leading dot, with the rows that have it:
// a host is looked up by itself and each of its parent domains, a handful of lookups instead
// of a comparison with every name.
struct ProviderNameIndex {
  std::vector<std::string_view> names;
  std::vector<NameRows> rows;  // by position in `names`
  NameIndex index;
  std::size_t longest = 0;     // the length of the longest name
};

// Names are at most this long, so that the end of a host they can match is lowercased on the stack.
constexpr std::size_t kLongestName = 64;

const ProviderNameIndex& name_index() {
  static const ProviderNameIndex built = [] {
    std::vector<std::string_view> names;
    std::vector<NameRows> rows;
    for (std::size_t row = 0; row < providers().size(); ++row) {
      for (std::string_view name : providers()[row].second) {
        const bool subdomains_only = name.starts_with('.');
        if (subdomains_only) name.remove_prefix(1);
        if (name.empty()) continue;
        if (name.size() > kLongestName) throw std::logic_error("a name too long in data/providers.tsv");
        const auto at = static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
        if (at == names.size()) {
          names.push_back(name);
          rows.emplace_back();
        }
        std::size_t& first = subdomains_only ? rows[at].subdomains_only : rows[at].plain;
        first = std::min(first, row);
      }
    }
    NameIndex index(names);
    std::size_t longest = 0;
    for (std::string_view name : names) longest = std::max(longest, name.size());
    return ProviderNameIndex{std::move(names), std::move(rows), index, longest};
  }();
  return built;
}

// The first provider in table order with a name that `host` ends with.
std::string_view match(std::string_view host) {
  if (host.empty()) return {};
  const ProviderNameIndex& names = name_index();
  // The host and each domain after one of its dots are looked up, but only those no longer than
  // the longest name can be one: the first of them starts the host or follows a dot. Their bytes
  // alone are lowercased, as the table's names are, on the stack.
  std::size_t start = 0;
  if (host.size() > names.longest) {
    start = host.find('.', host.size() - names.longest - 1);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  std::array<char, kLongestName> lower;
  const std::size_t length = host.size() - start;
  for (std::size_t i = 0; i < length; ++i) lower[i] = mime::to_lower_ascii(host[start + i]);
  std::size_t first_row = kNoRow;
  for (std::string_view domain(lower.data(), length);;) {
    if (const int at = names.index.find(domain); at >= 0) {
      const NameRows& rows = names.rows[static_cast<std::size_t>(at)];
      first_row = std::min(first_row, rows.plain);
      // A subdomain has a label before the domain: more than the dot that ends it.
      if (host.size() > domain.size() + 1) first_row = std::min(first_row, rows.subdomains_only);
    }
    const std::size_t dot = domain.find('.');
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return first_row == kNoRow ? std::string_view() : providers()[first_row].first;
}

}  // namespace

std::string_view provider_of(std::string_view host, std::string_view domain) {
  const std::string_view by_host = match(host);
  return by_host.empty() ? match(domain) : by_host;
}

}  // namespace bg::bounce
