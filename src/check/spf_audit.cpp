#include "check/spf_audit.h"

#include <algorithm>

#include "check/spf_record_lookup.h"
#include "check/zone_record.h"
#include "dns/domain_name.h"
#include "dns/record_data.h"

namespace bg::check {

namespace {

constexpr std::size_t kMaxStringBytes = 255;
constexpr std::size_t kRecommendedRecordBytes = 450;
constexpr std::size_t kUdpAnswerBytes = 512;

bool has_macro(std::string_view spec) { return spec.find('%') != std::string_view::npos; }

// Where each string of a published record starts in the joined text.
std::vector<std::size_t> string_starts(const std::vector<std::string>& strings) {
  std::vector<std::size_t> starts;
  std::size_t offset = 0;
  for (const std::string& piece : strings) {
    starts.push_back(offset);
    offset += piece.size();
  }
  return starts;
}

// The checks a record's text allows without further DNS queries. Returns the parsed record, or
// nullopt after a syntax error.
std::optional<SpfRecord> audit_text(std::string_view domain,
                                    const std::vector<std::string>& strings,
                                    std::vector<Finding>& findings) {
  std::string text;
  for (const std::string& piece : strings) text += piece;
  for (const std::string& piece : strings)
    if (piece.size() > kMaxStringBytes)
      findings.push_back(make_finding("spf.string_too_long",
                                      "the SPF record of " + std::string(domain) +
                                          " has a string of " + std::to_string(piece.size()) +
                                          " bytes",
                                      txt_record(domain, text)));
  if (text.size() > kRecommendedRecordBytes)
    findings.push_back(
        make_finding("spf.record_too_long", "the SPF record of " + std::string(domain) + " is " +
                                                std::to_string(text.size()) + " bytes long"));
  const auto parsed = parse_spf_record(text);
  if (const auto* error = std::get_if<SpfSyntaxError>(&parsed)) {
    std::string message = "the SPF record of " + std::string(domain) + " is invalid at byte " +
                          std::to_string(error->position) + ": " + error->message;
    const std::size_t term_end = std::min(text.find(' ', error->position), text.size());
    const std::vector<std::size_t> starts = string_starts(strings);
    if (std::ranges::any_of(
            starts, [&](std::size_t start) { return start > error->position && start < term_end; }))
      message += " (a string boundary falls inside this term: strings are joined without a space)";
    findings.push_back(make_finding("spf.syntax_error", message));
    return std::nullopt;
  }
  const SpfRecord& record = std::get<SpfRecord>(parsed);
  for (const Mechanism& mechanism : record.mechanisms)
    if (mechanism.kind == MechanismKind::ptr)
      findings.push_back(
          make_finding("spf.ptr_used", "'" + mechanism.text + "' in the SPF record of " +
                                           std::string(domain) + "; list the addresses instead"));
  return record;
}

const Mechanism* final_all(const SpfRecord& record) {
  const auto all = std::ranges::find(record.mechanisms, MechanismKind::all, &Mechanism::kind);
  return all == record.mechanisms.end() ? nullptr : &*all;
}

// The record with its final all made "-all", for a finding about a weaker one.
std::string with_hard_fail(std::string_view text, const SpfRecord& record) {
  std::string fixed(text);
  if (const Mechanism* all = final_all(record)) {
    fixed.replace(all->position, all->text.size(), "-all");
    return fixed;
  }
  while (!fixed.empty() && fixed.back() == ' ') fixed.pop_back();
  return fixed + " -all";
}

void judge_all(std::string_view domain, std::optional<Qualifier> all, const std::string& suggestion,
               std::vector<Finding>& findings) {
  const std::string owner(domain);
  if (!all) {
    findings.push_back(make_finding(
        "spf.no_all", "the SPF record of " + owner + " ends without an all mechanism", suggestion));
    return;
  }
  switch (*all) {
    case Qualifier::pass:
      findings.push_back(make_finding(
          "spf.all_pass", owner + " ends its SPF record with +all: any host passes", suggestion));
      break;
    case Qualifier::neutral:
      findings.push_back(
          make_finding("spf.all_neutral", owner + " ends its SPF record with ?all", suggestion));
      break;
    case Qualifier::softfail:
      findings.push_back(
          make_finding("spf.all_softfail",
                       owner + " ends its SPF record with ~all; once every sender is listed, "
                               "publish -all",
                       suggestion));
      break;
    case Qualifier::fail:
      break;
  }
}

class Auditor {
 public:
  Auditor(dns::Resolver& resolver, SpfAudit& audit) : resolver_(resolver), audit_(audit) {}

