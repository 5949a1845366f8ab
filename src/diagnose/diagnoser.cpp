#include "diagnose/diagnoser.h"

namespace bg::diagnose {

namespace {

std::vector<std::string> relay_names(const Owner& owner) {
  std::vector<std::string> names;
  for (const IpRange& relay : owner.relays) names.push_back(relay.to_string());
  names.insert(names.end(), owner.relay_hosts.begin(), owner.relay_hosts.end());
  return names;
}

bool is_failure(const bounce::Record& record) {
  return record.kind == bounce::MessageKind::kBounce || record.kind == bounce::MessageKind::kDelay;
}

}  // namespace

Diagnoser::Diagnoser(Owner owner, const SentMail& sent, Sink sink, DnsKnowledge* dns)
    : owner_(std::move(owner)),
      sent_(sent),
      sink_(std::move(sink)),
      dns_(dns),
      relays_given_(owner_.knows_relays()),
      mass_mail_(sent_),
      tally_(owner_, sent_) {
  held_.reserve(kLearningWindow);
}

void Diagnoser::add(bounce::Record&& record) {
  if (learned_) {
    BounceVerdict verdict = is_failure(record) ? judge(record, {owner_, sent_, owner_uses_batv_}) : BounceVerdict{};
    if (is_failure(record)) mass_mail_.observe(record, verdict);
    judge_and_pass_on(record, std::move(verdict));
    return;
  }
  learning_.observe(record, sent_);
  held_.push_back(std::move(record));
  if (held_.size() >= kLearningWindow) learn();
}

void Diagnoser::learn() {
  learning_.complete_domains(owner_);
  // Relays given on the command line are taken as the whole truth; otherwise the SPF records
  // say which servers may send, and the mail shows which did.
  if (!relays_given_) {
    if (dns_ != nullptr) dns_->learn_relays(owner_);
    learning_.complete_relays(owner_, sent_);
  }
  owner_uses_batv_ = learning_.uses_batv(owner_);
  learned_ = true;
  // Whether owner-sent mass mail amounts to a compromise is decided over all the held records
  // before any of them is passed on: first what the spam-like mail has in common, then which
  // bounces share it.
  const VerdictContext context{owner_, sent_, owner_uses_batv_};
  std::vector<BounceVerdict> verdicts(held_.size());
  for (std::size_t i = 0; i < held_.size(); ++i) {
    if (!is_failure(held_[i])) continue;
    verdicts[i] = judge(held_[i], context);
    mass_mail_.observe(held_[i], verdicts[i]);
  }
  for (std::size_t i = 0; i < held_.size(); ++i)
    if (is_failure(held_[i]) && mass_mail_.is_candidate(held_[i], verdicts[i])) tally_.count_candidate(held_[i]);
  for (std::size_t i = 0; i < held_.size(); ++i) judge_and_pass_on(held_[i], std::move(verdicts[i]));
  held_.clear();
  held_.shrink_to_fit();
}

void Diagnoser::judge_and_pass_on(bounce::Record& record, BounceVerdict verdict) {
  // Delivery reports, auto-replies and feedback reports are not failures: nothing to diagnose.
  if (is_failure(record)) {
    Category category = verdict.category;
    if (mass_mail_.is_candidate(record, verdict)) {
      if (held_.empty()) tally_.count_candidate(record);  // held records were counted in learn()
      if (tally_.compromise_seen()) category = Category::kCompromise;
    }
    tally_.add(record, verdict, category);
    record.sent_by_owner = verdict.sent_by_owner;
    record.category = to_string(category);
    record.evidence = std::move(verdict.evidence);
  }
  sink_(record);
}

DiagnosisReport Diagnoser::finish() {
  if (!learned_) learn();
  DiagnosisReport report;
  report.owner.domains = owner_.domains;
  report.owner.relays = relay_names(owner_);
  report.owner.learned_from = owner_.learned_from;
  report.situations = tally_.situations();
  if (dns_ != nullptr) dns_->check_refused(tally_.refused_addresses(), report);
  return report;
}

}  // namespace bg::diagnose
