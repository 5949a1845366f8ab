#include "diagnose/blocklist_mention.h"

#include <vector>

#include "bounce/literal_set.h"
#include "data/embedded_files.h"
#include "data/tsv.h"
#include "diagnose/ip_range.h"
#include "mime/ascii.h"

namespace bg::diagnose {

namespace {

struct MentionRow {
  std::string_view list;
  std::string_view removal_page;
};

const std::vector<MentionRow>& mention_rows() {
  static const std::vector<MentionRow> rows = [] {
    std::vector<MentionRow> table;
    for (const data::TsvRow& row : data::read_tsv(data::embedded_file("blocklist-mentions.tsv")))
      if (row.size() >= 2) table.push_back({row[0], row.size() > 2 ? row[2] : std::string_view()});
    return table;
  }();
  return rows;
}

// The phrase column of the same table, compiled at build time (tools/compile_literals.cpp): a
// match's number is its row's in mention_rows().
const bounce::LiteralSet& mention_phrases() {
  static const bounce::LiteralSet phrases = bounce::LiteralSet::compiled("blocklist-mentions");
  return phrases;
}

bool is_ip_character(char c) {
  return (c >= '0' && c <= '9') || c == '.' || c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The first public IP address in `text` that is not the one written right after `skip_host`.
std::string refused_ip(std::string_view text, std::string_view skip_host) {
  std::size_t skip_from = std::string_view::npos, skip_to = 0;
  if (!skip_host.empty()) {
    const std::size_t at = mime::ifind(text, skip_host);
    if (at != std::string_view::npos) {
      skip_from = at;
      skip_to = text.find(']', at);
      if (skip_to == std::string_view::npos || skip_to - at > skip_host.size() + 48) skip_to = at + skip_host.size();
    }
  }
  for (std::size_t i = 0; i < text.size();) {
    if (!is_ip_character(text[i]) || (i > 0 && is_ip_character(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_ip_character(text[end])) ++end;
    std::string_view candidate = text.substr(i, end - i);
    while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == ':')) candidate.remove_suffix(1);
    const bool skipped = skip_from != std::string_view::npos && i >= skip_from && i <= skip_to;
    if (!skipped) {
      if (const auto address = parse_ip(candidate); address && !is_internal(*address)) return address->to_string();
    }
    i = end;
  }
  return {};
}

}  // namespace

std::optional<BlocklistMention> find_blocklist_mention(std::string_view reply, std::string_view remote_host) {
  const std::optional<std::size_t> row = mention_phrases().first_found(reply);
  if (!row) return std::nullopt;
  const MentionRow& mention = mention_rows()[*row];
  return BlocklistMention{std::string(mention.list), std::string(mention.removal_page), refused_ip(reply, remote_host)};
}

}  // namespace bg::diagnose
