#include "diagnose/owner_learning.h"

#include "bounce/address.h"
#include "diagnose/batv.h"
#include "diagnose/bounce_verdict.h"
#include "mime/ascii.h"
#include "report/human_number.h"

namespace bg::diagnose {

namespace {

using report::human_number;

// A relay is learned from DKIM-signed originals only when several came from it: one forged
// signature must not make a spammer's address the owner's.
constexpr std::uint64_t kSignedOriginalsForRelay = 2;

}  // namespace

void OwnerLearning::observe(const bounce::Record& record, const SentMail& sent) {
  ++bounces_;
  const auto tag = read_batv(record.bounce_to);
  const std::string bounce_domain = bounce::domain_of(tag ? tag->address : record.bounce_to);
  if (!bounce_domain.empty()) ++bounce_domains_[bounce_domain];
  if (tag) ++batv_domains_[bounce_domain];
  if (!record.senderdomain.empty()) ++sender_domains_[record.senderdomain];

  // A copy whose top line the bounce's own writer wrote never left that server: the client it
  // came from is no relay (when that server is the owner's, it is the owner's user or an attacker).
  const auto& received = record.original.received;
  if (!received.empty() && !record.lhost.empty() && mime::iequals(received.front().by_host, record.lhost)) return;
  // Where the original came from counts only when something vouches for it; most originals are
  // neither found among the owner's sent mail nor signed, and their hops are not searched.
  const std::string& id = record.original.messageid;
  const bool found_in_sent_mail = !id.empty() && (sent.in_sent_folder(id) || sent.in_mail_log(id));
  if (!found_in_sent_mail && record.original.dkim_domains.empty()) return;
  const EntryHop entry = entry_hop(record.original);
  if (entry.hop == nullptr) return;
  const std::string& ip = entry.hop->from_ip;
  if (found_in_sent_mail) ++sent_entry_ips_[ip];
  for (const std::string& signer : record.original.dkim_domains) ++signed_entry_ips_[signer][ip];
}

void OwnerLearning::complete_domains(Owner& owner) const {
  if (owner.domains.empty()) {
    // The domain most bounces come back to; failing that, the originals' senders'. Of domains
    // as frequent, the first in name order.
    const auto& counts = bounce_domains_.empty() ? sender_domains_ : bounce_domains_;
    std::string best;
    std::uint64_t best_count = 0;
    for (const auto& [domain, count] : counts)
      if (count > best_count || (count == best_count && domain < best)) best = domain, best_count = count;
    if (!best.empty()) {
      owner.domains.push_back(best);
      owner.learned_from.push_back("domain " + best + ": " + human_number(best_count) + " of " + human_number(bounces_) +
                                   " bounces came back to addresses there");
    }
  }
}

void OwnerLearning::complete_relays(Owner& owner, const SentMail& sent) const {
  for (const auto& [ip, count] : sent_entry_ips_) {
    if (owner.is_relay(ip) || !add_relay(owner, ip)) continue;
    owner.learned_from.push_back("relay " + ip + ": " + human_number(count) + " returned " +
                                 (count == 1 ? "original" : "originals") + " found in your Sent folder or mail log came from it");
  }
  for (const auto& [signer, ips] : signed_entry_ips_) {
    if (!owner.owns_domain(signer)) continue;
    for (const auto& [ip, count] : ips) {
      if (count < kSignedOriginalsForRelay || owner.is_relay(ip) || !add_relay(owner, ip)) continue;
      owner.learned_from.push_back("relay " + ip + ": " + human_number(count) + " returned originals signed by " + signer +
                                   " (DKIM) came from it");
    }
  }
  for (const auto& [host, count] : sent.submission_hosts()) {
    if (owner.is_relay_host(host) || !add_relay(owner, host)) continue;
    const std::string messages = count == 1 ? " message in your Sent folder was" : " messages in your Sent folder were";
    owner.learned_from.push_back("relay " + host + ": " + human_number(count) + messages + " submitted to it");
  }
}

bool OwnerLearning::uses_batv(const Owner& owner) const {
  for (const auto& [domain, count] : batv_domains_)
    if (owner.owns_domain(domain)) return true;
  return false;
}

}  // namespace bg::diagnose