  // Reads the record of `domain` and everything under it. `decides_all`: this record's all (or
  // its redirect's) ends the top-level evaluation. Returns false when the record is unusable.
  // Whether the top-level evaluation ends in a record without all or redirect.
  bool open_ended() const { return open_ended_; }

  bool walk(const std::string& domain, const std::string& referrer, bool decides_all) {
    const SpfRecordLookup lookup = look_up_spf_record(resolver_, domain);
    const bool top = referrer.empty();
    switch (lookup.status) {
      case SpfRecordLookup::Status::failed:
        add("spf.lookup_failed",
            "the SPF record of " + domain + " could not be fetched: " + lookup.detail);
        return false;
      case SpfRecordLookup::Status::none:
        if (top)
          add("spf.missing",
              domain +
                  " publishes no SPF record; list the servers that send for it (or publish "
                  "v=spf1 -all if it sends no mail)",
              txt_record(domain, "v=spf1 mx -all"));
        else
          add("spf.include_missing", referrer + " names " + domain + ", which has no SPF record");
        return false;
      case SpfRecordLookup::Status::several:
        add("spf.multiple_records", domain + " publishes " + std::to_string(lookup.records.size()) +
                                        " SPF records; merge them into one");
        return false;
      case SpfRecordLookup::Status::found:
        break;
    }
    if (top) {
      audit_.found = true;
      audit_.record = lookup.records.front();
      audit_.dnssec = lookup.dnssec;
    }
    if (lookup.answer_bytes > kUdpAnswerBytes)
      add("spf.answer_too_large", "the TXT records of " + domain + " add up to about " +
                                      std::to_string(lookup.answer_bytes) + " bytes");
    const std::optional<SpfRecord> record =
        audit_text(domain, lookup.record_strings.front(), audit_.findings);
    if (!record) return false;

    chain_.push_back(dns::normalize_name(domain));
    for (const Mechanism& mechanism : record->mechanisms) {
      if (mechanism.needs_dns()) ++audit_.dns_lookups;
      flatten(mechanism, domain);
    }
    const Mechanism* all = final_all(*record);
    if (decides_all && all) audit_.all = all->qualifier;
    if (decides_all && !all && !record->redirect) open_ended_ = true;
    if (record->redirect && !all) {
      ++audit_.dns_lookups;
      follow("redirect=", *record->redirect, domain, decides_all);
    }
    chain_.pop_back();
    return true;
  }

 private:
  void add(std::string_view id, std::string message, std::string record = "") {
    audit_.findings.push_back(make_finding(id, std::move(message), std::move(record)));
  }

  void follow(const std::string& how, const std::string& spec, const std::string& domain,
              bool decides_all) {
    if (has_macro(spec)) {
      audit_.unflattened.push_back(how + spec);
      return;
    }
    const std::string target = dns::normalize_name(spec);
    if (std::ranges::find(chain_, target) != chain_.end()) {
      add("spf.include_loop",
          how + target + " in the record of " + domain + " leads back to a record being read");
      return;
    }
    if (std::ranges::find(audit_.includes, target) != audit_.includes.end()) {
      add("spf.duplicate_include",
          target + " is included more than once (again by " + domain + ")");
      return;
    }
    audit_.includes.push_back(target);
    walk(target, domain, decides_all);
  }

  void flatten(const Mechanism& mechanism, const std::string& domain) {
    const std::string source = mechanism.text + " (" + domain + ")";
    switch (mechanism.kind) {
      case MechanismKind::ip4:
        audit_.authorized.push_back({*mechanism.network, mechanism.ip4_prefix, source});
        break;
      case MechanismKind::ip6:
        audit_.authorized.push_back({*mechanism.network, mechanism.ip6_prefix, source});
        break;
      case MechanismKind::include:
        follow("include:", mechanism.target, domain, false);
        break;
      case MechanismKind::a:
      case MechanismKind::mx:
        if (has_macro(mechanism.target)) {
          audit_.unflattened.push_back(source);
          break;
        }
        authorize_hosts(mechanism,
                        mechanism.target.empty() ? domain : dns::normalize_name(mechanism.target),
                        source);
        break;
      case MechanismKind::ptr:
      case MechanismKind::exists:
        audit_.unflattened.push_back(source);
        break;
      case MechanismKind::all:
        break;
    }
  }

