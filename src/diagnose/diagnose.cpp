#include "diagnose/diagnose.h"

#include <optional>
#include <stdexcept>

#include "diagnose/diagnoser.h"
#include "dns/domain_name.h"
#include "mime/ascii.h"
#include "scan/scanner.h"

namespace bg::diagnose {

namespace {

bool is_domain_name(std::string_view text) {
  if (text.empty() || text.find('.') == std::string_view::npos || text.front() == '.' || text.back() == '.') return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
      return false;
  return dns::is_queryable_name(text);  // no empty label, none over 63 bytes, 253 in all
}

}  // namespace

DiagnosisSetup prepare_diagnosis(const OwnerOptions& options) {
  DiagnosisSetup setup;
  setup.sent = std::make_unique<SentMail>();
  for (const std::string& domain : options.domains) {
    if (!is_domain_name(domain)) throw std::invalid_argument("--domain takes a domain name such as example.com, not '" + domain + "'");
    setup.owner.domains.push_back(mime::lowercase(domain));
  }
  for (const std::string& relay : options.relays)
    if (!add_relay(setup.owner, relay))
      throw std::invalid_argument("--relay takes an IP address, a CIDR range or a host name, not '" + relay + "'");
  for (const std::string& path : options.sent_paths) {
    const std::size_t before = setup.sent->sent_messages();
    for (mailbox::ReadProblem& problem : setup.sent->read_sent_folder(path))
      setup.input_problems.push_back(std::move(problem));
    if (setup.sent->sent_messages() == before)
      setup.input_problems.push_back({path, "no message in it, so it proves nothing sent"});
  }
  for (const std::string& path : options.maillog_paths) {
    const std::size_t before = setup.sent->logged_messages();
    setup.sent->read_mail_log(path);
    if (setup.sent->logged_messages() == before)
      setup.input_problems.push_back({path, "no Postfix or Exim message-id in it, so it proves nothing sent"});
  }
  return setup;
}

DiagnosedScan diagnose_inputs(const std::vector<std::string>& inputs, const OwnerOptions& options,
                              dns::Resolver* resolver) {
  DiagnosisSetup setup = prepare_diagnosis(options);
  DiagnosedScan result;
  std::optional<DnsKnowledge> dns;
  if (resolver != nullptr) dns.emplace(*resolver);
  Diagnoser diagnoser(std::move(setup.owner), *setup.sent,
                      [&](bounce::Record& record) { result.records.push_back(std::move(record)); },
                      dns ? &*dns : nullptr);
  scan::ScanOptions scan_options;
  scan_options.inputs = inputs;
  result.summary = scan::scan_batches(scan_options,
                                      [&](std::vector<bounce::Record>&& records) { diagnoser.add(std::move(records)); });
  result.report = diagnoser.finish();
  return result;
}

}  // namespace bg::diagnose
