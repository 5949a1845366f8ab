#include "check/spf_evaluator.h"

#include <algorithm>

#include "check/spf_macros.h"
#include "check/spf_record.h"
#include "check/spf_record_lookup.h"
#include "dns/domain_name.h"
#include "dns/record_data.h"

namespace bg::check {

namespace {

// An error result that ends the whole evaluation, whatever record it arose in.
struct Abort {
  SpfResult result;
  std::string reason;
};

struct RecordOutcome {
  SpfResult result = SpfResult::neutral;
  std::string reason;
  std::optional<std::string> explanation;
};

SpfResult result_of(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::pass:
      return SpfResult::pass;
    case Qualifier::fail:
      return SpfResult::fail;
    case Qualifier::softfail:
      return SpfResult::softfail;
    case Qualifier::neutral:
      return SpfResult::neutral;
  }
  return SpfResult::neutral;
}

bool is_ascii(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A domain that initial processing accepts (RFC 7208 section 4.3): a fully qualified name.
bool is_checkable_domain(std::string_view domain) {
  return dns::is_queryable_name(domain) && dns::split_labels(domain).size() >= 2;
}

class Evaluation {
 public:
  Evaluation(dns::Resolver& resolver, const SpfRequest& request, SpfVerdict& verdict)
      : resolver_(resolver), verdict_(verdict) {
    values_.ip = request.ip.unmapped();
    values_.helo = request.helo;
    values_.sender = request.sender.empty() ? "postmaster@" + request.helo : request.sender;
    const std::size_t at = values_.sender.rfind('@');
    values_.local_part = at == std::string::npos ? "" : values_.sender.substr(0, at);
    values_.sender_domain =
        at == std::string::npos ? values_.sender : values_.sender.substr(at + 1);
    if (values_.local_part.empty()) values_.local_part = "postmaster";
    values_.sender = values_.local_part + "@" + values_.sender_domain;
  }

  const std::string& sender_domain() const { return values_.sender_domain; }

  RecordOutcome evaluate(const std::string& domain) {
    const SpfRecordLookup lookup = look_up_spf_record(resolver_, domain);
    switch (lookup.status) {
      case SpfRecordLookup::Status::failed:
        throw Abort{SpfResult::temperror,
                    "the SPF record of " + domain + " could not be fetched: " + lookup.detail};
      case SpfRecordLookup::Status::none:
        return {SpfResult::none, domain + " has no SPF record", std::nullopt};
      case SpfRecordLookup::Status::several:
        throw Abort{SpfResult::permerror, domain + " publishes " +
                                              std::to_string(lookup.records.size()) +
                                              " SPF records; there must be one"};
      case SpfRecordLookup::Status::found:
        break;
    }
    const auto parsed = parse_spf_record(lookup.records.front());
    if (const auto* error = std::get_if<SpfSyntaxError>(&parsed))
      throw Abort{SpfResult::permerror, "syntax error in the SPF record of " + domain +
                                            " at byte " + std::to_string(error->position) + ": " +
                                            error->message};
    const SpfRecord& record = std::get<SpfRecord>(parsed);
    step(domain + ": " + lookup.records.front());

    for (const Mechanism& mechanism : record.mechanisms) {
      if (mechanism.needs_dns()) count_lookup();
      if (!matches(mechanism, domain)) continue;
      RecordOutcome outcome{
          result_of(mechanism.qualifier), domain + ": '" + mechanism.text + "' matched", {}};
      if (outcome.result == SpfResult::fail) outcome.explanation = explain(record, domain);
      return outcome;
    }
    if (record.redirect) {
      count_lookup();
      const std::string target = expand_domain(*record.redirect, domain);
      if (!is_checkable_domain(target))
        throw Abort{SpfResult::permerror, "the redirect of " + domain + " names no valid domain"};
      step(domain + ": nothing matched, redirect to " + target);
      RecordOutcome outcome = evaluate(target);
      if (outcome.result == SpfResult::none)
        throw Abort{SpfResult::permerror,
                    "redirect=" + target + " of " + domain + " has no SPF record"};
      return outcome;
    }
    return {SpfResult::neutral, domain + ": no mechanism matched, so the result is neutral",
            std::nullopt};
  }

 private:
  void step(std::string line) { verdict_.steps.push_back(std::move(line)); }

  void count_lookup() {
    if (++verdict_.dns_lookups > kMaxDnsLookups)
      throw Abort{SpfResult::permerror,
                  "more than 10 DNS look-ups (include, a, mx, ptr, exists, redirect)"};
  }

  void count_if_void(const dns::Answer& answer, const std::string& name) {
    if (!answer.is_empty()) return;
    if (++verdict_.void_lookups > kMaxVoidLookups)
      throw Abort{SpfResult::permerror,
                  "more than 2 look-ups found nothing (the last: " + name + ")"};
  }

  void require_answer(const dns::Answer& answer, const std::string& name, dns::RecordType type) {
    if (answer.is_failure())
      throw Abort{SpfResult::temperror, "the " + std::string(dns::to_string(type)) +
                                            " look-up of " + name + " failed: " + answer.detail};
  }

  MacroValues values_for(const std::string& domain) {
    MacroValues values = values_;
    values.domain = domain;
    values.validated_name = [this, domain] { return validated_name(domain); };
    return values;
  }

  std::string expand_domain(const std::string& spec, const std::string& domain) {
    return truncate_domain(
        expand_macros(spec, values_for(domain), MacroUse::domain_spec).value_or(""));
  }

  dns::RecordType address_type() const {
    return values_.ip.is_v4() ? dns::RecordType::a : dns::RecordType::aaaa;
  }

  bool any_address_matches(const dns::Answer& answer, int ip4_prefix, int ip6_prefix) const {
    return std::ranges::any_of(answer.records, [&](const std::string& rdata) {
      const std::optional<dns::IpAddress> address = dns::IpAddress::from_bytes(rdata);
      return address && values_.ip.within(*address, address->is_v4() ? ip4_prefix : ip6_prefix);
    });
  }

  bool matches(const Mechanism& mechanism, const std::string& domain) {
    switch (mechanism.kind) {
      case MechanismKind::all:
        return true;
      case MechanismKind::ip4:
      case MechanismKind::ip6:
        return values_.ip.within(*mechanism.network,
                                 values_.ip.is_v4() ? mechanism.ip4_prefix : mechanism.ip6_prefix);
      case MechanismKind::include:
        return include_matches(mechanism, domain);
      case MechanismKind::a:
        return a_matches(mechanism, domain);
      case MechanismKind::mx:
        return mx_matches(mechanism, domain);
      case MechanismKind::ptr:
        return ptr_matches(mechanism, domain);
      case MechanismKind::exists:
        return exists_matches(mechanism, domain);
    }
    return false;
  }

  bool include_matches(const Mechanism& mechanism, const std::string& domain) {
    const std::string target = expand_domain(mechanism.target, domain);
    if (!is_checkable_domain(target))
      throw Abort{SpfResult::permerror,
                  "include:" + target + " in " + domain + " names no valid domain"};
    const RecordOutcome inner = evaluate(target);
    if (inner.result == SpfResult::none)
      throw Abort{SpfResult::permerror,
                  "include:" + target + " in " + domain + " has no SPF record"};
    return inner.result == SpfResult::pass;
  }

  bool a_matches(const Mechanism& mechanism, const std::string& domain) {
    const std::string target =
        mechanism.target.empty() ? domain : expand_domain(mechanism.target, domain);
    if (!dns::is_queryable_name(target)) return false;
    const dns::Answer answer = resolver_.resolve(target, address_type());
    require_answer(answer, target, address_type());
    count_if_void(answer, target);
    return any_address_matches(answer, mechanism.ip4_prefix, mechanism.ip6_prefix);
  }

  bool mx_matches(const Mechanism& mechanism, const std::string& domain) {
    const std::string target =
        mechanism.target.empty() ? domain : expand_domain(mechanism.target, domain);
    if (!dns::is_queryable_name(target)) return false;
    const dns::Answer answer = resolver_.resolve(target, dns::RecordType::mx);
    require_answer(answer, target, dns::RecordType::mx);
    count_if_void(answer, target);
    if (answer.records.size() > kMaxMxRecords)
      throw Abort{SpfResult::permerror, target + " has more than 10 MX records"};
    std::vector<dns::Question> questions;
    for (const std::string& rdata : answer.records)
      if (const auto mx = dns::read_mx(rdata); mx && dns::is_queryable_name(mx->exchange))
        questions.push_back({mx->exchange, address_type()});
    const std::vector<dns::Answer> addresses = resolver_.resolve_all(questions);
    for (std::size_t i = 0; i < addresses.size(); ++i) {
      require_answer(addresses[i], questions[i].name, address_type());
      if (any_address_matches(addresses[i], mechanism.ip4_prefix, mechanism.ip6_prefix))
        return true;
    }
    return false;
  }

  bool ptr_matches(const Mechanism& mechanism, const std::string& domain) {
    const std::string target =
        mechanism.target.empty() ? domain : expand_domain(mechanism.target, domain);
    return std::ranges::any_of(validated_names(/*count_void=*/true), [&](const std::string& name) {
      return dns::is_at_or_below(name, target);
    });
  }

  bool exists_matches(const Mechanism& mechanism, const std::string& domain) {
    const std::string target = expand_domain(mechanism.target, domain);
    if (!dns::is_queryable_name(target)) return false;
    const dns::Answer answer = resolver_.resolve(target, dns::RecordType::a);
    require_answer(answer, target, dns::RecordType::a);
    count_if_void(answer, target);
    return answer.answered();
  }

  // The names the client's PTR records give whose own addresses include the client (RFC 7208
  // section 5.5). Failed look-ups only skip a name: ptr never causes a temperror.
  std::vector<std::string> validated_names(bool count_void) {
    const std::string reverse = values_.ip.reverse_name();
    const dns::Answer answer = resolver_.resolve(reverse, dns::RecordType::ptr);
    if (count_void) count_if_void(answer, reverse);
    std::vector<dns::Question> questions;
    for (const std::string& rdata : answer.records) {
      if (questions.size() == kMaxPtrNames) break;
      if (const auto name = dns::read_name(rdata); name && dns::is_queryable_name(*name))
        questions.push_back({*name, address_type()});
    }
    const std::vector<dns::Answer> addresses = resolver_.resolve_all(questions);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < addresses.size(); ++i)
      if (any_address_matches(addresses[i], 32, 128)) names.push_back(questions[i].name);
    return names;
  }

  // %{p}: a validated name equal to or below the current domain if there is one (RFC 7208
  // section 7.3), else any validated name, else "unknown".
  std::string validated_name(const std::string& domain) {
    const std::vector<std::string> names = validated_names(/*count_void=*/false);
    const auto at_domain = std::ranges::find_if(
        names, [&](const std::string& name) { return dns::is_at_or_below(name, domain); });
    if (at_domain != names.end()) return *at_domain;
    return names.empty() ? "unknown" : names.front();
  }

  // The exp= text of a record that failed; nullopt whenever it cannot be had, so that the
  // default explanation is used (RFC 7208 section 6.2).
  std::optional<std::string> explain(const SpfRecord& record, const std::string& domain) {
    if (!record.explanation) return std::nullopt;
    const std::string name = expand_domain(*record.explanation, domain);
    if (!dns::is_queryable_name(name)) return std::nullopt;
    const dns::Answer answer = resolver_.resolve(name, dns::RecordType::txt);
    if (!answer.answered() || answer.records.size() != 1) return std::nullopt;
    const std::string text = dns::txt_text(answer.records.front());
    if (!is_ascii(text)) return std::nullopt;
    return expand_macros(text, values_for(domain), MacroUse::explanation);
  }

  dns::Resolver& resolver_;
  SpfVerdict& verdict_;
  MacroValues values_;
};

}  // namespace

std::string_view to_string(SpfResult result) {
  switch (result) {
    case SpfResult::none:
      return "none";
    case SpfResult::neutral:
      return "neutral";
    case SpfResult::pass:
      return "pass";
    case SpfResult::fail:
      return "fail";
    case SpfResult::softfail:
      return "softfail";
    case SpfResult::temperror:
      return "temperror";
    case SpfResult::permerror:
      return "permerror";
  }
  return "?";
}

SpfVerdict check_host(dns::Resolver& resolver, const SpfRequest& request) {
  SpfVerdict verdict;
  Evaluation evaluation(resolver, request, verdict);
  verdict.domain = evaluation.sender_domain();
  if (!is_checkable_domain(verdict.domain)) {
    verdict.result = SpfResult::none;
    verdict.reason = "'" + verdict.domain + "' is not a domain name that SPF can check";
    return verdict;
  }
  try {
    RecordOutcome outcome = evaluation.evaluate(verdict.domain);
    verdict.result = outcome.result;
    verdict.reason = std::move(outcome.reason);
    verdict.explanation = std::move(outcome.explanation);
  } catch (const Abort& abort) {
    verdict.result = abort.result;
    verdict.reason = abort.reason;
  }
  return verdict;
}

}  // namespace bg::check