  void count_void(const std::string& name, const std::string& source) {
    ++audit_.void_lookups;
    add("spf.void_lookup", source + " names " + name + ", which has no records");
  }

  void authorize_hosts(const Mechanism& mechanism, const std::string& target,
                       const std::string& source) {
    std::vector<std::string> hosts;
    if (mechanism.kind == MechanismKind::a) {
      hosts.push_back(target);
    } else {
      const dns::Answer mx = resolver_.resolve(target, dns::RecordType::mx);
      if (mx.is_empty()) count_void(target, source);
      if (mx.records.size() > kMaxMxRecords)
        add("spf.too_many_mx",
            source + ": " + target + " has " + std::to_string(mx.records.size()) + " MX records");
      for (const std::string& rdata : mx.records)
        if (const auto record = dns::read_mx(rdata); record && !record->exchange.empty())
          hosts.push_back(record->exchange);
    }
    std::vector<dns::Question> questions;
    for (const std::string& host : hosts) {
      questions.push_back({host, dns::RecordType::a});
      questions.push_back({host, dns::RecordType::aaaa});
    }
    const std::vector<dns::Answer> answers = resolver_.resolve_all(questions);
    bool any_address = false;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      for (const std::string& rdata : answers[i].records) {
        const std::optional<dns::IpAddress> address = dns::IpAddress::from_bytes(rdata);
        if (!address) continue;
        any_address = true;
        audit_.authorized.push_back(
            {*address, address->is_v4() ? mechanism.ip4_prefix : mechanism.ip6_prefix, source});
      }
    }
    if (mechanism.kind == MechanismKind::a && !any_address && !answers.empty() &&
        std::ranges::all_of(answers, &dns::Answer::is_empty))
      count_void(target, source);
    for (const std::string& host : hosts)
      if (std::ranges::find(audit_.hosts, host) == audit_.hosts.end()) audit_.hosts.push_back(host);
  }

  dns::Resolver& resolver_;
  SpfAudit& audit_;
  bool open_ended_ = false;
  std::vector<std::string> chain_;  // the records being read, outermost first
};

}  // namespace

std::string AuthorizedNetwork::to_string() const {
  const int full = address.is_v4() ? 32 : 128;
  return address.to_string() + (prefix_length == full ? "" : "/" + std::to_string(prefix_length));
}

SpfAudit audit_spf(dns::Resolver& resolver, std::string_view domain) {
  SpfAudit audit;
  const std::string name = dns::normalize_name(domain);
  Auditor auditor(resolver, audit);
  auditor.walk(name, "", true);
  if (!audit.found) return audit;
  if (audit.dns_lookups > kMaxDnsLookups)
    audit.findings.push_back(make_finding(
        "spf.too_many_lookups",
        "the SPF tree of " + name + " has " + std::to_string(audit.dns_lookups) +
            " DNS-querying terms; receivers stop at 10 (replace includes with the ip4/ip6 "
            "ranges they stand for, or drop unused ones)"));
  if (audit.void_lookups > kMaxVoidLookups)
    audit.findings.push_back(
        make_finding("spf.too_many_void_lookups",
                     "the SPF tree of " + name + " has " + std::to_string(audit.void_lookups) +
                         " terms naming domains without records; receivers stop at 2"));
  const auto parsed = parse_spf_record(audit.record);
  if (const auto* record = std::get_if<SpfRecord>(&parsed);
      record && (audit.all || auditor.open_ended())) {
    // When the all comes from a redirect, the fix belongs in that other domain's record.
    const bool fix_here = final_all(*record) != nullptr || !record->redirect;
    judge_all(name, audit.all,
              fix_here ? txt_record(name, with_hard_fail(audit.record, *record)) : "",
              audit.findings);
  }
  return audit;
}

std::vector<Finding> audit_spf_strings(std::string_view domain,
                                       const std::vector<std::string>& strings) {
  std::vector<Finding> findings;
  const std::optional<SpfRecord> record = audit_text(domain, strings, findings);
  if (!record || record->redirect) return findings;
  std::string text;
  for (const std::string& piece : strings) text += piece;
  const Mechanism* all = final_all(*record);
  judge_all(domain, all ? std::optional(all->qualifier) : std::nullopt,
            txt_record(domain, with_hard_fail(text, *record)), findings);
  return findings;
}

}  // namespace bg::check
