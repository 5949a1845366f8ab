#include "diagnose/diagnoser.h"

#include <algorithm>

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

Diagnoser::Diagnoser(Owner owner, const SentMail& sent, Sink sink, DnsKnowledge* dns, Report report)
    : owner_(std::move(owner)),
      sent_(sent),
      sink_(std::move(sink)),
      dns_(dns),
      report_(report),
      relays_given_(owner_.knows_relays()),
      mass_mail_(sent_),
      tally_(owner_, sent_) {}

void Diagnoser::add(bounce::Record&& record) {
  if (learned_) {
    judge_and_pass_on(record);
    return;
  }
  std::vector<bounce::Record> batch;
  batch.push_back(std::move(record));
  add(std::move(batch));
}

void Diagnoser::add(std::vector<bounce::Record>&& records) {
  if (learned_) {
    for (bounce::Record& record : records) judge_and_pass_on(record);
    return;
  }
  // The owner is learned from exactly the first kLearningWindow records, however the scan
  // happens to batch them: records past the window are judged once it is learned. The batch
  // that completes the window is not held, nor its records past the window moved apart: learn()
  // takes the batch's first records as the window's last.
  const std::size_t in_window = std::min(records.size(), kLearningWindow - held_records_);
  const std::span<bounce::Record> window_end(records.data(), in_window);
  for (const bounce::Record& record : window_end) learning_.observe(record, sent_);
  held_records_ += in_window;
  if (held_records_ < kLearningWindow) {
    held_.push_back(std::move(records));
    return;
  }
  learn(window_end);
  for (bounce::Record& record : std::span(records).subspan(in_window)) judge_and_pass_on(record);
}

void Diagnoser::judge_and_pass_on(bounce::Record& record) {
  BounceVerdict verdict = is_failure(record) ? judge(record, {owner_, sent_, owner_uses_batv_}) : BounceVerdict{};
  if (is_failure(record)) mass_mail_.observe(record, verdict);
  pass_on(record, verdict, false);
}

void Diagnoser::learn(std::span<bounce::Record> window_end) {
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
  const auto each_in_window = [&](const auto& visit) {
    for (auto& batch : held_)
      for (bounce::Record& record : batch) visit(record);
    for (bounce::Record& record : window_end) visit(record);
  };
  std::vector<BounceVerdict> verdicts;
  verdicts.reserve(held_records_);
  each_in_window([&](const bounce::Record& record) {
    verdicts.push_back(is_failure(record) ? judge(record, context) : BounceVerdict{});
    if (is_failure(record)) mass_mail_.observe(record, verdicts.back());
  });
  std::size_t i = 0;
  each_in_window([&](const bounce::Record& record) {
    if (is_failure(record) && mass_mail_.is_candidate(record, verdicts[i])) tally_.count_candidate(record);
    ++i;
  });
  i = 0;
  each_in_window([&](bounce::Record& record) { pass_on(record, verdicts[i++], true); });
  held_.clear();
  held_.shrink_to_fit();
  held_records_ = 0;
}

void Diagnoser::pass_on(bounce::Record& record, BounceVerdict& verdict, bool counted) {
  // Delivery reports, auto-replies and feedback reports are not failures: nothing to diagnose.
  if (is_failure(record)) {
    Category category = verdict.category;
    if (mass_mail_.is_candidate(record, verdict)) {
      if (!counted) tally_.count_candidate(record);
      if (tally_.compromise_seen()) category = Category::kCompromise;
    }
    if (report_ == Report::kWithSituations) tally_.add(record, verdict, category);
    record.sent_by_owner = verdict.sent_by_owner;
    record.category = to_string(category);
    record.evidence = std::move(verdict.evidence);
  }
  sink_(record);
}

DiagnosisReport Diagnoser::finish() {
  if (!learned_) learn({});
  DiagnosisReport report;
  report.owner.domains = owner_.domains;
  report.owner.relays = relay_names(owner_);
  report.owner.learned_from = owner_.learned_from;
  if (report_ == Report::kOwnerOnly) return report;
  report.situations = tally_.situations();
  if (dns_ != nullptr) dns_->check_refused(tally_.refused_addresses(), report);
  return report;
}

}  // namespace bg::diagnose
