#pragma once
// Diagnosing a mailbox full of bounces: who sent the returned originals, what each bounce is,
// and which situations the owner is in (spoofing, compromise, blocklisting, authentication,
// ordinary delivery failures), with evidence and actions.
#include <memory>
#include <string>
#include <vector>

#include "bounce/record.h"
#include "diagnose/diagnosis_types.h"
#include "diagnose/owner.h"
#include "diagnose/sent_mail.h"
#include "dns/resolver.h"
#include "mailbox/message_source.h"
#include "scan/scan_summary.h"

namespace bg::diagnose {

struct OwnerOptions {
  std::vector<std::string> domains;        // --domain
  std::vector<std::string> relays;         // --relay: IP, CIDR or host name
  std::vector<std::string> sent_paths;     // --sent: Sent folders, any mailbox format
  std::vector<std::string> maillog_paths;  // --maillog: Postfix or Exim logs
};

// What the diagnosis starts from: the owner as given, and what they sent.
struct DiagnosisSetup {
  Owner owner;
  std::unique_ptr<SentMail> sent;
  // What the user should hear of the Sent folders and mail logs, though it did not stop the
  // reading: a file in a Sent folder that could not be read, or an input that proves nothing
  // sent (the wrong file, most likely).
  std::vector<mailbox::ReadProblem> input_problems;
};

// Reads the options. Throws std::invalid_argument naming a malformed domain or relay, and
// mailbox::InputError naming a Sent folder or mail log that cannot be read.
DiagnosisSetup prepare_diagnosis(const OwnerOptions& options);

struct DiagnosedScan {
  std::vector<bounce::Record> records;  // in input order, each with its verdict
  DiagnosisReport report;
  scan::ScanSummary summary;
};

// Scans `inputs` as `bounceguard scan` does and diagnoses them, keeping every record in memory:
// for tests and small mailboxes; the command streams instead. With a `resolver`, the owner's
// SPF records and the blocklists are asked too.
DiagnosedScan diagnose_inputs(const std::vector<std::string>& inputs, const OwnerOptions& options,
                              dns::Resolver* resolver = nullptr);

}  // namespace bg::diagnose
