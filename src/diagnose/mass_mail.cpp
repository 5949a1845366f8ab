#include "diagnose/mass_mail.h"

#include "diagnose/ip_range.h"

namespace bg::diagnose {

namespace {

// A client address is a spam source once it has sent this many spam-like messages.
constexpr std::uint64_t kSpamSource = 2;
// Signs needed to call a bounce part of mass mail (see is_candidate).
constexpr int kCandidateSigns = 3;

bool is_spam_refusal(std::string_view reason) {
  return reason == "spamdetected" || reason == "policyviolation" || reason == "virusdetected" ||
         reason == "badreputation" || reason == "blocked" || reason == "contenterror";
}

}  // namespace

std::string MassMailDetector::client_of(const bounce::Record& record, const BounceVerdict& verdict) {
  const std::string& webmail_client = record.original.x_originating_ip;
  if (!webmail_client.empty()) return webmail_client;
  const auto address = parse_ip(verdict.client_ip);
  return address && !is_internal(*address) ? address->to_string() : std::string();
}

void MassMailDetector::observe(const bounce::Record& record, const BounceVerdict& verdict) {
  if (verdict.sent_by_owner != true || !verdict.spammy_subject) return;
  if (const std::string client = client_of(record, verdict); !client.empty()) ++spam_by_client_[client];
}

bool MassMailDetector::is_candidate(const bounce::Record& record, const BounceVerdict& verdict) const {
  if (verdict.sent_by_owner != true) return false;
  const std::string& id = record.original.messageid;
  if (!id.empty() && sent_.in_sent_folder(id)) return false;  // the owner wrote it
  int signs = 0;
  if (verdict.spammy_subject) signs += 2;
  if (const std::string client = client_of(record, verdict); !client.empty()) {
    const auto it = spam_by_client_.find(client);
    if (it != spam_by_client_.end() && it->second >= kSpamSource) signs += 2;
  }
  if (sent_.sent_messages() > 0 && !id.empty()) signs += 2;  // missing from the Sent folder given
  if (!sent_.empty() && !sent_.wrote_to(record.recipient)) signs += 1;
  if (is_spam_refusal(record.reason)) signs += 1;
  return signs >= kCandidateSigns;
}

}  // namespace bg::diagnose
