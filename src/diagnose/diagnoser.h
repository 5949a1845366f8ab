#pragma once
// The diagnosis of a scan, record by record and in order. The owner is learned from the first
// records (kLearningWindow of them, or all when there are fewer) before any is judged; after that
// each record is judged as it comes, so the scan keeps streaming with bounded memory.
#include <functional>
#include <span>
#include <vector>

#include "bounce/record.h"
#include "diagnose/bounce_verdict.h"
#include "diagnose/diagnosis_types.h"
#include "diagnose/dns_knowledge.h"
#include "diagnose/mass_mail.h"
#include "diagnose/owner.h"
#include "diagnose/owner_learning.h"
#include "diagnose/sent_mail.h"
#include "diagnose/situation_tally.h"

namespace bg::diagnose {

class Diagnoser {
 public:
  // Receives each judged record once, in order; it may move from it.
  using Sink = std::function<void(bounce::Record&)>;

  // What finish() reports: the mailbox's situations with the owner, or, for an output that shows
  // no situations, the owner alone, which spares tallying every record.
  enum class Report { kWithSituations, kOwnerOnly };

  // `owner` holds what the command line said (domains, relays); `sent` what the owner sent;
  // `dns`, when given, what the DNS knows (SPF relays, blocklists).
  Diagnoser(Owner owner, const SentMail& sent, Sink sink, DnsKnowledge* dns = nullptr,
            Report report = Report::kWithSituations);

  // Takes the scan's next record; passes it on, with its verdict, to the sink.
  void add(bounce::Record&& record);
  // Takes the scan's next records at once. While the owner is being learned they are held as
  // the batch they came in, so holding thousands of records moves none of them.
  void add(std::vector<bounce::Record>&& records);
  // Judges and passes on what is still held, and returns the report.
  DiagnosisReport finish();

  static constexpr std::size_t kLearningWindow = 1000;

 private:
  // Learns the owner from the held records and then `window_end`, the window's last records,
  // and passes them all on.
  void learn(std::span<bounce::Record> window_end);
  void judge_and_pass_on(bounce::Record& record);
  // Moves the verdict's evidence into the record. `counted`: learn() has counted the record
  // among the mass mail candidates already.
  void pass_on(bounce::Record& record, BounceVerdict& verdict, bool counted);

  Owner owner_;
  const SentMail& sent_;
  Sink sink_;
  DnsKnowledge* dns_;
  Report report_;
  bool relays_given_;
  OwnerLearning learning_;
  std::vector<std::vector<bounce::Record>> held_;  // batches, in order
  std::size_t held_records_ = 0;
  bool learned_ = false;
  bool owner_uses_batv_ = false;
  MassMailDetector mass_mail_;
  SituationTally tally_;
};

}  // namespace bg::diagnose
