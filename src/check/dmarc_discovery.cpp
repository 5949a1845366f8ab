#include "check/dmarc_discovery.h"

#include "dns/domain_name.h"
#include "dns/record_data.h"

namespace bg::check {

namespace {

constexpr std::size_t kLongestWalkStart = 7;

std::string join_labels(const std::vector<std::string_view>& labels, std::size_t first) {
  std::string name;
  for (std::size_t i = first; i < labels.size(); ++i) {
    if (!name.empty()) name += '.';
    name += labels[i];
  }
  return name;
}

}  // namespace

std::vector<std::string> dmarc_walk_domains(std::string_view domain) {
  const std::string name = dns::normalize_name(domain);
  const std::vector<std::string_view> labels = dns::split_labels(name);
  std::vector<std::string> domains;
  if (labels.empty()) return domains;
  domains.push_back(name);
  std::size_t first = labels.size() > kLongestWalkStart ? labels.size() - kLongestWalkStart : 1;
  for (; first < labels.size(); ++first) domains.push_back(join_labels(labels, first));
  return domains;
}

DmarcDiscovery discover_dmarc(dns::Resolver& resolver, std::string_view domain) {
  DmarcDiscovery discovery;
  const std::vector<std::string> walk = dmarc_walk_domains(domain);
  if (walk.empty()) return discovery;
  discovery.organizational_domain = walk.front();
  std::vector<dns::Question> questions;
  for (const std::string& name : walk)
    questions.push_back({"_dmarc." + name, dns::RecordType::txt});
  const std::vector<dns::Answer> answers = resolver.resolve_all(questions);

  std::optional<std::string> fewest_labels_with_record;
  for (std::size_t i = 0; i < walk.size(); ++i) {
    if (answers[i].is_failure()) {
      discovery.failures.push_back(questions[i].name + ": " + answers[i].detail);
      continue;
    }
    std::vector<std::string> records;
    for (const std::string& rdata : answers[i].records)
      if (std::string text = dns::txt_text(rdata); is_dmarc_record(text))
        records.push_back(std::move(text));
    if (records.size() > 1) discovery.several_records_at.push_back(walk[i]);
    if (records.size() != 1) continue;

    const DmarcRecord record = parse_dmarc_record(records.front());
    if (!discovery.record) {
      discovery.record = record;
      discovery.record_domain = walk[i];
      discovery.dnssec = answers[i].dnssec;
    }
    if (record.psd == 'n') {  // the organizational domain says so itself: the walk stops
      discovery.organizational_domain = walk[i];
      return discovery;
    }
    if (record.psd == 'y' && i > 0) {  // a public suffix: the domain one label below it
      discovery.organizational_domain = walk[0];
      const std::size_t suffix_labels = dns::split_labels(walk[i]).size();
      const std::vector<std::string_view> labels = dns::split_labels(walk[0]);
      if (labels.size() > suffix_labels)
        discovery.organizational_domain = join_labels(labels, labels.size() - suffix_labels - 1);
      return discovery;
    }
    fewest_labels_with_record = walk[i];
  }
  if (fewest_labels_with_record) discovery.organizational_domain = *fewest_labels_with_record;
  return discovery;
}

}  // namespace bg::check
