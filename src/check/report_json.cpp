#include "check/report_json.h"

namespace bg::check {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json findings_json(const std::vector<Finding>& findings) {
  Json list = Json::array();
  for (const Finding& finding : findings)
    list.push_back({{"id", finding.id},
                    {"severity", to_string(finding.severity)},
                    {"message", finding.message},
                    {"record", text_or_null(finding.record)}});
  return list;
}

Json spf_json(const SpfAudit& spf) {
  Json authorized = Json::array();
  for (const AuthorizedNetwork& network : spf.authorized)
    authorized.push_back({{"network", network.to_string()}, {"source", network.source}});
  return {
      {"record", text_or_null(spf.record)},
      {"dnssec", to_string(spf.dnssec)},
      {"dns_lookups", spf.dns_lookups},
      {"void_lookups", spf.void_lookups},
      {"all", spf.all ? Json(std::string(1, qualifier_symbol(*spf.all)) + "all") : Json(nullptr)},
      {"includes", spf.includes},
      {"authorized", authorized},
      {"hosts", spf.hosts},
      {"unflattened", spf.unflattened}};
}

Json policy_or_null(const std::optional<DmarcPolicy>& policy) {
  return policy ? Json(to_string(*policy)) : Json(nullptr);
}

Json dmarc_json(const DmarcDiscovery& dmarc) {
  Json json = {{"record", nullptr},
               {"record_domain", text_or_null(dmarc.record_domain)},
               {"organizational_domain", dmarc.organizational_domain}};
  if (!dmarc.record) return json;
  const DmarcRecord& record = *dmarc.record;
  json["record"] = record.text;
  json["dnssec"] = to_string(dmarc.dnssec);
  json["policy"] = to_string(record.policy);
  json["subdomain_policy"] = policy_or_null(record.subdomain_policy);
  json["nonexistent_policy"] = policy_or_null(record.nonexistent_policy);
  json["psd"] = std::string(1, record.psd);
  json["testing"] = record.testing;
  json["adkim"] = std::string(1, record.dkim_alignment);
  json["aspf"] = std::string(1, record.spf_alignment);
  json["rua"] = record.aggregate_reports;
  json["ruf"] = record.failure_reports;
  return json;
}

Json dkim_json(const DomainReport& report) {
  Json keys = Json::array();
  for (const DkimKey& key : report.dkim)
    keys.push_back({{"selector", key.selector},
                    {"record", key.text},
                    {"key_type", key.key_type},
                    {"bits", key.bits},
                    {"testing", key.testing},
                    {"revoked", key.revoked},
                    {"dnssec", to_string(key.dnssec)}});
  return {{"selectors_tried", report.dkim_selectors_tried}, {"keys", keys}};
}

Json mx_json(const MxReport& mx) {
  Json hosts = Json::array();
  for (const MailHost& host : mx.hosts)
    hosts.push_back(
        {{"preference", host.preference}, {"name", host.name}, {"addresses", host.addresses}});
  return {{"null_mx", mx.null_mx}, {"hosts", hosts}, {"dnssec", to_string(mx.dnssec)}};
}

Json policy_json(const PolicyRecord& record) {
  return {{"name", record.name}, {"record", record.text ? Json(*record.text) : Json(nullptr)}};
}

Json listings_json(const std::vector<BlocklistListing>& listings) {
  Json list = Json::array();
  for (const BlocklistListing& listing : listings)
    list.push_back({{"subject", listing.subject},
                    {"list", listing.list},
                    {"zone", listing.zone},
                    {"answer", listing.answer},
                    {"meaning", listing.meaning},
                    {"removal_page", listing.removal_page}});
  return list;
}

Json blocklists_json(const BlocklistReport& blocklists) {
  return {{"checked", blocklists.subjects},
          {"queries", blocklists.queries},
          {"listed", listings_json(blocklists.listings)},
          {"refused", listings_json(blocklists.refusals)},
          {"failures", blocklists.failures}};
}

}  // namespace

Json to_json(const DomainReport& report) {
  return {{"domain", report.domain},
          {"findings", findings_json(report.findings)},
          {"spf", spf_json(report.spf)},
          {"dmarc", dmarc_json(report.dmarc)},
          {"dkim", dkim_json(report)},
          {"mx", mx_json(report.mx)},
          {"mta_sts", policy_json(report.policies.mta_sts)},
          {"tls_rpt", policy_json(report.policies.tls_rpt)},
          {"bimi", policy_json(report.policies.bimi)},
          {"blocklists", blocklists_json(report.blocklists)}};
}

Json to_json(const SpfVerdict& verdict) {
  return {{"result", to_string(verdict.result)},
          {"domain", verdict.domain},
          {"reason", verdict.reason},
          {"explanation", verdict.explanation ? Json(*verdict.explanation) : Json(nullptr)},
          {"dns_lookups", verdict.dns_lookups},
          {"void_lookups", verdict.void_lookups},
          {"steps", verdict.steps}};
}

}  // namespace bg::check
