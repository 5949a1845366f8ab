#include "diagnose/typo_suggestion.h"

#include <algorithm>
#include <vector>

#include "bounce/address.h"
#include "data/embedded_files.h"
#include "data/tsv.h"

namespace bg::diagnose {

namespace {

const std::vector<std::string_view>& common_domains() {
  static const std::vector<std::string_view> domains =
      data::read_first_cells(data::embedded_file("common-domains.tsv"));
  return domains;
}

// Short names tolerate one slip, longer ones two.
int allowed_edits(std::string_view domain) { return domain.size() <= 8 ? 1 : 2; }

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), three rows.
  const std::size_t m = b.size();
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::optional<TypoSuggestion> suggest_correction(std::string_view address, const SentMail& sent) {
  const std::string domain = bounce::domain_of(address);
  const std::size_t at = address.rfind('@');
  if (domain.empty() || at == std::string_view::npos) return std::nullopt;
  const auto& common = common_domains();
  if (std::find(common.begin(), common.end(), domain) != common.end()) return std::nullopt;
  if (sent.wrote_to_domain(domain)) return std::nullopt;  // the owner writes there: not a typo

  // The owner's own correspondents first: that is where the mail was most likely meant to go.
  std::optional<TypoSuggestion> best;
  int best_distance = allowed_edits(domain) + 1;
  auto consider = [&](std::string_view candidate, bool writes_to) {
    if (candidate == domain) return;
    const int distance = edit_distance(domain, candidate);
    if (distance > allowed_edits(candidate) || distance >= best_distance) return;
    best_distance = distance;
    best = TypoSuggestion{std::string(address.substr(0, at + 1)) + std::string(candidate), writes_to};
  };
  std::vector<std::string_view> correspondents(sent.correspondent_domains().begin(), sent.correspondent_domains().end());
  std::sort(correspondents.begin(), correspondents.end());  // the same suggestion on every run
  for (std::string_view candidate : correspondents) consider(candidate, true);
  if (!best)
    for (std::string_view candidate : common) consider(candidate, sent.wrote_to_domain(candidate));
  return best;
}

}  // namespace bg::diagnose
