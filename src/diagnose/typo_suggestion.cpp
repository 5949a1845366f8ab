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
  // Whether the owner writes to a big provider is asked only of the one suggested.
  std::string_view best_domain;
  int best_distance = allowed_edits(domain) + 1;
  auto consider = [&](std::string_view candidate) {
    if (candidate == domain) return;
    // The distance is at least the difference of the lengths: a candidate too long or too short
    // to be near enough is passed over without computing it.
    const auto length_gap = static_cast<int>(std::max(domain.size(), candidate.size()) - std::min(domain.size(), candidate.size()));
    if (length_gap > allowed_edits(candidate) || length_gap >= best_distance) return;
    const int distance = edit_distance(domain, candidate);
    if (distance > allowed_edits(candidate) || distance >= best_distance) return;
    best_distance = distance;
    best_domain = candidate;
  };
  std::vector<std::string_view> correspondents(sent.correspondent_domains().begin(), sent.correspondent_domains().end());
  std::sort(correspondents.begin(), correspondents.end());  // the same suggestion on every run
  for (std::string_view candidate : correspondents) consider(candidate);
  const bool correspondent = !best_domain.empty();
  if (!correspondent)
    for (std::string_view candidate : common) consider(candidate);
  if (best_domain.empty()) return std::nullopt;
  return TypoSuggestion{std::string(address.substr(0, at + 1)) + std::string(best_domain),
                        correspondent || sent.wrote_to_domain(best_domain)};
}

}  // namespace bg::diagnose
