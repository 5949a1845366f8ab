#include "check/dmarc_record.h"

#include "check/tag_list.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::check {

namespace {

std::optional<DmarcPolicy> parse_policy(std::string_view value) {
  if (mime::iequals(value, "none")) return DmarcPolicy::none;
  if (mime::iequals(value, "quarantine")) return DmarcPolicy::quarantine;
  if (mime::iequals(value, "reject")) return DmarcPolicy::reject;
  return std::nullopt;
}

std::vector<std::string> split_uris(std::string_view value) {
  std::vector<std::string> uris;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    const std::string_view uri = mime::trim(value.substr(start, comma - start));
    if (!uri.empty()) uris.emplace_back(uri);
    start = comma + 1;
  }
  return uris;
}

// A one-letter tag value among `allowed`, or the problem it is.
void read_letter(const std::string& name, const std::string& value, std::string_view allowed,
                 char& out, std::vector<std::string>& problems) {
  if (value.size() == 1 && allowed.find(mime::to_lower_ascii(value[0])) != std::string_view::npos)
    out = mime::to_lower_ascii(value[0]);
  else
    problems.push_back(name + "=" + value + " is not one of the values " + std::string(allowed));
}

}  // namespace

std::string_view to_string(DmarcPolicy policy) {
  switch (policy) {
    case DmarcPolicy::none:
      return "none";
    case DmarcPolicy::quarantine:
      return "quarantine";
    case DmarcPolicy::reject:
      return "reject";
  }
  return "none";
}

DmarcPolicy DmarcRecord::policy_for_subdomain(bool exists) const {
  if (!exists && nonexistent_policy) return *nonexistent_policy;
  return subdomain_policy.value_or(policy);
}

bool is_dmarc_record(std::string_view text) {
  const TagList tags = parse_tag_list(text);
  return !tags.tags.empty() && tags.tags.front().name == "v" && tags.tags.front().value == "DMARC1";
}

DmarcRecord parse_dmarc_record(std::string_view text) {
  DmarcRecord record;
  record.text = std::string(text);
  const TagList tags = parse_tag_list(text);
  record.problems = tags.problems;
  for (const Tag& tag : tags.tags) {
    const std::string& name = tag.name;
    if (name == "v" || name == "fo") continue;
    if (name == "p" || name == "sp" || name == "np") {
      const std::optional<DmarcPolicy> policy = parse_policy(tag.value);
      if (!policy) {
        record.problems.push_back(name + "=" + tag.value + " is not none, quarantine or reject");
        continue;
      }
      if (name == "p") {
        record.policy = *policy;
        record.policy_given = true;
      } else {
        (name == "sp" ? record.subdomain_policy : record.nonexistent_policy) = *policy;
      }
    } else if (name == "psd") {
      read_letter(name, tag.value, "ynu", record.psd, record.problems);
    } else if (name == "t") {
      char testing = 'n';
      read_letter(name, tag.value, "yn", testing, record.problems);
      record.testing = testing == 'y';
    } else if (name == "adkim" || name == "aspf") {
      read_letter(name, tag.value, "rs",
                  name == "adkim" ? record.dkim_alignment : record.spf_alignment, record.problems);
    } else if (name == "rua" || name == "ruf") {
      (name == "rua" ? record.aggregate_reports : record.failure_reports) = split_uris(tag.value);
    } else if (name == "pct" || name == "rf" || name == "ri") {
      record.removed_tags.push_back(name + "=" + tag.value);
    } else {
      record.unknown_tags.push_back(name + "=" + tag.value);
    }
  }
  return record;
}

std::optional<std::string> report_uri_domain(std::string_view uri) {
  if (!mime::istarts_with(uri, "mailto:")) return std::nullopt;
  std::string_view address = uri.substr(7);
  address = address.substr(0, address.find('!'));  // a size limit may follow
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at + 1 >= address.size()) return std::nullopt;
  return mime::lowercase(address.substr(at + 1));
}

}  // namespace bg::check
