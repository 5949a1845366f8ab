#include "bounce/reason/providers.h"

#include <string>
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

// ".example.com" matches subdomains only; "example.com" also matches itself.
bool name_matches(std::string_view host, std::string_view name) {
  if (host.size() < name.size()) return false;
  if (!mime::iequals(host.substr(host.size() - name.size()), name)) return false;
  if (name.front() == '.') return host.size() > name.size();
  return host.size() == name.size() || host[host.size() - name.size() - 1] == '.';
}

std::string_view match(std::string_view host) {
  if (host.empty()) return {};
  for (const auto& [provider, names] : providers())
    for (std::string_view name : names)
      if (name_matches(host, name)) return provider;
  return {};
}

}  // namespace

std::string_view provider_of(std::string_view host, std::string_view domain) {
  const std::string_view by_host = match(host);
  return by_host.empty() ? match(domain) : by_host;
}

}  // namespace bg::bounce
