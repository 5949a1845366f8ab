#include "check/policy_records.h"

#include "check/tag_list.h"
#include "check/zone_record.h"
#include "dns/domain_name.h"
#include "dns/record_data.h"

namespace bg::check {

namespace {

struct Kind {
  std::string_view prefix;   // the label(s) before the domain
  std::string_view version;  // the v= value that marks the record
  std::vector<std::string_view> required_tags;
};

const Kind kMtaSts{"_mta-sts", "STSv1", {"id"}};
const Kind kTlsRpt{"_smtp._tls", "TLSRPTv1", {"rua"}};
const Kind kBimi{"default._bimi", "BIMI1", {}};

PolicyRecord read_record(const Kind& kind, const std::string& name, const dns::Answer& answer) {
  PolicyRecord record{name, std::nullopt, {}, answer.is_failure()};
  for (const std::string& rdata : answer.records) {
    const std::string text = dns::txt_text(rdata);
    const TagList tags = parse_tag_list(text);
    if (tags.tags.empty() || tags.tags.front().name != "v" ||
        tags.tags.front().value != kind.version)
      continue;
    if (record.text) {
      record.problems.push_back("more than one v=" + std::string(kind.version) + " record");
      continue;
    }
    record.text = text;
    record.problems.insert(record.problems.end(), tags.problems.begin(), tags.problems.end());
    for (const std::string_view tag : kind.required_tags)
      if (!tags.find(tag))
        record.problems.push_back("the " + std::string(tag) + "= tag is missing");
  }
  return record;
}

}  // namespace

PolicyRecords check_policy_records(dns::Resolver& resolver, std::string_view domain_text,
                                   const DmarcDiscovery& dmarc) {
  const std::string domain = dns::normalize_name(domain_text);
  const std::vector<const Kind*> kinds = {&kMtaSts, &kTlsRpt, &kBimi};
  std::vector<dns::Question> questions;
  for (const Kind* kind : kinds)
    questions.push_back({std::string(kind->prefix) + "." + domain, dns::RecordType::txt});
  const std::vector<dns::Answer> answers = resolver.resolve_all(questions);

  PolicyRecords records;
  records.mta_sts = read_record(kMtaSts, questions[0].name, answers[0]);
  records.tls_rpt = read_record(kTlsRpt, questions[1].name, answers[1]);
  records.bimi = read_record(kBimi, questions[2].name, answers[2]);

  if (!records.mta_sts.text && !records.mta_sts.lookup_failed)
    records.findings.push_back(make_finding("mta_sts.missing",
                                            domain +
                                                " publishes no MTA-STS policy; publish this "
                                                "record and a policy at https://mta-sts." +
                                                domain + "/.well-known/mta-sts.txt",
                                            txt_record(records.mta_sts.name, "v=STSv1; id=1")));
  for (const std::string& problem : records.mta_sts.problems)
    records.findings.push_back(
        make_finding("mta_sts.invalid", records.mta_sts.name + ": " + problem));
  if (!records.tls_rpt.text && !records.tls_rpt.lookup_failed)
    records.findings.push_back(make_finding(
        "tls_rpt.missing", domain + " asks for no TLS failure reports",
        txt_record(records.tls_rpt.name, "v=TLSRPTv1; rua=mailto:tls-reports@" + domain)));
  for (const std::string& problem : records.tls_rpt.problems)
    records.findings.push_back(
        make_finding("tls_rpt.invalid", records.tls_rpt.name + ": " + problem));
  const bool enforcing =
      dmarc.record && dmarc.record->policy != DmarcPolicy::none && !dmarc.record->testing;
  if (!records.bimi.text && !records.bimi.lookup_failed)
    records.findings.push_back(make_finding("bimi.missing", domain + " publishes no BIMI record"));
  else if (records.bimi.text && !enforcing)
    records.findings.push_back(make_finding("bimi.needs_enforcement",
                                            domain + " publishes BIMI, but mail clients show "
                                                     "logos only under p=quarantine or p=reject"));
  return records;
}

}  // namespace bg::check
